/** The outcome list's columns: header labels, how a cell reads, the document link, the CSV. */
import type { OutcomeListRow, OutcomeSortKey } from '$lib/db/queries/outcomes';
import { toCsv } from '$lib/export/csv';
import { formatDate, t } from '$lib/i18n';

/** A column of the outcome list (its key is also its sort key). */
export interface OutcomeColumn {
	key: OutcomeSortKey;
	label: string;
	/** The cell as text (also its CSV value unless `raw` says otherwise). */
	text: (r: OutcomeListRow) => string;
	/** Width in the on-screen table (CSS length; `auto` takes the rest). */
	width: string;
}

const date = (iso: string | null) => (iso ? formatDate(iso) : '');
const status = (s: string | null) => (s ? t(`status.${s}` as Parameters<typeof t>[0]) : '');

/** The columns in display order. */
export function outcomeColumns(): OutcomeColumn[] {
	const col = (key: OutcomeSortKey, width: string, text: OutcomeColumn['text']) => ({
		key,
		label: t(`outcomes.col.${key}`),
		text,
		width
	});
	return [
		col('title', 'auto', (r) => r.title),
		col('theme', '11rem', (r) => r.theme),
		col('lead_sector', '6.5rem', (r) => r.lead_sector ?? ''),
		col('sectors', '8rem', (r) => r.sectors.join(', ')),
		col('status', '6.5rem', (r) => status(r.status)),
		col('date', '6.5rem', (r) => date(r.date)),
		col('due_date', '6.5rem', (r) => date(r.due_date)),
		col('completed_date', '6.5rem', (r) => date(r.completed_date)),
		col('document', '6.5rem', (r) => r.document ?? '')
	];
}

/** A document reference as a link target: only an absolute http(s) URL, else null (shown as text). */
export function documentHref(doc: string | null): string | null {
	if (!doc || !/^https?:\/\//i.test(doc.trim())) return null;
	try {
		const u = new URL(doc.trim());
		return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
	} catch {
		return null;
	}
}

/**
 * The list as CSV: raw values (ISO dates, status codes, sectors joined by `;`), formula-safe,
 * with the outcome id first so a row can be found again in the source export.
 */
export function outcomesCsv(rows: readonly OutcomeListRow[]): string {
	const keys = [
		'outcome_id',
		'title',
		'theme_id',
		'theme',
		'lead_sector',
		'sectors',
		'status',
		'date',
		'due_date',
		'completed_date',
		'document'
	] as const;
	return toCsv(
		[...keys],
		rows.map((r) => keys.map((k) => r[k]))
	);
}

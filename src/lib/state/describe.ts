/** Human descriptions of a view: period and filters, for chart subtitles, chips and captions. */
import { formatDate, formatList, intlLocale, t } from '../i18n';
import type { ThemeListRow } from '../db/queries/themes';
import type { DateRange, ViewState } from './view';

/** A filter other than the period. */
export type FilterKey = 'sector' | 'theme' | 'status';

/**
 * The note a tile or chart shows for the active filters its query does not apply, e.g.
 * `not filtered by sector and status`; empty when it honours every active filter.
 */
export function notFilteredBy(active: readonly FilterKey[], honours: readonly FilterKey[]): string {
	const missing = active.filter((k) => !honours.includes(k));
	if (!missing.length) return '';
	const names = missing.map((k) => t(`filter.${k}`).toLocaleLowerCase(intlLocale()));
	return t('view.notFiltered', { filters: formatList(names) });
}

/** One active filter as a removable chip. */
export interface FilterChip {
	key: 'sector' | 'theme' | 'status' | 'period';
	label: string;
}

/** A date range as text (`1 Jan 2020 – 31 Dec 2020`), or "All data" with the extent. */
export function describePeriod(
	r: DateRange | null,
	extent: { first: string | null; last: string | null }
): string {
	const range = r ?? (extent.first && extent.last ? { from: extent.first, to: extent.last } : null);
	if (!range) return t('view.allData');
	const fmt = (iso: string) =>
		iso.startsWith('0001') || iso.startsWith('9999') ? '…' : formatDate(iso);
	return `${fmt(range.from)} – ${fmt(range.to)}`;
}

const statusLabel = (s: string) => t(`status.${s}` as Parameters<typeof t>[0]);

/** The active filters of a view as chips (period included when it is not "all"). */
export function filterChips(
	v: ViewState,
	period: DateRange | null,
	themes: ThemeListRow[],
	extent: { first: string | null; last: string | null }
): FilterChip[] {
	const chips: FilterChip[] = [];
	if (period)
		chips.push({
			key: 'period',
			label: `${t('filter.period')}: ${describePeriod(period, extent)}`
		});
	if (v.sector) chips.push({ key: 'sector', label: `${t('filter.sector')}: ${v.sector}` });
	if (v.theme) {
		const name = themes.find((x) => x.theme_id === v.theme)?.name ?? v.theme;
		chips.push({ key: 'theme', label: `${t('filter.theme')}: ${name}` });
	}
	if (v.status)
		chips.push({ key: 'status', label: `${t('filter.status')}: ${statusLabel(v.status)}` });
	return chips;
}

/**
 * A chart subtitle: the period, then the filters the chart's query applies (`applies`; all when
 * left out), e.g. `1 Jan 2020 – 31 Dec 2020 · Sector: BR`.
 */
export function describeView(
	v: ViewState,
	period: DateRange | null,
	themes: ThemeListRow[],
	extent: { first: string | null; last: string | null },
	applies: readonly FilterChip['key'][] = ['sector', 'theme', 'status']
): string {
	const chips = filterChips(v, period, themes, extent);
	const others = chips.filter((c) => c.key !== 'period' && applies.includes(c.key));
	const active = chips.map((c) => c.key).filter((k): k is FilterKey => k !== 'period');
	const ignored = notFilteredBy(
		active,
		applies.filter((k): k is FilterKey => k !== 'period')
	);
	return [describePeriod(period, extent), ...others.map((c) => c.label), ignored]
		.filter(Boolean)
		.join(' · ');
}

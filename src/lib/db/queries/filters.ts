/** The dashboard's filters as SQL predicates (values escaped through `literal`). */
import { literal } from '../sql';

/** Active dashboard filters; every field optional, dates ISO `yyyy-mm-dd` (inclusive). */
export interface Filters {
	sector?: string | null;
	theme?: string | null;
	status?: string | null;
	from?: string | null;
	to?: string | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function periodClauses(f: Filters, column: string): string[] {
	const out: string[] = [];
	if (f.from && ISO.test(f.from)) out.push(`${column} >= DATE ${literal(f.from)}`);
	if (f.to && ISO.test(f.to)) out.push(`${column} <= DATE ${literal(f.to)}`);
	return out;
}

const where = (clauses: string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');

function outcomeClauses(f: Filters, alias: string): string[] {
	const p = alias ? `${alias}.` : '';
	const c = periodClauses(f, `${p}date`);
	if (f.sector) c.push(`list_contains(${p}sectors, ${literal(f.sector)})`);
	if (f.theme) c.push(`${p}theme_id = ${literal(f.theme)}`);
	if (f.status) c.push(`${p}status = ${literal(f.status)}`);
	return c;
}

/** WHERE clause selecting the outcomes the filters keep (`o` may prefix the columns). */
export function outcomeWhere(f: Filters, alias = ''): string {
	return where(outcomeClauses(f, alias));
}

/** The same selection as a boolean expression (`true` without filters), for `FILTER (WHERE …)`. */
export function outcomeCondition(f: Filters, alias = ''): string {
	return outcomeClauses(f, alias).join(' AND ') || 'true';
}

/** WHERE clause selecting the meetings in the filtered period. */
export function meetingWhere(f: Filters, alias = ''): string {
	return where(periodClauses(f, `${alias ? `${alias}.` : ''}date`));
}

/** WHERE clause selecting the themes the filters keep. */
export function themeWhere(f: Filters): string {
	return f.theme ? `WHERE theme_id = ${literal(f.theme)}` : '';
}

/**
 * Problem and staging SQL over a checked table (validate.ts): every failed check as a problem
 * row, and the rows without an error in the live table's shape. Pure builders: (options) -> SQL.
 */
import type { ContractColumn, ContractTable } from '../../contract/contract';
import { ident, listLiteral, literal } from '../sql';
import { rawName, typedColumn, unknownName } from './validate';

function parseReason(c: ContractColumn): string {
	switch (c.type) {
		case 'integer':
		case 'count':
			return 'not a whole number';
		case 'date':
			return 'not a valid date (use 2022-09-20, 20/09/2022 or 20 September 2022)';
		case 'enum':
			return `unknown value; expected one of ${(c.values ?? []).join(', ')}`;
		case 'sector':
			return 'unknown sector code; expected BR, TSB, BDT or GS (or an alias)';
		case 'url':
			return 'link dropped: only http:// and https:// addresses are accepted';
		default:
			return 'invalid value';
	}
}

/** What a reference check compares against: a table and its key column. */
export interface RefTarget {
	table: string;
	column: string;
}

/**
 * The problems of checked table `checked` for contract table `t`: missing required values, parse
 * failures, negative counts, unknown sector codes, duplicate keys (errors) and links to unknown
 * meetings or themes and non-http links (warnings). `refs` maps a column to the tables its values
 * must appear in (any of them); `existing`, when appending, is the live table whose keys a new
 * row must not repeat. Columns: `_fi` (file order), file, row, column, value, reason, severity.
 */
export function problemsSql(o: {
	checked: string;
	/** File names by file order (`_fi`). */
	files: string[];
	table: ContractTable;
	refs?: Record<string, RefTarget[] | undefined>;
	existing?: string;
}): string {
	const from = ident(o.checked);
	const fileOf = (fi: string) => `${listLiteral(o.files)}[${fi} + 1]`;
	const sel = (
		col: string,
		value: string,
		reason: string,
		sev: 'error' | 'warning',
		where: string
	) =>
		`SELECT _fi, _row AS "row", ${literal(col)} AS "column", ${value} AS value, ${reason} AS reason, ${literal(sev)} AS severity FROM ${from} WHERE ${where}`;
	const parts: string[] = [];
	for (const c of o.table.columns) {
		const typed = typedColumn(c);
		const raw = ident(rawName(c.name));
		if (c.required)
			parts.push(sel(c.name, 'NULL', literal('missing required value'), 'error', `${raw} IS NULL`));
		if (c.type === 'sectors') {
			const unk = ident(unknownName(c.name));
			parts.push(
				sel(c.name, raw, `'unknown sector code(s): ' || ${unk}`, 'error', `${unk} IS NOT NULL`)
			);
		} else if (c.type !== 'text') {
			const sev = c.type === 'url' ? 'warning' : 'error';
			parts.push(
				sel(c.name, raw, literal(parseReason(c)), sev, `${raw} IS NOT NULL AND ${typed} IS NULL`)
			);
		}
		if (c.type === 'count')
			parts.push(sel(c.name, raw, `'negative count'`, 'error', `${typed} < 0`));
		if (c.unique && c.type === 'integer')
			parts.push(sel(c.name, raw, `'must be 1 or more'`, 'error', `${typed} < 1`));
		if (c.unique) {
			parts.push(
				`SELECT _fi, _row AS "row", ${literal(c.name)} AS "column", ${raw} AS value,
  'duplicate ' || ${literal(c.name)} || ': first in ' || ${fileOf('first_fi')} || ' row ' || first_row AS reason, 'error' AS severity
FROM (SELECT _fi, _row, ${raw}, row_number() OVER w AS n, first_value(_fi) OVER w AS first_fi, first_value(_row) OVER w AS first_row
      FROM ${from} WHERE ${typed} IS NOT NULL WINDOW w AS (PARTITION BY ${typed} ORDER BY _fi, _row)) WHERE n > 1`
			);
			if (o.existing)
				parts.push(
					sel(
						c.name,
						raw,
						literal(`duplicate ${c.name}: already in the loaded ${o.table.name}`),
						'error',
						`${typed} IN (SELECT ${ident(c.name)} FROM ${ident(o.existing)})`
					)
				);
		}
		const targets = o.refs?.[c.name] ?? [];
		if (targets.length > 0) {
			const label = c.references === 'meetings' ? 'meeting' : 'theme';
			const keys = targets
				.map(
					(r) =>
						`SELECT ${ident(r.column)} FROM ${ident(r.table)} WHERE ${ident(r.column)} IS NOT NULL`
				)
				.join(' UNION ALL ');
			parts.push(
				sel(
					c.name,
					raw,
					literal(`no loaded ${label} has this ${targets[0]!.column}`),
					'warning',
					`${typed} IS NOT NULL AND ${typed} NOT IN (${keys})`
				)
			);
		}
	}
	return `SELECT _fi, ${fileOf('_fi')} AS file, "row", "column", value, reason, severity FROM (\n${parts.join('\nUNION ALL\n')}\n) ORDER BY _fi, "row", severity, "column"`;
}

/** The rows of `checked` with no error, as the live table's columns (contract first, then extras). */
export function stagingSelectSql(o: {
	checked: string;
	problems: string;
	table: ContractTable;
	extras: string[];
	/** The batch has no row error: every checked row is kept (no anti-join). */
	clean?: boolean;
	/** The checked table holds one file, already in row order (no sort). */
	single?: boolean;
}): string {
	const cols = [
		...o.table.columns.map((c) => `${typedColumn(c)} AS ${ident(c.name)}`),
		...o.extras.map(ident)
	];
	const where = o.clean
		? ''
		: `\nWHERE NOT EXISTS (SELECT 1 FROM ${ident(o.problems)} p WHERE p.severity = 'error' AND p._fi = k._fi AND p."row" = k._row)`;
	// Insertion order is preserved, so one file's rows already stand in row order.
	const order = o.clean && o.single ? '' : '\nORDER BY _fi, _row';
	return `SELECT ${cols.join(', ')} FROM ${ident(o.checked)} k${where}${order}`;
}

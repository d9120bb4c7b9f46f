/** Converting Arrow results to plain rows at one boundary: bigint -> number, lists -> arrays. */
import type { Table } from 'apache-arrow';
import type { SqlConnection } from './types';

/** A plain JS value as a query row carries it. */
export type Cell = string | number | boolean | null | Cell[];

function toPlain(v: unknown): Cell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	if (v instanceof Date) return v.toISOString();
	if (typeof v === 'object' && v !== null && 'toArray' in v) {
		return Array.from((v as { toArray(): ArrayLike<unknown> }).toArray(), toPlain);
	}
	return String(v);
}

/** Arrow table -> array of plain objects keyed by column alias. */
export function tableToRows<T>(table: Table): T[] {
	const names = table.schema.fields.map((f) => f.name);
	const cols = names.map((_, i) => table.getChildAt(i));
	const out: T[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, Cell> = {};
		for (let c = 0; c < names.length; c++) row[names[c]!] = toPlain(cols[c]?.get(r));
		out[r] = row as T;
	}
	return out;
}

/** Run a query and return typed plain rows. */
export async function queryRows<T>(
	conn: SqlConnection,
	sql: string,
	params?: unknown[]
): Promise<T[]> {
	return tableToRows<T>(await conn.query(sql, params));
}

/**
 * Arrow result values as the workspace shows and exports them: per column kind, for any result
 * shape. Dates come back from DuckDB-WASM as epoch milliseconds, DECIMALs as unscaled big
 * numbers, BIGINTs as bigint; this is the one place that turns them into text and numbers.
 */
import { Type, type DataType, type Table } from 'apache-arrow';

/** How a column behaves in the grid and in "Chart this". */
export type ColumnKind = 'number' | 'date' | 'timestamp' | 'text' | 'other';

/** A result column: its name, kind and Arrow type (as text, for the header's tooltip). */
export interface ResultColumn {
	index: number;
	name: string;
	kind: ColumnKind;
	type: DataType;
	typeLabel: string;
}

/** A cell as plain JS: what CSV export and charts consume. */
export type PlainCell = string | number | boolean | null | PlainCell[];

/** The kind of an Arrow type. */
export function columnKind(type: DataType): ColumnKind {
	switch (type.typeId) {
		case Type.Int:
		case Type.Float:
		case Type.Decimal:
			return 'number';
		case Type.Date:
			return 'date';
		case Type.Timestamp:
			return 'timestamp';
		case Type.Utf8:
		case Type.LargeUtf8:
		case Type.Bool:
			return 'text';
		case Type.Dictionary:
			return 'text';
		default:
			return 'other';
	}
}

/** The columns of a result, in order. */
export function describeColumns(table: Table): ResultColumn[] {
	return table.schema.fields.map((f, index) => ({
		index,
		name: f.name,
		kind: columnKind(f.type),
		type: f.type,
		typeLabel: String(f.type)
	}));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Epoch milliseconds as `YYYY-MM-DD` (UTC, as DuckDB stores DATE). */
export function isoDate(ms: number): string {
	const d = new Date(ms);
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Epoch milliseconds as `YYYY-MM-DD HH:MM:SS[.mmm]` (UTC), DuckDB's own text form. */
export function isoTimestamp(ms: number): string {
	const d = new Date(ms);
	const frac = d.getUTCMilliseconds() ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
	return `${isoDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac}`;
}

/** An unscaled decimal integer text with `scale` digits moved behind the point (`-150`, 2 -> `-1.50`). */
export function scaleDecimal(unscaled: string, scale: number): string {
	if (scale <= 0) return unscaled;
	const neg = unscaled.startsWith('-');
	const digits = (neg ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
	return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** A number when a double holds every digit (15 significant digits at most), else the exact text. */
function numberOrText(text: string): number | string {
	const significant = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
	const digits = text.includes('.') ? significant.replace(/0+$/, '') : significant;
	return digits.length <= 15 ? Number(text) : text;
}

/** One Arrow value of `type` as a plain cell. */
export function plainCell(value: unknown, type: DataType): PlainCell {
	if (value === null || value === undefined) return null;
	switch (type.typeId) {
		case Type.Date:
			return isoDate(Number(value));
		case Type.Timestamp:
			return isoTimestamp(Number(value));
		case Type.Decimal:
			return numberOrText(
				scaleDecimal(String(value), (type as unknown as { scale: number }).scale)
			);
		case Type.Int:
			return typeof value === 'bigint' ? numberOrText(String(value)) : Number(value);
		case Type.List:
		case Type.FixedSizeList: {
			const child = (type as unknown as { children: { type: DataType }[] }).children[0]!.type;
			return Array.from((value as Iterable<unknown>) ?? [], (v) => plainCell(v, child));
		}
		default:
			if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
				return value;
			if (typeof value === 'bigint') return String(value);
			if (value instanceof Uint8Array)
				return `\\x${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}`;
			return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v));
	}
}

/** A plain cell as grid text: lists in brackets, NULL spelled out by the caller. */
export function cellText(cell: PlainCell): string {
	if (cell === null) return '';
	if (Array.isArray(cell))
		return `[${cell.map((c) => (c === null ? 'NULL' : cellText(c))).join(', ')}]`;
	return String(cell);
}

/** Every row of a result as plain cells (for CSV export). */
export function resultRows(table: Table): PlainCell[][] {
	const cols = describeColumns(table).map((c) => ({ c, vec: table.getChildAt(c.index) }));
	const out: PlainCell[][] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++)
		out[r] = cols.map(({ c, vec }) => plainCell(vec?.get(r), c.type));
	return out;
}

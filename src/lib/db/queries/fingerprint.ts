/**
 * The dataset fingerprint: a short hex digest of every row of the contract tables, so an exported
 * figure can say which data it was drawn from. Order-independent (a sum of row hashes, so
 * re-loading the same rows in another order gives the same value; unlike XOR, two identical rows
 * do not cancel out) and sensitive to any cell. DuckDB's `hash()` is stable for one engine
 * version, so a fingerprint compares figures made by the same app build.
 */
import { getTable, TABLE_NAMES, type TableName } from '../../contract/contract';
import { ident, literal } from '../sql';

/** Hex digits of a fingerprint. */
export const FINGERPRINT_LENGTH = 8;

/** Row of `fingerprintSql`: the digest and the rows it covers. */
export interface FingerprintRow {
	fingerprint: string;
	rows: number;
}

/** A fingerprint string: `FINGERPRINT_LENGTH` lower-case hex digits. */
export function isFingerprint(s: unknown): s is string {
	return typeof s === 'string' && new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`).test(s);
}

/**
 * The fingerprint of `tables` (default: the four contract tables): per table its name, row count
 * and the sum of the hashes of its rows (each row's contract columns hashed as one struct),
 * combined into one hash and cut to `FINGERPRINT_LENGTH` hex digits. Columns outside the contract
 * (an upload's extras) do not count: a published Parquet file read by range requests carries only
 * the contract's columns, and must give the same fingerprint as the same file fetched whole.
 */
export function fingerprintSql(tables: readonly TableName[] = TABLE_NAMES): string {
	const parts = tables
		.map((t) => {
			const cols = getTable(t).columns.map((c) => ident(c.name));
			return `SELECT ${literal(t)} AS t, count(*) AS n, coalesce(sum(hash(x)::HUGEINT), 0) AS s FROM (SELECT ${cols.join(', ')} FROM ${ident(t)}) x`;
		})
		.join('\nUNION ALL ');
	return `WITH parts AS (
${parts})
SELECT lower(lpad(hex(hash(string_agg(t || ':' || n || ':' || s, ';' ORDER BY t))), 16, '0'))[1:${FINGERPRINT_LENGTH}] AS fingerprint,
  sum(n)::INTEGER AS "rows"
FROM parts`;
}

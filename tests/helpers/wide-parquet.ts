/**
 * A Parquet file of the sample's outcomes with one large column outside the contract (`notes`:
 * random hex, ~1 KB a row, so compression cannot shrink it), written by native DuckDB: the file
 * that shows whether a range reader really reads only the columns it needs.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Write the wide outcomes file to `to` (small row groups, so it has several); returns its size in bytes. */
export async function writeWideOutcomes(to: string): Promise<number> {
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	const md5s = Array.from({ length: 32 }, () => 'md5(random()::VARCHAR)').join(' || ');
	const csv = path.join(root, 'data/outcomes.csv').replaceAll("'", "''");
	await c.run(
		`COPY (SELECT *, ${md5s} AS notes FROM read_csv('${csv}', all_varchar = true)) TO '${to.replaceAll("'", "''")}' (FORMAT parquet, ROW_GROUP_SIZE 64)`
	);
	c.closeSync();
	db.closeSync();
	return statSync(to).size;
}

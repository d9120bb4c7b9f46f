/**
 * Profile: what reading the 1M outcomes CSV costs in DuckDB-WASM (Node, one thread) by how it is
 * read — all text (the fast path's first step), typed by DuckDB's reader with the contract's
 * types and rejects stored, and typed plus the row numbers the report needs. CPU time per step.
 *   node bench/profile/typed-read.mjs [size=1m]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundle } from '../lib/queries.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const [size = '1m'] = process.argv.slice(2);
const app = await bundle('bench/profile/ingest-entry.ts', 'ingest');
const conn = await app.openNodeEngine();
await conn.registerFile(
	'o.csv',
	new Uint8Array(readFileSync(path.join(ROOT, 'bench/data', size, 'outcomes.csv')))
);
const TYPES = {
	outcome_id: 'VARCHAR',
	meeting_no: 'INTEGER',
	date: 'DATE',
	theme_id: 'VARCHAR',
	title: 'VARCHAR',
	type: 'VARCHAR',
	status: 'VARCHAR',
	lead_sector: 'VARCHAR',
	sectors: 'VARCHAR',
	document: 'VARCHAR',
	due_date: 'DATE',
	completed_date: 'DATE'
};
const cols = (t) =>
	`{${Object.keys(TYPES)
		.map((c) => `'${c}': '${t(c)}'`)
		.join(', ')}}`;
const reader = (t, extra = '') =>
	`read_csv('o.csv', auto_detect = false, header = true, delim = ',', quote = '"', escape = '"', columns = ${cols(t)}${extra})`;
const steps = {
	'text (all VARCHAR)': `CREATE OR REPLACE TABLE t AS SELECT * FROM ${reader(() => 'VARCHAR')}`,
	'text + row_number': `CREATE OR REPLACE TABLE t AS SELECT row_number() OVER () AS _k, * FROM ${reader(() => 'VARCHAR')}`,
	'typed, rejects stored': `CREATE OR REPLACE TABLE t AS SELECT * FROM ${reader((c) => TYPES[c], ", dateformat = '%Y-%m-%d', ignore_errors = true, store_rejects = true")}`,
	'typed + row_number': `CREATE OR REPLACE TABLE t AS SELECT row_number() OVER () AS _k, * FROM ${reader((c) => TYPES[c], ", dateformat = '%Y-%m-%d', ignore_errors = true, store_rejects = true")}`
};
for (const [name, sql] of Object.entries(steps)) {
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	try {
		await conn.query(sql);
	} catch (e) {
		console.log(`${name}: failed: ${String(e).slice(0, 200)}`);
		continue;
	}
	const c = process.cpuUsage(c0);
	console.log(
		`${name.padEnd(24)} cpu ${Math.round((c.user + c.system) / 1000)} ms, wall ${Math.round(performance.now() - t0)} ms`
	);
}

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/lib/db/rows';
import { initDatasetSql } from '../../src/lib/db/queries/dataset';
import type { SqlConnection } from '../../src/lib/db/types';
import { commitBatch, prepareBatch } from '../../src/lib/ingest/load';
import { decodeParquetNode, openNodeEngine } from '../helpers/node-engine';

const fixture = (p: string) => ({
	name: p.split('/').pop()!,
	bytes: new Uint8Array(readFileSync(new URL(`../fixtures/${p}`, import.meta.url)))
});

let conn: SqlConnection;
beforeAll(async () => {
	conn = await openNodeEngine();
	await conn.query(initDatasetSql());
});

describe('loading good exports in three dialects', () => {
	test('semicolon, comma and tab files load into their tables with typed values', async () => {
		const batch = await prepareBatch(conn, {
			files: [
				fixture('good/outcomes-tab.tsv'),
				fixture('good/meetings-semicolon.csv'),
				fixture('good/themes-comma.csv')
			],
			decodeParquet: decodeParquetNode
		});
		console.log(
			JSON.stringify({
				...batch,
				files: batch.files.map((f) => ({ ...f, mapping: null, preview: null, headers: null }))
			})
		);
		expect(batch.errorCount).toBe(0);
		await commitBatch(conn, batch, { source: 'upload' });
		const m = await queryRows(
			conn,
			`SELECT meeting_no, date::VARCHAR AS d, format, participants FROM meetings ORDER BY 1`
		);
		console.log(m);
		const o = await queryRows(
			conn,
			`SELECT * EXCLUDE(date, due_date, completed_date) FROM outcomes ORDER BY 1`
		);
		console.log(o);
	});
});

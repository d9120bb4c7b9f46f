/** The dashboard's query cache: a view seen before answers without the engine, until the data changes. */
import { beforeAll, expect, test } from 'vitest';
import { kpisSql, type KpiRow } from '../../src/lib/db/queries/dashboard';
import type { SqlConnection } from '../../src/lib/db/types';
import { QueryCache } from '../../src/lib/state/query-cache';
import { openFixtureDb } from '../helpers/fixture-db';

let conn: SqlConnection;
let sent: string[] = [];
beforeAll(async () => {
	const real = await openFixtureDb();
	// The real engine, with every statement it receives recorded.
	conn = { ...real, query: (sql, params) => (sent.push(sql), real.query(sql, params)) };
});

test('a view asked again for the same dataset version is answered from the cache', async () => {
	const cache = new QueryCache();
	sent = [];
	const [a] = await cache.rows<KpiRow>(conn, kpisSql({ sector: 'TSB' }), 1);
	const [b] = await cache.rows<KpiRow>(conn, kpisSql({ sector: 'TSB' }), 1);
	expect(b).toEqual(a);
	expect(sent).toHaveLength(1);
	await cache.rows<KpiRow>(conn, kpisSql({ sector: 'BR' }), 1);
	expect(sent).toHaveLength(2);
});

test('a new dataset version asks the engine again', async () => {
	const cache = new QueryCache();
	sent = [];
	await cache.rows<KpiRow>(conn, kpisSql(), 1);
	await cache.rows<KpiRow>(conn, kpisSql(), 2);
	expect(sent).toHaveLength(2);
});

test('a failed query is not kept: asking again retries', async () => {
	const cache = new QueryCache();
	sent = [];
	await expect(cache.rows(conn, 'SELECT * FROM no_such_table', 1)).rejects.toThrow();
	await expect(cache.rows(conn, 'SELECT * FROM no_such_table', 1)).rejects.toThrow();
	expect(sent).toHaveLength(2);
});

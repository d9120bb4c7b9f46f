/**
 * The outcomes cube answers exactly as the raw table: every outcome chart and the KPIs, run once
 * from the cube and once from `outcomes`, under random filter combinations (periods that cut
 * months, start or end only, sector, theme, status) on a random dataset loaded through the app's
 * own load path — which builds the cube in the commit's transaction.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { SECTORS, STATUSES } from '../../src/lib/contract/contract';
import { OUTCOME_CUBE, type OutcomeSource } from '../../src/lib/db/queries/cube';
import {
	kpisSql,
	sectorCollaborationSql,
	statusTrendSql,
	themeSectorSql,
	themeTrendsSql
} from '../../src/lib/db/queries/dashboard';
import { initDatasetSql } from '../../src/lib/db/queries/dataset';
import type { Filters } from '../../src/lib/db/queries/filters';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import { commitBatch, prepareBatch, type InputFile } from '../../src/lib/ingest/load';
import { decodeParquetNode, openNodeEngine } from '../helpers/node-engine';

/** mulberry32: a small seeded generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SEED = 20261202;
const THEMES = ['accessibility', 'gender', 'geospatial', 'membership', 'multilingualism'];
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const iso = (r: () => number) => {
	const d = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 8 * 365) * 86_400_000);
	return d.toISOString().slice(0, 10);
};
const csv = (name: string, lines: string[]): InputFile => ({
	name,
	bytes: new TextEncoder().encode(lines.join('\n') + '\n')
});

function dataset(r: () => number, outcomes: number): InputFile[] {
	const meetings = ['meeting_no,date,format,chair,location,participants'];
	for (let i = 1; i <= 40; i++) meetings.push(`${i},${iso(r)},virtual,Chair,Geneva,${10 + i}`);
	const themes = ['theme_id,name,lead_sector', ...THEMES.map((t) => `${t},${t} name,TSB`)];
	const rows = ['outcome_id,meeting_no,date,theme_id,title,type,status,lead_sector,sectors'];
	for (let i = 1; i <= outcomes; i++) {
		const sectors = SECTORS.filter(() => r() < 0.45);
		if (sectors.length === 0) sectors.push(pick(r, SECTORS));
		rows.push(
			[
				`O-${i}`,
				1 + Math.floor(r() * 40),
				iso(r),
				pick(r, THEMES),
				`Outcome ${i}`,
				'decision',
				pick(r, STATUSES),
				sectors[0],
				`"${sectors.join(';')}"`
			].join(',')
		);
	}
	return [csv('meetings.csv', meetings), csv('themes.csv', themes), csv('outcomes.csv', rows)];
}

function filters(r: () => number): Filters {
	const f: Filters = {};
	const a = iso(r);
	const b = iso(r);
	const [from, to] = a < b ? [a, b] : [b, a];
	// Month starts and ends too, where a period covers whole months only.
	const edge = (d: string, end: boolean) =>
		r() < 0.3
			? end
				? new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)).toISOString().slice(0, 10)
				: `${d.slice(0, 8)}01`
			: d;
	const period = r();
	if (period < 0.6) Object.assign(f, { from: edge(from, false), to: edge(to, true) });
	else if (period < 0.7) f.from = edge(from, false);
	else if (period < 0.8) f.to = edge(to, true);
	if (r() < 0.4) f.sector = pick(r, SECTORS);
	if (r() < 0.3) f.theme = pick(r, THEMES);
	if (r() < 0.3) f.status = pick(r, STATUSES);
	return f;
}

const QUERIES: [string, (f: Filters, via: OutcomeSource) => string][] = [
	['KPIs', kpisSql],
	['outcome status trend', statusTrendSql],
	['theme × sector heatmap', themeSectorSql],
	['sector collaboration', sectorCollaborationSql],
	['theme trends', themeTrendsSql]
];

let conn: SqlConnection;
beforeAll(async () => {
	conn = await openNodeEngine();
	await conn.query(initDatasetSql());
	const batch = await prepareBatch(conn, {
		files: dataset(random(SEED), 3000),
		decodeParquet: decodeParquetNode
	});
	await commitBatch(conn, batch, { source: 'upload' });
});

describe('the outcomes cube', () => {
	test('is built with the load and folds outcomes into fewer cells that sum to the same count', async () => {
		const [c] = await queryRows<{ cells: number; outcomes: number; raw: number }>(
			conn,
			`SELECT count(*)::INTEGER AS cells, sum(n)::INTEGER AS outcomes,
  (SELECT count(*) FROM outcomes)::INTEGER AS raw FROM ${OUTCOME_CUBE}`
		);
		expect(c!.raw).toBe(3000);
		expect(c!.outcomes).toBe(3000);
		expect(c!.cells).toBeLessThan(3000);
	});

	test('every outcome chart and the KPIs answer as the raw table under 150 random filter combinations', async () => {
		const r = random(SEED + 1);
		for (let i = 0; i < 150; i++) {
			const f = filters(r);
			for (const [name, sql] of QUERIES) {
				const [cube, raw] = [
					await queryRows<object>(conn, sql(f, 'cube')),
					await queryRows<object>(conn, sql(f, 'raw'))
				];
				expect(cube, `${name} under ${JSON.stringify(f)} (case ${i}, seed ${SEED})`).toEqual(raw);
			}
		}
	}, 240_000);

	test('follows an append: the cube is rebuilt in the same commit', async () => {
		const batch = await prepareBatch(conn, {
			// New outcome ids: appended rows must not repeat the loaded ones.
			files: [dataset(random(SEED + 2), 50)[2]!].map((f) => ({
				name: 'more.csv',
				bytes: new TextEncoder().encode(new TextDecoder().decode(f.bytes).replace(/^O-/gm, 'A-'))
			})),
			decodeParquet: decodeParquetNode,
			mode: 'append'
		});
		expect(batch.errorCount).toBe(0);
		await commitBatch(conn, batch, { source: 'upload', mode: 'append' });
		const [k] = await queryRows<{ outcomes: number }>(conn, kpisSql({}, 'cube'));
		const [raw] = await queryRows<{ outcomes: number }>(conn, kpisSql({}, 'raw'));
		expect(raw!.outcomes).toBe(3050);
		expect(k!.outcomes).toBe(3050);
	});
});

import { beforeAll, describe, expect, test } from 'vitest';
import { kpisSql, type KpiRow } from '../../src/lib/db/queries/dashboard';
import {
	outcomeCountSql,
	outcomeListSql,
	type OutcomeCountRow,
	type OutcomeListRow
} from '../../src/lib/db/queries/outcomes';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import { openFixtureDb } from '../helpers/fixture-db';
import { documentHref, outcomesCsv } from '../../src/lib/outcomes/columns';

let conn: SqlConnection;
beforeAll(async () => {
	// The three-dialect fixture: 3 meetings, 3 themes, 4 outcomes (tests/fixtures/README.md).
	conn = await openFixtureDb();
}, 120_000);

const list = (o: Parameters<typeof outcomeListSql>[0]) =>
	queryRows<OutcomeListRow>(conn, outcomeListSql(o));

describe('the outcome list', () => {
	test('lists every outcome newest first, with its theme name, sectors and ISO dates', async () => {
		const rows = await list({});
		expect(rows.map((r) => r.outcome_id)).toEqual(['O-3', 'O-4', 'O-2', 'O-1']);
		expect(rows[2]).toMatchObject({
			theme: 'Gender',
			sectors: ['BDT', 'BR', 'GS'],
			status: 'in_progress',
			date: '2015-06-02',
			due_date: '2016-01-01',
			completed_date: null,
			document: 'C22/35'
		});
	});

	test('keeps exactly the outcomes the KPI counts under the same filters', async () => {
		for (const filters of [
			{ theme: 'ai' },
			{ sector: 'BR' },
			{ from: '2015-01-01', to: '2015-12-31' }
		]) {
			const [k] = await queryRows<KpiRow>(conn, kpisSql(filters));
			const [c] = await queryRows<OutcomeCountRow>(conn, outcomeCountSql(filters));
			expect((await list({ filters })).length).toBe(k!.outcomes);
			expect(c!.outcomes).toBe(k!.outcomes);
		}
	});

	test('sorts by a column in either direction, ties broken by outcome id', async () => {
		const asc = await list({ sort: { key: 'status', desc: false } });
		expect(asc.map((r) => r.status)).toEqual(['planned', 'in_progress', 'completed', 'cancelled']);
		const byTheme = await list({ sort: { key: 'theme', desc: true } });
		expect(byTheme.map((r) => r.outcome_id)).toEqual(['O-2', 'O-3', 'O-4', 'O-1']);
	});

	test('pages with limit and offset in the same order as the whole list', async () => {
		const all = await list({ sort: { key: 'title', desc: false } });
		const second = await list({ sort: { key: 'title', desc: false }, limit: 2, offset: 2 });
		expect(second).toEqual(all.slice(2, 4));
	});

	test('a hostile filter value stays a value: nothing matches and the table survives', async () => {
		expect(await list({ filters: { theme: "x'; DROP TABLE outcomes; --" } })).toEqual([]);
		expect((await list({})).length).toBe(4);
	});

	test('the workspace form keeps dates as DATE and runs', async () => {
		const sql = outcomeListSql({ filters: { theme: 'ai' }, nativeDates: true });
		expect(sql).toContain("o.theme_id = 'ai'");
		const t = await conn.query(sql);
		expect(t.numRows).toBe(2);
		expect(String(t.schema.fields.find((f) => f.name === 'date')?.type)).toMatch(/Date/);
	});
});

describe('outcome cells', () => {
	test('a document is a link only when it is an absolute http(s) URL', () => {
		expect(documentHref('https://www.itu.int/md/S22-CL-C-0035')).toBe(
			'https://www.itu.int/md/S22-CL-C-0035'
		);
		expect(documentHref('C22/35')).toBeNull();
		expect(documentHref('javascript:alert(1)')).toBeNull();
		expect(documentHref(' http://x.test/a b')).toBe('http://x.test/a%20b');
		expect(documentHref(null)).toBeNull();
	});

	test('the CSV keeps raw values and neutralises a title that would start a formula', () => {
		const csv = outcomesCsv([
			{
				outcome_id: 'O-9',
				title: '=HYPERLINK("http://evil")',
				theme_id: 'ai',
				theme: 'AI',
				lead_sector: 'TSB',
				sectors: ['TSB', 'BR'],
				status: 'in_progress',
				date: '2022-09-20',
				due_date: null,
				completed_date: null,
				document: null
			}
		]);
		const [header, row] = csv.replace('\uFEFF', '').split('\r\n');
		expect(header).toBe(
			'outcome_id,title,theme_id,theme,lead_sector,sectors,status,date,due_date,completed_date,document'
		);
		expect(row).toBe(
			`O-9,"'=HYPERLINK(""http://evil"")",ai,AI,TSB,"TSB;BR",in_progress,2022-09-20,,,`
		);
	});
});

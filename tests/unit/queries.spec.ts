import { beforeAll, describe, expect, test } from 'vitest';
import {
	attendanceBySectorSql,
	dataExtentSql,
	sectorCollaborationSql,
	themeTrendsSql,
	type AttendanceRow,
	type DataExtentRow,
	type SectorPairRow,
	type ThemeTrendRow,
	kpisSql,
	meetingsPerYearSql,
	statusTrendSql,
	themeSectorSql,
	type KpiRow,
	type MeetingsPerYearRow,
	type StatusTrendRow,
	type ThemeSectorRow
} from '../../src/lib/db/queries/dashboard';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import { openFixtureDb } from '../helpers/fixture-db';

let conn: SqlConnection;
beforeAll(async () => {
	// The three-dialect fixture: 3 meetings, 3 themes, 4 outcomes (tests/fixtures/README.md).
	conn = await openFixtureDb();
});

describe('KPIs', () => {
	test('count rows, sum participants and compute the two ratios as docs/metrics.md defines', async () => {
		const [k] = await queryRows<KpiRow>(conn, kpisSql());
		expect(k).toMatchObject({ meetings: 3, outcomes: 4, themes: 3, participants: 123 });
		// One completed of three not cancelled; three of four outcomes involve two or more sectors.
		expect(k!.completion_rate).toBeCloseTo(1 / 3);
		expect(k!.cross_sector_share).toBeCloseTo(3 / 4);
	});

	test('a sector filter keeps only outcomes involving that sector', async () => {
		const [k] = await queryRows<KpiRow>(conn, kpisSql({ sector: 'GS' }));
		expect(k!.outcomes).toBe(1);
		expect(k!.completion_rate).toBe(0);
	});

	test('a period filter applies to meetings and outcomes alike', async () => {
		const [k] = await queryRows<KpiRow>(conn, kpisSql({ from: '2022-01-01', to: '2022-12-31' }));
		expect(k).toMatchObject({ meetings: 1, outcomes: 2, participants: 52 });
		// Only the planned one is completable; none completed.
		expect(k!.completion_rate).toBe(0);
	});

	test('the completion rate ignores a status filter, which still filters the outcome count', async () => {
		const [all] = await queryRows<KpiRow>(conn, kpisSql());
		const [done] = await queryRows<KpiRow>(conn, kpisSql({ status: 'completed' }));
		expect(done!.outcomes).toBe(1);
		expect(done!.completion_rate).toBeCloseTo(all!.completion_rate!);
		expect(done!.cross_sector_share).toBe(1);
	});

	test('ratios are null, not NaN, when nothing matches', async () => {
		const [k] = await queryRows<KpiRow>(
			conn,
			kpisSql({ theme: "no such theme'; DROP TABLE outcomes; --" })
		);
		expect(k).toMatchObject({
			outcomes: 0,
			themes: 0,
			completion_rate: null,
			cross_sector_share: null
		});
		const [again] = await queryRows<KpiRow>(conn, kpisSql());
		expect(again!.outcomes).toBe(4);
	});
});

describe('chart queries', () => {
	test('meetings per year split by format', async () => {
		const rows = await queryRows<MeetingsPerYearRow>(conn, meetingsPerYearSql());
		expect(rows).toEqual([
			{ year: 2015, format: 'hybrid', meetings: 1, participants: 41 },
			{ year: 2015, format: 'in_person', meetings: 1, participants: 30 },
			{ year: 2022, format: 'virtual', meetings: 1, participants: 52 }
		]);
	});

	test('theme x sector gives every theme x sector cell, zeros included, counting multi-sector outcomes in each', async () => {
		const rows = await queryRows<ThemeSectorRow>(conn, themeSectorSql());
		expect(rows).toHaveLength(3 * 4);
		const cell = (theme: string, sector: string) =>
			rows.find((r) => r.theme_id === theme && r.sector === sector)?.outcomes;
		expect(cell('ai', 'TSB')).toBe(2);
		expect(cell('ai', 'BR')).toBe(1);
		expect(cell('gender', 'BR')).toBe(1);
		expect(cell('gender', 'TSB')).toBe(0);
		expect(rows.map((r) => r.sector).slice(0, 4)).toEqual(['BR', 'TSB', 'BDT', 'GS']);
	});

	test('outcomes by status over time in lifecycle order', async () => {
		const rows = await queryRows<StatusTrendRow>(conn, statusTrendSql());
		expect(rows).toEqual([
			{ year: 2015, status: 'in_progress', outcomes: 1 },
			{ year: 2015, status: 'completed', outcomes: 1 },
			{ year: 2022, status: 'planned', outcomes: 1 },
			{ year: 2022, status: 'cancelled', outcomes: 1 }
		]);
	});
});

describe('management view queries', () => {
	test('sector collaboration counts outcomes involving both sectors, and single-sector ones on the diagonal', async () => {
		const rows = await queryRows<SectorPairRow>(conn, sectorCollaborationSql());
		const pair = (a: string, b: string) =>
			rows.find((r) => r.source === a && r.target === b)?.outcomes ?? 0;
		// O-1 and O-4 involve BR+TSB; O-2 BR+BDT+GS; O-3 TSB alone.
		expect(pair('BR', 'TSB')).toBe(2);
		expect(pair('BR', 'BDT')).toBe(1);
		expect(pair('BDT', 'GS')).toBe(1);
		expect(pair('TSB', 'TSB')).toBe(1);
		expect(pair('BR', 'BR')).toBe(0);
	});

	test('theme trends give every theme a value for every year, zeros included', async () => {
		const rows = await queryRows<ThemeTrendRow>(conn, themeTrendsSql());
		const years = [...new Set(rows.map((r) => r.year))];
		expect(years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
		expect(rows).toHaveLength(3 * 8);
		expect(rows.find((r) => r.theme_id === 'ai' && r.year === 2022)?.outcomes).toBe(2);
		expect(rows.find((r) => r.theme_id === 'ai' && r.year === 2019)?.outcomes).toBe(0);
	});

	test('attendance by sector is empty when no attendance table is loaded', async () => {
		expect(await queryRows<AttendanceRow>(conn, attendanceBySectorSql())).toEqual([]);
	});

	test('the data extent spans meetings and outcomes', async () => {
		const [e] = await queryRows<DataExtentRow>(conn, dataExtentSql());
		expect(e).toEqual({ first: '2015-03-10', last: '2022-09-20' });
	});
});

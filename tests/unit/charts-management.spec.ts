import { describe, expect, test, vi } from 'vitest';
import {
	attendanceEmptyMessage,
	layoutAttendanceBySector
} from '../../src/lib/charts/attendance-by-sector/layout';
import { CHAR_WIDTH, wrapLines } from '../../src/lib/charts/common';
import {
	brushYears,
	isDimmed,
	onActivationKey,
	yearsExtent,
	type YearSteps
} from '../../src/lib/charts/interaction';
import { layoutMeetingsPerYear } from '../../src/lib/charts/meetings-per-year/layout';
import { SECTOR_COLORS } from '../../src/lib/charts/palette';
import {
	chordMatrix,
	layoutSectorCollaboration
} from '../../src/lib/charts/sector-collaboration/layout';
import { layoutThemeTrends, orderThemes } from '../../src/lib/charts/theme-trends/layout';
import type {
	AttendanceRow,
	SectorPairRow,
	ThemeTrendRow
} from '../../src/lib/db/queries/dashboard';

/** Pairs as the query returns them: source before target in sector order, self = alone. */
const pairs: SectorPairRow[] = [
	{ source: 'BR', target: 'BR', outcomes: 2 },
	{ source: 'BR', target: 'TSB', outcomes: 5 },
	{ source: 'BR', target: 'BDT', outcomes: 1 },
	{ source: 'TSB', target: 'GS', outcomes: 3 },
	{ source: 'BDT', target: 'BDT', outcomes: 4 }
];

/** Theme x year rows with zeros, as the query returns them, from per-year counts. */
function trendRows(counts: Record<string, number[]>, from = 2018): ThemeTrendRow[] {
	return Object.entries(counts).flatMap(([theme, values]) =>
		values.map((outcomes, i) => ({
			theme_id: theme.toLowerCase().replace(/\W+/g, '-'),
			theme,
			year: from + i,
			outcomes
		}))
	);
}

describe('sector collaboration chord', () => {
	test('builds a symmetric matrix: pairs both ways, outcomes alone on the diagonal', () => {
		const m = chordMatrix({ rows: pairs, sectors: ['BR', 'TSB', 'BDT', 'GS'] });
		expect(m).toEqual([
			[2, 5, 1, 0],
			[5, 0, 0, 3],
			[1, 0, 4, 0],
			[0, 3, 0, 0]
		]);
	});

	test('draws one ribbon per non-zero pair, valued at the pair count, self-ribbons included', () => {
		const m = layoutSectorCollaboration({ rows: pairs, width: 480 });
		expect(m.ribbons.map((r) => [r.source, r.target, r.outcomes])).toEqual(
			pairs.map((p) => [p.source, p.target, p.outcomes])
		);
		for (const r of m.ribbons) {
			expect(r.color).toBe(SECTOR_COLORS[r.source]);
			expect(r.path).toMatch(/^M[-\d.,]+/);
		}
	});

	test('sizes each arc as the sum of its ribbons and leaves a sector with none out', () => {
		const m = layoutSectorCollaboration({
			rows: pairs.filter((p) => p.target !== 'GS'),
			width: 480
		});
		expect(m.arcs.map((a) => [a.sector, a.value])).toEqual([
			['BR', 8],
			['TSB', 5],
			['BDT', 5]
		]);
	});

	test('fits the ring in a phone-width svg with its labels inside the svg', () => {
		const m = layoutSectorCollaboration({ rows: pairs, width: 300 });
		expect(m.height).toBeLessThanOrEqual(300);
		for (const { label } of m.arcs) {
			expect(m.cx + label.x).toBeGreaterThanOrEqual(0);
			expect(m.cx + label.x + label.width).toBeLessThanOrEqual(300);
			expect(m.cy + label.y).toBeGreaterThanOrEqual(0);
			expect(m.cy + label.y + label.height).toBeLessThanOrEqual(m.height);
		}
	});

	test('has no ribbons (the empty state) when no outcome involves a sector', () => {
		const m = layoutSectorCollaboration({ rows: [], width: 480 });
		expect(m.ribbons).toEqual([]);
		expect(m.arcs).toEqual([]);
	});
});

describe('theme trends', () => {
	const rows = trendRows({
		// 2018..2023; the last three years are 2021..2023.
		Old: [9, 9, 9, 0, 0, 1],
		Rising: [0, 0, 0, 1, 2, 3],
		Steady: [1, 1, 1, 2, 2, 2],
		Alpha: [0, 0, 0, 2, 2, 2]
	});

	test('orders themes by recent activity, then total, then name', () => {
		const m = layoutThemeTrends({ rows, width: 800 });
		expect(m.panels.map((p) => [p.name, p.recent, p.total])).toEqual([
			['Steady', 6, 9],
			['Alpha', 6, 6],
			['Rising', 6, 6],
			['Old', 1, 28]
		]);
		expect(
			orderThemes([
				{ id: 'b', name: 'Same', recent: 0, total: 0 },
				{ id: 'a', name: 'Same', recent: 0, total: 0 }
			]).map((t) => t.id)
		).toEqual(['a', 'b']);
	});

	test('shares one y scale: equal values sit at equal heights, the overall peak at the top', () => {
		const m = layoutThemeTrends({ rows, width: 800 });
		expect(m.max).toBe(9);
		const yOf = (name: string, year: number) => {
			const p = m.panels.find((q) => q.name === name)!;
			return Number(p.line.split(/[ML]/).filter(Boolean)[year - 2018]!.split(',')[1]);
		};
		expect(yOf('Steady', 2021)).toBe(yOf('Alpha', 2021));
		expect(yOf('Old', 2018)).toBeCloseTo(m.plotTop, 5);
		expect(yOf('Old', 2021)).toBeCloseTo(m.plotBottom, 5);
		expect(m.panels.find((p) => p.name === 'Rising')!.last).toMatchObject({ value: 3, text: '3' });
	});

	test('balances the grid so the last row is as full as it can be', () => {
		const names = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`T${i}`, [1]]));
		// Six 180 px columns fit in 1200 px; 13 panels take three rows either way, so five columns.
		expect(layoutThemeTrends({ rows: trendRows(names), width: 1200 }).columns).toBe(5);
		expect(layoutThemeTrends({ rows: trendRows(names), width: 320 }).columns).toBe(2);
		expect(layoutThemeTrends({ rows: [], width: 320 })).toMatchObject({ panels: [], height: 0 });
	});

	test('reflows 16 long-named themes into columns of at least the minimum width, names whole, without overlap', () => {
		const long = 'Emergency telecommunications and early warning systems for all by 2027';
		const many = trendRows(
			Object.fromEntries(
				Array.from({ length: 16 }, (_, i) => [`${i % 3 ? 'Theme' : long} ${i}`, [i, 1, 2]])
			)
		);
		for (const width of [320, 700, 1400]) {
			const m = layoutThemeTrends({ rows: many, width });
			expect(m.panels).toHaveLength(16);
			expect(m.cellWidth).toBeGreaterThanOrEqual(width < 480 ? 120 : 180);
			expect(m.columns * m.cellWidth + (m.columns - 1) * 12).toBeLessThanOrEqual(width + 0.5);
			for (const p of m.panels) {
				// A figure never shortens a name: it wraps onto as many lines as the panel needs.
				expect(p.lines.join(' ').replace(/- /g, '')).toBe(p.name);
				for (const line of p.lines)
					expect(line.length * CHAR_WIDTH).toBeLessThanOrEqual(m.cellWidth);
				const overlaps = m.panels.filter(
					(q) => q !== p && Math.abs(q.x - p.x) < m.cellWidth && Math.abs(q.y - p.y) < m.cellHeight
				);
				expect(overlaps).toEqual([]);
			}
			expect(m.height).toBe(Math.ceil(16 / m.columns) * (m.cellHeight + 12) - 12);
		}
	});

	test('wraps a name onto two lines at spaces and ends what is left with an ellipsis', () => {
		expect(
			wrapLines({ text: 'Gender equality and mainstreaming', maxChars: 16, maxLines: 2 })
		).toEqual(['Gender equality', 'and mainstreami…']);
		expect(wrapLines({ text: 'Quantum', maxChars: 16, maxLines: 2 })).toEqual(['Quantum']);
		expect(wrapLines({ text: 'Supercalifragilistic', maxChars: 8, maxLines: 2 })).toEqual([
			'Supercal',
			'ifragil…'
		]);
	});
});

describe('attendance by sector', () => {
	const rows: AttendanceRow[] = [
		{ year: 2020, sector: 'BR', participants: 10, meetings: 2 },
		{ year: 2020, sector: 'GS', participants: 4, meetings: 1 },
		{ year: 2022, sector: 'TSB', participants: 7, meetings: 3 }
	];

	test('says no attendance table is loaded when there are no rows and no table', () => {
		expect(attendanceEmptyMessage({ rows: [] })).toBe('chart.attendance-by-sector.empty');
		expect(attendanceEmptyMessage({ rows: [], tableLoaded: false })).toBe(
			'chart.attendance-by-sector.empty'
		);
	});

	test('says nothing matches when the table is loaded but the filters leave no rows', () => {
		expect(attendanceEmptyMessage({ rows: [], tableLoaded: true })).toBe('chart.empty');
		expect(attendanceEmptyMessage({ rows, tableLoaded: true })).toBeNull();
	});

	test('stacks sectors in canonical order with one bar per year and sector, meetings kept', () => {
		const m = layoutAttendanceBySector({ rows, width: 480 });
		expect(m.bars.map((b) => [b.year, b.key, b.value, b.meetings])).toEqual([
			[2020, 'BR', 10, 2],
			[2020, 'GS', 4, 1],
			[2022, 'TSB', 7, 3]
		]);
		expect(m.steps.years).toEqual([2020, 2021, 2022]);
		expect(m.legend.map((l) => l.key)).toEqual(['BR', 'TSB', 'BDT', 'GS']);
	});
});

describe('brushing years', () => {
	const steps: YearSteps = { years: [2018, 2019, 2020, 2021], left: 100, step: 50 };

	test('a drag inside one year selects that year, in either direction', () => {
		expect(brushYears({ steps, from: 110, to: 140 })).toEqual([2018, 2018]);
		expect(brushYears({ steps, from: 140, to: 110 })).toEqual([2018, 2018]);
	});

	test('a drag across cells selects every year it touches', () => {
		expect(brushYears({ steps, from: 145, to: 205 })).toEqual([2018, 2020]);
		expect(brushYears({ steps, from: 205, to: 145 })).toEqual([2018, 2020]);
		// Ending exactly on a boundary does not take in the next year.
		expect(brushYears({ steps, from: 160, to: 200 })).toEqual([2019, 2019]);
	});

	test('a drag starting or ending off the axis is clamped; one wholly off it selects nothing', () => {
		expect(brushYears({ steps, from: 0, to: 160 })).toEqual([2018, 2019]);
		expect(brushYears({ steps, from: 260, to: 900 })).toEqual([2021, 2021]);
		expect(brushYears({ steps, from: 0, to: 90 })).toBeNull();
		expect(brushYears({ steps, from: 300, to: 400 })).toBeNull();
		expect(brushYears({ steps: { ...steps, years: [] }, from: 0, to: 400 })).toBeNull();
	});

	test('the extent of a year range covers its cells, for the brush preview', () => {
		expect(yearsExtent({ steps, years: [2019, 2020] })).toEqual([150, 250]);
		expect(yearsExtent({ steps, years: [2021, 2019] })).toEqual([150, 300]);
		expect(yearsExtent({ steps, years: [2030, 2031] })).toBeNull();
	});

	test('on a real chart, the centre of every bar maps back to its own year', () => {
		const rows = [2015, 2016, 2019, 2024].map((year) => ({
			year,
			format: 'virtual' as const,
			meetings: 3,
			participants: 30
		}));
		const m = layoutMeetingsPerYear({ rows, width: 360 });
		for (const b of m.bars) {
			const centre = b.x + b.width / 2;
			expect(brushYears({ steps: m.steps, from: centre, to: centre })).toEqual([b.year, b.year]);
		}
		expect(m.steps.years).toHaveLength(10);
	});
});

describe('dimming and activation', () => {
	test('nothing is dimmed without an active selection', () => {
		expect(isDimmed({ sector: 'BR', year: 2020 })).toBe(false);
		expect(isDimmed({ sector: 'BR' }, { sector: null, years: null })).toBe(false);
	});

	test('a mark outside an active filter it is split by is dimmed', () => {
		expect(isDimmed({ sector: 'TSB' }, { sector: 'BR' })).toBe(true);
		expect(isDimmed({ sector: 'BR' }, { sector: 'BR' })).toBe(false);
		expect(isDimmed({ theme: 'ai' }, { theme: 'gender' })).toBe(true);
		expect(isDimmed({ status: 'planned' }, { status: 'completed' })).toBe(true);
		expect(isDimmed({ year: 2019 }, { years: [2020, 2022] })).toBe(true);
		expect(isDimmed({ year: 2022 }, { years: [2020, 2022] })).toBe(false);
	});

	test('a ribbon stays lit when either of its sectors is the active one', () => {
		expect(isDimmed({ sector: ['BR', 'TSB'] }, { sector: 'TSB' })).toBe(false);
		expect(isDimmed({ sector: ['BR', 'TSB'] }, { sector: 'GS' })).toBe(true);
	});

	test('a filter the chart does not split by never dims (the query already applied it)', () => {
		expect(isDimmed({ year: 2020 }, { sector: 'BR', theme: 'ai', status: 'planned' })).toBe(false);
		expect(isDimmed({ theme: 'ai' }, { years: [2000, 2001] })).toBe(false);
	});

	test('every filter must match: a heatmap cell is lit only at its theme and sector', () => {
		const active = { theme: 'ai', sector: 'BR' };
		expect(isDimmed({ theme: 'ai', sector: 'BR' }, active)).toBe(false);
		expect(isDimmed({ theme: 'ai', sector: 'GS' }, active)).toBe(true);
	});

	test('Enter and Space activate a mark and keep Space from scrolling; other keys do nothing', () => {
		const action = vi.fn();
		const press = (key: string) => {
			const e = { key, preventDefault: vi.fn() };
			onActivationKey(action)(e);
			return e.preventDefault.mock.calls.length;
		};
		expect(press('Enter')).toBe(1);
		expect(press(' ')).toBe(1);
		expect(press('Tab')).toBe(0);
		expect(action).toHaveBeenCalledTimes(2);
		expect(() =>
			onActivationKey(undefined)({ key: 'Enter', preventDefault: () => {} })
		).not.toThrow();
	});
});

import { interpolateLab, rgb, scaleBand } from 'd3';
import { describe, expect, test } from 'vitest';
import { layoutLegend, layoutYearTicks, spanYears } from '../../src/lib/charts/common';
import { layoutMeetingsPerYear } from '../../src/lib/charts/meetings-per-year/layout';
import {
	completionRate,
	layoutOutcomeStatusTrend
} from '../../src/lib/charts/outcome-status-trend/layout';
import { HEAT_RAMP } from '../../src/lib/charts/palette';
import {
	DARK_TEXT,
	LIGHT_TEXT,
	layoutThemeSectorHeatmap
} from '../../src/lib/charts/theme-sector-heatmap/layout';
import type {
	MeetingsPerYearRow,
	StatusTrendRow,
	ThemeSectorRow
} from '../../src/lib/db/queries/dashboard';

const meetings: MeetingsPerYearRow[] = [
	{ year: 2015, format: 'in_person', meetings: 4, participants: 118 },
	{ year: 2018, format: 'virtual', meetings: 3, participants: 60 },
	{ year: 2018, format: 'in_person', meetings: 1, participants: 25 },
	{ year: 2018, format: 'hybrid', meetings: 2, participants: 70 }
];

const sectors = ['BR', 'TSB', 'BDT', 'GS'];
/** Theme x sector rows, every cell present as the SQL returns them. */
function heatRows(counts: Record<string, number[]>): ThemeSectorRow[] {
	return Object.entries(counts).flatMap(([theme, cs]) =>
		sectors.map((sector, i) => ({
			theme_id: theme.toLowerCase(),
			theme,
			sector,
			outcomes: cs[i] ?? 0
		}))
	);
}

describe('meetings per year', () => {
	test('stacks formats so each bar is as tall as its year total', () => {
		const m = layoutMeetingsPerYear({ rows: meetings, width: 640 });
		const y2018 = m.bars.filter((b) => b.year === 2018);
		expect(y2018.map((b) => b.key)).toEqual(['in_person', 'hybrid', 'virtual']);
		const bottom = Math.max(...y2018.map((b) => b.y + b.height));
		const top = Math.min(...y2018.map((b) => b.y));
		const y2015 = m.bars.find((b) => b.year === 2015)!;
		// 6 meetings in 2018 against 4 in 2015, on the same baseline.
		expect((bottom - top) / y2015.height).toBeCloseTo(6 / 4, 2);
		expect(y2015.y + y2015.height).toBeCloseTo(bottom, 5);
		const sorted = [...y2018].sort((a, b) => b.y - a.y);
		for (let i = 1; i < sorted.length; i++) {
			expect(sorted[i]!.y + sorted[i]!.height).toBeCloseTo(sorted[i - 1]!.y, 5);
		}
	});

	test('includes the empty years between the first and the last as gaps', () => {
		const m = layoutMeetingsPerYear({ rows: meetings, width: 640 });
		expect(m.xTicks.map((t) => t.label)).toEqual(['2015', '2016', '2017', '2018']);
		expect(new Set(m.bars.map((b) => b.year))).toEqual(new Set([2015, 2018]));
		// Each bar is labelled with its meetings (what the axis measures); participants ride along.
		expect(m.totals.map((t) => [t.year, t.text, t.participants])).toEqual([
			[2015, '4', 118],
			[2018, '6', 155]
		]);
	});

	test('legend lists the formats in stack order and the same input gives the same model', () => {
		const a = layoutMeetingsPerYear({ rows: meetings, width: 480 });
		expect(a.legend.map((l) => l.key)).toEqual(['in_person', 'hybrid', 'virtual', 'unknown']);
		expect(layoutMeetingsPerYear({ rows: [...meetings], width: 480 })).toEqual(a);
	});

	test('at phone width, labels every other year or fewer so year labels never touch', () => {
		const rows = spanYears([2000, 2025]).map((year) => ({
			year,
			format: 'virtual' as const,
			meetings: 2,
			participants: 40
		}));
		const m = layoutMeetingsPerYear({ rows, width: 320 });
		expect(m.xTicks.length).toBeLessThan(26);
		for (let i = 1; i < m.xTicks.length; i++) {
			expect(m.xTicks[i]!.pos - m.xTicks[i - 1]!.pos).toBeGreaterThanOrEqual(28);
		}
	});
});

describe('year ticks', () => {
	test('label every year when the bands are wide enough', () => {
		const x = scaleBand(spanYears([2019, 2023]), [0, 500]);
		expect(layoutYearTicks({ x }).map((t) => t.label)).toEqual([
			'2019',
			'2020',
			'2021',
			'2022',
			'2023'
		]);
	});
});

describe('theme x sector heatmap', () => {
	const rows = heatRows({
		Spectrum: [9, 1, 0, 0],
		Accessibility: [0, 2, 6, 4],
		Gender: [0, 0, 0, 0]
	});

	test('gives empty cells the lightest colour and the busiest cell the darkest', () => {
		const m = layoutThemeSectorHeatmap({ rows, width: 640 });
		const lightest = rgb(HEAT_RAMP[0]).formatRgb();
		const darkest = rgb(HEAT_RAMP[1]).formatRgb();
		for (const c of m.cells.filter((c) => c.outcomes === 0)) expect(c.color).toBe(lightest);
		expect(m.cells.find((c) => c.outcomes === 9)!.color).toBe(darkest);
		const mid = m.cells.find((c) => c.outcomes === 4)!;
		expect(mid.color).toBe(interpolateLab(HEAT_RAMP[0], HEAT_RAMP[1])(4 / 9));
	});

	test('prints dark numbers on light cells and white numbers on dark cells', () => {
		const m = layoutThemeSectorHeatmap({ rows, width: 640 });
		expect(m.cells.find((c) => c.outcomes === 0)!.textColor).toBe(DARK_TEXT);
		expect(m.cells.find((c) => c.outcomes === 9)!.textColor).toBe(LIGHT_TEXT);
	});

	test('orders rows by total activity, then by name', () => {
		const m = layoutThemeSectorHeatmap({
			rows: [...rows, ...heatRows({ Cyber: [10, 2, 0, 0] })],
			width: 640
		});
		expect(m.themes.map((t) => t.name)).toEqual(['Accessibility', 'Cyber', 'Spectrum', 'Gender']);
		expect(m.columns.map((c) => c.sector)).toEqual(sectors);
	});

	test('many themes do not overlap and the chart grows taller with them', () => {
		const many = heatRows(
			Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`Theme ${i}`, [i, 1, 0, 2]]))
		);
		const m = layoutThemeSectorHeatmap({ rows: many, width: 320, rowHeight: 26 });
		expect(m.themes).toHaveLength(16);
		for (let i = 1; i < m.themes.length; i++) {
			expect(m.themes[i]!.y - m.themes[i - 1]!.y).toBeGreaterThanOrEqual(26);
		}
		expect(m.height).toBeGreaterThan(16 * 26);
		const few = layoutThemeSectorHeatmap({ rows: many.slice(0, 8), width: 320 });
		expect(few.height).toBeLessThan(m.height);
	});

	test('wraps a long theme name onto two lines beside the cells, whole, never with an ellipsis', () => {
		const name = 'Emergency telecommunications and early warnings for all 2027';
		expect(name).toHaveLength(60);
		const m = layoutThemeSectorHeatmap({ rows: heatRows({ [name]: [1, 0, 0, 0] }), width: 1200 });
		const label = m.themes[0]!;
		expect(label.name).toBe(name);
		expect(m.labelsAbove).toBe(false);
		expect(label.lines).toHaveLength(2);
		expect(label.lines.join(' ')).toBe(name);
		expect(m.labelWidth).toBeLessThanOrEqual(260);
		for (const c of m.cells) expect(c.x).toBeGreaterThanOrEqual(m.labelWidth);
	});

	test('on a narrow figure puts each name whole on its own lines above its row of cells', () => {
		const name = 'Emergency telecommunications and early warning systems for all by 2027';
		const m = layoutThemeSectorHeatmap({ rows: heatRows({ [name]: [1, 0, 0, 0] }), width: 280 });
		expect(m.labelsAbove).toBe(true);
		expect(m.themes[0]!.lines.join(' ')).toBe(name);
		const cellTop = Math.min(...m.cells.map((c) => c.y));
		expect(cellTop).toBeGreaterThan(m.themes[0]!.y + (m.themes[0]!.lines.length - 1) * 14);
	});
});

describe('outcome status trend', () => {
	const rows: StatusTrendRow[] = [
		{ year: 2020, status: 'planned', outcomes: 1 },
		{ year: 2020, status: 'completed', outcomes: 3 },
		{ year: 2020, status: 'cancelled', outcomes: 4 },
		{ year: 2021, status: 'cancelled', outcomes: 2 },
		{ year: 2023, status: 'in_progress', outcomes: 2 },
		{ year: 2023, status: 'completed', outcomes: 2 }
	];

	test('completion rate excludes cancelled outcomes', () => {
		expect(completionRate({ planned: 1, completed: 3, cancelled: 4 })).toBe(0.75);
		const m = layoutOutcomeStatusTrend({ rows, width: 640 });
		expect(m.rates.find((p) => p.year === 2020)!.rate).toBe(0.75);
		expect(m.rates.find((p) => p.year === 2023)!.rate).toBe(0.5);
	});

	test('rate is undefined (no dot, line broken) for a year with only cancelled outcomes or none', () => {
		const m = layoutOutcomeStatusTrend({ rows, width: 640 });
		expect(m.rates.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023]);
		for (const year of [2021, 2022]) {
			const p = m.rates.find((q) => q.year === year)!;
			expect(p.rate).toBeNull();
			expect(p.y).toBeNull();
		}
		// Two separate segments: the line restarts (M) after the gap instead of bridging it.
		expect(m.ratePath.match(/M/g)).toHaveLength(2);
	});

	test('stacks statuses in lifecycle order and puts 100% at the top of the right axis', () => {
		const m = layoutOutcomeStatusTrend({ rows, width: 640 });
		expect(m.bars.filter((b) => b.year === 2020).map((b) => b.key)).toEqual([
			'planned',
			'completed',
			'cancelled'
		]);
		expect(m.rateTicks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
		expect(m.rateTicks[4]!.pos).toBeCloseTo(m.margin.top, 0);
		expect(m.legend.map((l) => l.key)).toContain('rate');
	});
});

describe('legends in Chinese', () => {
	test('entries leave room for wide CJK glyphs (about two Latin characters each)', () => {
		const labels = ['已计划', '进行中', '已完成', '已取消'];
		const { items } = layoutLegend({
			entries: labels.map((label) => ({ key: label, label, color: '#000' })),
			width: 600
		});
		// Swatch 12 + gap 6, then three glyphs of ~12 px at 12 px type, before the next entry.
		for (let i = 1; i < items.length; i++)
			expect(items[i]!.x - items[i - 1]!.x).toBeGreaterThanOrEqual(12 + 6 + 3 * 12 + 8);
	});
});

describe('heatmap in a right-to-left language', () => {
	test('mirrors: theme labels at the right edge, sector columns in reverse, cells reflected', () => {
		const rows = [
			{ theme_id: 'a', theme: 'Accessibility', sector: 'BR', outcomes: 3 },
			{ theme_id: 'a', theme: 'Accessibility', sector: 'GS', outcomes: 1 },
			{ theme_id: 'g', theme: 'Gender', sector: 'TSB', outcomes: 2 }
		];
		const ltr = layoutThemeSectorHeatmap({ rows, width: 640 });
		const rtl = layoutThemeSectorHeatmap({ rows, width: 640, mirror: true });
		expect([ltr.labelX, ltr.anchor, rtl.labelX, rtl.anchor]).toEqual([0, 'start', 640, 'end']);
		const xs = (m: typeof ltr) => m.columns.map((c) => c.x);
		xs(rtl).forEach((x, i) => expect(x).toBeCloseTo(640 - xs(ltr)[i]!, 1));
		// BR, the first sector, is the rightmost column.
		expect(rtl.columns[0]!.x).toBeGreaterThan(rtl.columns.at(-1)!.x);
		rtl.cells.forEach((c, i) => {
			const l = ltr.cells[i]!;
			expect(Math.abs(c.x - (640 - l.x - l.width))).toBeLessThanOrEqual(1);
			expect([c.y, c.width, c.outcomes]).toEqual([l.y, l.width, l.outcomes]);
		});
	});
});

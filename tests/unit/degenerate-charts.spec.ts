import { describe, expect, test } from 'vitest';
import { attendanceEmptyMessage } from '../../src/lib/charts/attendance-by-sector/layout';
import { layoutMeetingsPerYear } from '../../src/lib/charts/meetings-per-year/layout';
import { layoutOutcomeStatusTrend } from '../../src/lib/charts/outcome-status-trend/layout';
import { layoutThemeSectorHeatmap } from '../../src/lib/charts/theme-sector-heatmap/layout';
import { layoutThemeTrends } from '../../src/lib/charts/theme-trends/layout';

describe('degenerate data draws sensible axes', () => {
	test('theme trends over one year label that year once, centred under the point', () => {
		const m = layoutThemeTrends({
			rows: [
				{ theme_id: 'ai', theme: 'AI', year: 2015, outcomes: 3 },
				{ theme_id: 'gender', theme: 'Gender', year: 2015, outcomes: 1 }
			],
			width: 640
		});
		expect(m.yearLabels.map((l) => l.text)).toEqual(['2015']);
		expect(m.yearLabels[0]!.anchor).toBe('middle');
		expect(m.yearLabels[0]!.x).toBe(m.panels[0]!.last.x);
	});

	test('theme trends over two years still label both ends', () => {
		const m = layoutThemeTrends({
			rows: [
				{ theme_id: 'ai', theme: 'AI', year: 2015, outcomes: 3 },
				{ theme_id: 'ai', theme: 'AI', year: 2016, outcomes: 1 }
			],
			width: 640
		});
		expect(m.yearLabels.map((l) => [l.text, l.anchor])).toEqual([
			['2015', 'start'],
			['2016', 'end']
		]);
	});

	test('one year of meetings and outcomes gives one bar and one year tick each', () => {
		const meetings = layoutMeetingsPerYear({
			rows: [{ year: 2019, format: 'virtual', meetings: 2, participants: 40 }],
			width: 360,
			label: (f) => f
		});
		expect(meetings.xTicks.map((t) => t.label)).toEqual(['2019']);
		expect(meetings.bars[0]!.height).toBeGreaterThan(0);
		const status = layoutOutcomeStatusTrend({
			rows: [{ year: 2019, status: 'completed', outcomes: 3 }],
			width: 360
		});
		expect(status.xTicks.map((t) => t.label)).toEqual(['2019']);
	});

	test('one theme fills one heatmap row of four cells', () => {
		const m = layoutThemeSectorHeatmap({
			rows: ['BR', 'TSB', 'BDT', 'GS'].map((sector, i) => ({
				theme_id: 'ai',
				theme: 'AI',
				sector,
				outcomes: i
			})),
			width: 360
		});
		expect(m.cells).toHaveLength(4);
		expect(m.cells.every((c) => c.height > 0 && c.width > 0)).toBe(true);
	});

	test('no attendance rows say why instead of drawing empty axes', () => {
		expect(attendanceEmptyMessage({ rows: [], tableLoaded: false })).toBe(
			'chart.attendance-by-sector.empty'
		);
		expect(attendanceEmptyMessage({ rows: [], tableLoaded: true })).toBe('chart.empty');
	});
});

describe('bars keep a readable width', () => {
	test('one year is a bar no wider than MAX_BAR_WIDTH, centred in the plot', async () => {
		const { MAX_BAR_WIDTH } = await import('../../src/lib/charts/year-bars');
		const m = layoutMeetingsPerYear({
			rows: [{ year: 2019, format: 'virtual', meetings: 2, participants: 40 }],
			width: 640,
			label: (f) => f
		});
		const bar = m.bars[0]!;
		expect(bar.width).toBeLessThanOrEqual(MAX_BAR_WIDTH + 0.1);
		const centre = (m.margin.left + m.width - m.margin.right) / 2;
		expect(Math.abs(bar.x + bar.width / 2 - centre)).toBeLessThan(1);
	});

	test('many years keep the usual padding', () => {
		const rows = Array.from({ length: 17 }, (_, i) => ({
			year: 2008 + i,
			format: 'virtual' as const,
			meetings: 1,
			participants: 1
		}));
		const m = layoutMeetingsPerYear({ rows, width: 640, label: (f) => f });
		// Outer padding stays a tenth of a step: the first bar starts right at the plot's edge.
		const step = m.bars[1]!.x - m.bars[0]!.x;
		expect(m.bars[0]!.x - m.margin.left).toBeCloseTo(step * 0.1, 0);
	});
});

/**
 * "Years run right to left" (the Export menu's option for Arabic figures): the time layouts'
 * x range is reversed, so every bar and point is the left-to-right one reflected in the plot,
 * and only an Arabic figure drawn with the option asks for it (`timeMirrored`).
 */
import { describe, expect, test } from 'vitest';
import { layoutLegend } from '../../src/lib/charts/common';
import { layoutMeetingsPerYear } from '../../src/lib/charts/meetings-per-year/layout';
import { layoutOutcomeStatusTrend } from '../../src/lib/charts/outcome-status-trend/layout';
import { layoutThemeTrends } from '../../src/lib/charts/theme-trends/layout';
import { timeMirrored, withLocale } from '../../src/lib/i18n';
import type { MeetingsPerYearRow } from '../../src/lib/db/queries/dashboard';

const meetings: MeetingsPerYearRow[] = [
	{ year: 2015, format: 'in_person', meetings: 4, participants: 118 },
	{ year: 2018, format: 'virtual', meetings: 3, participants: 60 },
	{ year: 2018, format: 'hybrid', meetings: 2, participants: 70 }
];

describe('time axes mirrored for an Arabic figure', () => {
	test('mirrored year bars are the left-to-right bars reflected in the plot, first year rightmost', () => {
		const ltr = layoutMeetingsPerYear({ rows: meetings, width: 640 });
		const rtl = layoutMeetingsPerYear({ rows: meetings, width: 640, mirror: true });
		const [left, right] = [ltr.margin.left, ltr.width - ltr.margin.right];
		expect(rtl.margin).toEqual(ltr.margin);
		expect(rtl.bars.map((b) => [b.year, b.key, b.y, b.height])).toEqual(
			ltr.bars.map((b) => [b.year, b.key, b.y, b.height])
		);
		rtl.bars.forEach((b, i) => {
			const a = ltr.bars[i]!;
			expect(Math.abs(b.x - (left + right - a.x - a.width))).toBeLessThanOrEqual(1);
		});
		const x2015 = rtl.bars.find((b) => b.year === 2015)!.x;
		expect(rtl.bars.every((b) => b.year === 2015 || b.x < x2015)).toBe(true);
		// Ticks keep their labels, at reflected positions; the steps span the same strip.
		expect(rtl.xTicks.map((t) => t.label)).toEqual(ltr.xTicks.map((t) => t.label));
		expect(rtl.steps).toEqual(ltr.steps);
	});

	test('the completion-rate line runs right to left too', () => {
		const rows = [
			{ year: 2020, status: 'completed' as const, outcomes: 2 },
			{ year: 2022, status: 'planned' as const, outcomes: 1 }
		];
		const rtl = layoutOutcomeStatusTrend({ rows, width: 500, mirror: true });
		const [first, last] = [rtl.rates[0]!, rtl.rates.at(-1)!];
		expect(first.year).toBe(2020);
		expect(first.x).toBeGreaterThan(last.x);
	});

	test('theme sparklines end on the left, their last value labelled before the point', () => {
		const rows = [2019, 2020, 2021].map((year, i) => ({
			theme_id: 'a',
			theme: 'Accessibility',
			year,
			outcomes: i + 1
		}));
		const ltr = layoutThemeTrends({ rows, width: 400 });
		const rtl = layoutThemeTrends({ rows, width: 400, mirror: true });
		const [a, b] = [ltr.panels[0]!.last, rtl.panels[0]!.last];
		expect([a.anchor, b.anchor]).toEqual(['start', 'end']);
		expect(b.x).toBeLessThan(a.x);
		expect(b.labelX).toBeLessThan(b.x);
		expect(rtl.yearLabels.map((l) => [l.text, l.anchor])).toEqual([
			['2019', 'end'],
			['2021', 'start']
		]);
		expect(rtl.yearLabels[0]!.x).toBeGreaterThan(rtl.yearLabels[1]!.x);
	});

	test('only an Arabic figure drawn with the option mirrors; the screen never does', () => {
		expect(timeMirrored()).toBe(false);
		expect(withLocale('ar', timeMirrored, { mirrorTime: true })).toBe(true);
		expect(withLocale('fr', timeMirrored, { mirrorTime: true })).toBe(false);
		expect(withLocale('ar', timeMirrored)).toBe(false);
		expect(timeMirrored()).toBe(false);
	});

	test('an Arabic legend reads right to left: first entry at the right edge, swatch right of its label', () => {
		const entries = ['حضوري', 'مختلط', 'افتراضي'].map((label, i) => ({
			key: String(i),
			label,
			color: '#000000'
		}));
		const ltr = layoutLegend({ entries, width: 400 }).items;
		const rtl = layoutLegend({ entries, width: 400, rtl: true }).items;
		expect(rtl[0]!.x).toBe(400 - 12);
		rtl.forEach((item, i) => {
			expect(item.anchor).toBe('end');
			expect(item.textX).toBe(item.x - 6);
			expect(item.x + 12).toBeCloseTo(400 - ltr[i]!.x, 1);
			if (i > 0) expect(item.x).toBeLessThan(rtl[i - 1]!.x);
		});
		expect(ltr.every((item) => item.anchor === 'start' && item.textX === item.x + 18)).toBe(true);
	});
});

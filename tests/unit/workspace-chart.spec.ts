import { describe, expect, test } from 'vitest';
import {
	MAX_CATEGORIES,
	aggregatePoints,
	layoutQuickChart,
	xKindOf
} from '../../src/lib/workspace/chart-layout';

describe('Chart this: points from two result columns', () => {
	test('rows sharing an x value are summed; NULL and non-numeric rows are skipped', () => {
		const out = aggregatePoints({
			xs: [2016, 2015, 2016, 2015, null, 2017],
			ys: [3, 1, 4, 1, 9, null],
			xKind: 'number'
		});
		expect(out.points.map((p) => [p.x, p.y])).toEqual([
			[2015, 2],
			[2016, 7]
		]);
		expect(out.skipped).toBe(2);
	});

	test('text categories keep the result’s order (ORDER BY decides), dates go in time order', () => {
		const cats = aggregatePoints({ xs: ['TSB', 'BR', 'TSB'], ys: [1, 2, 3], xKind: 'category' });
		expect(cats.points.map((p) => p.x)).toEqual(['TSB', 'BR']);
		const dates = aggregatePoints({
			xs: ['2022-09-20', '2021-01-05', '2022-09-20 12:00:00'],
			ys: [1, 2, 3],
			xKind: 'date'
		});
		expect(dates.points.map((p) => new Date(p.x).toISOString())).toEqual([
			'2021-01-05T00:00:00.000Z',
			'2022-09-20T00:00:00.000Z',
			'2022-09-20T12:00:00.000Z'
		]);
	});

	test(`more than ${MAX_CATEGORIES} categories are cut, and the cut is counted`, () => {
		const xs = Array.from({ length: 75 }, (_, i) => `c${i}`);
		const out = aggregatePoints({ xs, ys: xs.map(() => 1), xKind: 'category' });
		expect(out.points).toHaveLength(MAX_CATEGORIES);
		expect(out.truncated).toBe(15);
	});

	test('dates and timestamps chart on a time axis, numbers ascending, the rest as categories', () => {
		expect(
			['date', 'timestamp', 'number', 'text', 'other'].map((k) => xKindOf(k as never))
		).toEqual(['date', 'date', 'number', 'category', 'category']);
	});
});

describe('Chart this: layout', () => {
	const points = [
		{ key: 'BR', x: 'BR', y: 10 },
		{ key: 'TSB', x: 'TSB', y: 25 },
		{ key: 'BDT', x: 'BDT', y: 5 }
	];

	test('one bar per category, heights proportional to values, all standing on zero', () => {
		const m = layoutQuickChart({ points, kind: 'bar', xKind: 'category', width: 400 });
		expect(m.marks.map((b) => b.label)).toEqual(['BR', 'TSB', 'BDT']);
		const [br, tsb, bdt] = m.marks;
		expect(tsb!.height / br!.height).toBeCloseTo(2.5, 1);
		expect(bdt!.height / br!.height).toBeCloseTo(0.5, 1);
		for (const b of m.marks) expect(b.y + b.height).toBeCloseTo(m.zeroY, 0);
		expect(m.path).toBeNull();
		for (const b of m.marks) expect(b.x).toBeGreaterThanOrEqual(m.margin.left);
		expect(Math.max(...m.marks.map((b) => b.x + b.width))).toBeLessThanOrEqual(
			400 - m.margin.right
		);
	});

	test('a negative value hangs below the zero line', () => {
		const m = layoutQuickChart({
			points: [
				{ key: 'a', x: 'a', y: 4 },
				{ key: 'b', x: 'b', y: -2 }
			],
			kind: 'bar',
			xKind: 'category',
			width: 300
		});
		expect(m.marks[1]!.y).toBeCloseTo(m.zeroY, 0);
		expect(m.yTicks.some((t) => t.label === '−2' || t.label === '-2')).toBe(true);
	});

	test('a line over dates runs left to right through one point per date, with date ticks', () => {
		const days = ['2020-01-01', '2021-01-01', '2022-01-01'].map((d) => Date.parse(d));
		const m = layoutQuickChart({
			points: days.map((x, i) => ({ key: String(x), x, y: i + 1 })),
			kind: 'line',
			xKind: 'date',
			width: 500
		});
		expect(m.path).toMatch(/^M[\d.]+,[\d.]+L/);
		const xs = m.marks.map((p) => p.x);
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
		expect(m.marks[0]!.x).toBe(m.margin.left);
		expect(m.xTicks.map((t) => t.label)).toEqual(expect.arrayContaining(['2021', '2022']));
	});

	test('long category labels are thinned so they never overlap', () => {
		const many = Array.from({ length: 40 }, (_, i) => ({
			key: `k${i}`,
			x: `A rather long category ${i}`,
			y: i
		}));
		const m = layoutQuickChart({ points: many, kind: 'bar', xKind: 'category', width: 600 });
		const gaps = m.xTicks.slice(1).map((t, i) => t.pos - m.xTicks[i]!.pos);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(18 * 6.5);
		expect(m.xTicks[0]!.label.endsWith('…')).toBe(true);
	});

	test('the same input gives the same model (deterministic)', () => {
		const a = layoutQuickChart({ points, kind: 'bar', xKind: 'category', width: 400 });
		const b = layoutQuickChart({ points, kind: 'bar', xKind: 'category', width: 400 });
		expect(a).toEqual(b);
	});

	test('no points: an empty chart with a 0..1 axis, no error', () => {
		const m = layoutQuickChart({ points: [], kind: 'line', xKind: 'date', width: 300 });
		expect(m.marks).toEqual([]);
		expect(m.yTicks.length).toBeGreaterThan(0);
	});
});

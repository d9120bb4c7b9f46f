import { describe, expect, test } from 'vitest';
import {
	chartFilters,
	nextOrigins,
	ownClauses,
	withoutClauses
} from '../../src/lib/charts/crossfilter';
import { isSelected } from '../../src/lib/charts/interaction';
import { nextMarkIndex, tooltipLeft, verticalNeighbour } from '../../src/lib/charts/roving';
import {
	applySelection,
	clearOwn,
	EMPTY_VIEW,
	parseView,
	viewToParams,
	withOrigins
} from '../../src/lib/state/view';

const filters = { sector: 'BR', theme: 'ai', status: null, from: '2018-01-01', to: '2018-12-31' };

describe('cross-filtering: a chart leaves out the clauses it made', () => {
	test('a chart query drops only its own clauses; other charts keep them all', () => {
		const origins = { period: 'meetings-per-year', theme: 'theme-sector-heatmap' };
		expect(chartFilters(filters, origins, 'meetings-per-year')).toEqual({
			...filters,
			from: null,
			to: null
		});
		expect(chartFilters(filters, origins, 'theme-sector-heatmap')).toEqual({
			...filters,
			theme: null
		});
		expect(chartFilters(filters, origins, 'theme-trends')).toEqual(filters);
		expect(chartFilters(filters, undefined, 'theme-trends')).toEqual(filters);
	});

	test('withoutClauses never changes the filters it is given', () => {
		const copy = { ...filters };
		withoutClauses(filters, ['sector', 'period']);
		expect(filters).toEqual(copy);
	});

	test('a heatmap cell is the heatmap own theme and sector; the filter bar keeps them, changes clear them', () => {
		const clicked = applySelection(
			EMPTY_VIEW,
			{ theme: 'ai', sector: 'BR' },
			'theme-sector-heatmap'
		);
		expect(clicked.by).toEqual({ sector: 'theme-sector-heatmap', theme: 'theme-sector-heatmap' });
		expect(ownClauses(clicked.by, 'theme-sector-heatmap')).toEqual(['sector', 'theme']);
		// The filter bar sets a status: the heatmap's clauses stay its own.
		const status = withOrigins(clicked, { ...clicked, status: 'completed' }, null);
		expect(status.by).toEqual(clicked.by);
		// The filter bar changes the sector: that clause is now everyone's.
		const sector = withOrigins(status, { ...status, sector: 'TSB' }, null);
		expect(sector.by).toEqual({ theme: 'theme-sector-heatmap' });
	});

	test('selecting the same mark again clears the clause and its origin', () => {
		const once = applySelection(EMPTY_VIEW, { year: 2018 }, 'meetings-per-year');
		expect(once.by).toEqual({ period: 'meetings-per-year' });
		const twice = applySelection(once, { year: 2018 }, 'meetings-per-year');
		expect(twice.period).toBe('all');
		expect(twice.by).toBeUndefined();
	});

	test('another chart choosing a new year takes the period clause over', () => {
		const a = applySelection(EMPTY_VIEW, { year: 2018 }, 'meetings-per-year');
		const b = applySelection(a, { year: 2019, status: 'completed' }, 'outcome-status-trend');
		expect(b.by).toEqual({ period: 'outcome-status-trend', status: 'outcome-status-trend' });
	});

	test('origins survive the URL, and are dropped for clauses the link does not set', () => {
		const v = applySelection(EMPTY_VIEW, { theme: 'ai', sector: 'BR' }, 'theme-sector-heatmap');
		const params = viewToParams(v);
		expect(params.getAll('by')).toEqual([
			'sector.theme-sector-heatmap',
			'theme.theme-sector-heatmap'
		]);
		expect(parseView(new URLSearchParams(params.toString()))).toEqual(v);
		const stray = parseView(new URLSearchParams('by=status.theme-trends&by=oops&by=theme.X%3B'));
		expect(stray.by).toBeUndefined();
	});

	test('Escape clears the chart own clauses and leaves the others', () => {
		const a = applySelection(EMPTY_VIEW, { year: 2018 }, 'meetings-per-year');
		const b = applySelection(a, { theme: 'ai' }, 'theme-trends');
		const cleared = clearOwn(b, 'theme-trends');
		expect(cleared).toMatchObject({ theme: null, period: 'custom', from: '2018-01-01' });
		expect(cleared.by).toEqual({ period: 'meetings-per-year' });
	});

	test('nextOrigins keeps a clause whose value did not change', () => {
		const prev = { ...EMPTY_VIEW, sector: 'BR' };
		expect(
			nextOrigins({ prev, next: prev, origins: { sector: 'attendance-by-sector' }, source: null })
		).toEqual({ sector: 'attendance-by-sector' });
	});
});

describe('emphasis of the selection a chart made', () => {
	test('only marks split by an own clause and inside every filter are selected', () => {
		const active = { theme: 'ai', sector: 'BR', own: ['theme', 'sector'] as const };
		expect(isSelected({ theme: 'ai', sector: 'BR' }, active)).toBe(true);
		expect(isSelected({ theme: 'ai', sector: 'TSB' }, active)).toBe(false);
		// A chart that does not split by theme or sector shows no selection.
		expect(isSelected({ year: 2018 }, active)).toBe(false);
		// Filtered by others, not selected here: nothing is outlined.
		expect(isSelected({ theme: 'ai', sector: 'BR' }, { theme: 'ai', sector: 'BR' })).toBe(false);
		expect(isSelected({ year: 2018 }, { years: [2018, 2018], own: ['period'] })).toBe(true);
	});
});

describe('keyboard and tooltip placement', () => {
	test('arrow keys move one mark, Home and End to the ends, never past them', () => {
		expect(nextMarkIndex({ key: 'ArrowRight', index: 0, count: 3 })).toBe(1);
		expect(nextMarkIndex({ key: 'ArrowDown', index: 2, count: 3 })).toBe(2);
		expect(nextMarkIndex({ key: 'ArrowLeft', index: 0, count: 3 })).toBe(0);
		expect(nextMarkIndex({ key: 'End', index: 0, count: 3 })).toBe(2);
		expect(nextMarkIndex({ key: 'Home', index: 2, count: 3 })).toBe(0);
		expect(nextMarkIndex({ key: 'a', index: 0, count: 3 })).toBeNull();
		expect(nextMarkIndex({ key: 'End', index: 0, count: 0 })).toBeNull();
	});

	test('Up and Down move within a column of cells and stay put at its ends', () => {
		// A 2 × 2 grid in document order: row by row.
		const boxes = [
			{ x: 0, y: 0, width: 10, height: 10 },
			{ x: 10, y: 0, width: 10, height: 10 },
			{ x: 0, y: 10, width: 10, height: 10 },
			{ x: 10, y: 10, width: 10, height: 10 }
		];
		expect(verticalNeighbour(boxes, 1, 1)).toBe(3);
		expect(verticalNeighbour(boxes, 2, -1)).toBe(0);
		expect(verticalNeighbour(boxes, 0, -1)).toBeNull();
		expect(nextMarkIndex({ key: 'ArrowDown', index: 3, count: 4, boxes })).toBe(3);
		expect(nextMarkIndex({ key: 'ArrowDown', index: 0, count: 4, boxes })).toBe(2);
		expect(nextMarkIndex({ key: 'ArrowRight', index: 0, count: 4, boxes })).toBe(1);
	});

	test('a tooltip stays inside its chart', () => {
		expect(tooltipLeft({ x: 100, width: 80, boxWidth: 400 })).toBe(60);
		expect(tooltipLeft({ x: 10, width: 80, boxWidth: 400 })).toBe(0);
		expect(tooltipLeft({ x: 390, width: 80, boxWidth: 400 })).toBe(320);
	});
});

import { describe, expect, test } from 'vitest';
import {
	applySelection,
	EMPTY_VIEW,
	parseView,
	previousPeriod,
	resolvePeriod,
	viewToParams
} from '../../src/lib/state/view';

describe('view <-> URL', () => {
	test('a view survives the round trip through the URL', () => {
		const v = {
			...EMPTY_VIEW,
			sector: 'BR',
			theme: 'gender',
			status: 'completed',
			period: 'custom' as const,
			from: '2019-01-01',
			to: '2020-12-31'
		};
		expect(parseView(new URLSearchParams(viewToParams(v).toString()))).toEqual(v);
	});

	test('the empty view has an empty query string', () => {
		expect(viewToParams(EMPTY_VIEW).toString()).toBe('');
	});

	test('malformed or unknown values in a shared link are ignored, not trusted', () => {
		const v = parseView(
			new URLSearchParams('sector=XX&status=<script>&from=2021-02-31&to=nope&period=5y')
		);
		expect(v).toEqual(EMPTY_VIEW);
	});

	test('a theme id is kept verbatim (it is bound as a SQL literal later)', () => {
		expect(parseView(new URLSearchParams("theme=it's")).theme).toBe("it's");
	});
});

describe('periods', () => {
	test('last 12 months ends at the latest date in the data, not today', () => {
		expect(resolvePeriod({ ...EMPTY_VIEW, period: '12m' }, '2022-09-20')).toEqual({
			from: '2021-09-21',
			to: '2022-09-20'
		});
	});

	test('last 3 years spans three years back from the latest date', () => {
		expect(resolvePeriod({ ...EMPTY_VIEW, period: '3y' }, '2022-09-20')).toEqual({
			from: '2019-09-21',
			to: '2022-09-20'
		});
	});

	test('the previous period has the same length and ends the day before', () => {
		expect(previousPeriod({ from: '2021-09-21', to: '2022-09-20' })).toEqual({
			from: '2020-09-21',
			to: '2021-09-20'
		});
		expect(previousPeriod({ from: '2020-01-01', to: '2020-12-31' })).toEqual({
			from: '2019-01-01',
			to: '2019-12-31'
		});
	});

	test('all data has no previous period', () => {
		expect(previousPeriod(resolvePeriod(EMPTY_VIEW, '2022-09-20'))).toBeNull();
	});
});

describe('chart selections', () => {
	test('clicking a year sets that calendar year as a custom period', () => {
		expect(applySelection(EMPTY_VIEW, { year: 2020 })).toMatchObject({
			period: 'custom',
			from: '2020-01-01',
			to: '2020-12-31'
		});
	});

	test('brushing years selects the whole span whichever way it was dragged', () => {
		expect(applySelection(EMPTY_VIEW, { years: [2021, 2018] })).toMatchObject({
			from: '2018-01-01',
			to: '2021-12-31'
		});
	});

	test('clicking the active sector again clears it', () => {
		const once = applySelection(EMPTY_VIEW, { sector: 'TSB' });
		expect(once.sector).toBe('TSB');
		expect(applySelection(once, { sector: 'TSB' }).sector).toBeNull();
	});

	test('a heatmap cell sets theme and sector together', () => {
		expect(applySelection(EMPTY_VIEW, { theme: 'gender', sector: 'GS' })).toMatchObject({
			theme: 'gender',
			sector: 'GS'
		});
	});
});

import { describe, expect, test } from 'vitest';
import { periodCoverage } from '../../src/lib/state/coverage';
import { previousPeriod } from '../../src/lib/state/view';

const sample = { first: '2015-03-04', last: '2022-09-20' };

describe('how much of a comparison period the data covers', () => {
	test('2016–2018 compared with 2013–2015 is only partly covered when data starts in March 2015', () => {
		const prev = previousPeriod({ from: '2016-01-01', to: '2018-12-31' })!;
		expect(prev).toEqual({ from: '2013-01-01', to: '2015-12-31' });
		expect(periodCoverage(prev, sample)).toBe('partial');
	});

	test('2019–2021 compared with 2016–2018 is fully covered', () => {
		const prev = previousPeriod({ from: '2019-01-01', to: '2021-12-31' })!;
		expect(periodCoverage(prev, sample)).toBe('full');
	});

	test('a period before the first record is not covered at all', () => {
		expect(periodCoverage({ from: '2012-01-01', to: '2014-12-31' }, sample)).toBe('none');
	});

	test('a period running past the last record is only partly covered', () => {
		expect(periodCoverage({ from: '2022-01-01', to: '2022-12-31' }, sample)).toBe('partial');
	});

	test('no data covers nothing', () => {
		expect(
			periodCoverage({ from: '2020-01-01', to: '2020-12-31' }, { first: null, last: null })
		).toBe('none');
	});
});

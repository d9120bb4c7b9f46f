/**
 * Partial periods (issue 15, item 5): the dates a chart covers are the data's extent cut to the
 * view's period, and the years that range cuts are labelled in the reader's language.
 */
import { describe, expect, test } from 'vitest';
import { coveredDates, hatchPath, partialYears } from '../../src/lib/charts/partial';
import { withLocale } from '../../src/lib/i18n';

const extent = { first: '2015-03-04', last: '2022-09-20' };

describe('partial years', () => {
	test('all data: the first and last years are cut, every other year is whole', () => {
		const covered = coveredDates({ extent, period: null });
		expect(covered).toEqual({ from: '2015-03-04', to: '2022-09-20' });
		const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022];
		expect(partialYears({ years, covered }).map((p) => [p.year, p.label])).toEqual([
			[2015, 'from 4 Mar'],
			[2022, 'to 20 Sept']
		]);
	});

	test('the last 12 months cut both of their calendar years', () => {
		const covered = coveredDates({ extent, period: { from: '2021-09-21', to: '2022-09-20' } });
		const cut = partialYears({ years: [2021, 2022], covered });
		expect(cut.map((p) => p.label)).toEqual(['from 21 Sept', 'to 20 Sept']);
		expect(cut[0]).toMatchObject({ from: '2021-09-21', to: '2021-12-31' });
	});

	test('a period inside one year is a range; a whole-year period cuts nothing', () => {
		const inside = coveredDates({ extent, period: { from: '2019-02-01', to: '2019-06-30' } });
		expect(partialYears({ years: [2019], covered: inside })[0]!.label).toBe('1 Feb – 30 Jun');
		const whole = coveredDates({ extent, period: { from: '2019-01-01', to: '2020-12-31' } });
		expect(partialYears({ years: [2019, 2020], covered: whole })).toEqual([]);
		expect(coveredDates({ extent: { first: null, last: null }, period: null })).toBeNull();
	});

	test('labels follow the language (Intl day and month)', () => {
		const covered = coveredDates({ extent, period: null });
		const label = (locale: 'fr' | 'zh' | 'ru') =>
			withLocale(locale, () => partialYears({ years: [2022], covered })[0]!.label);
		expect(label('fr')).toMatch(/^jusqu’au 20 sept/);
		expect(label('zh')).toBe('截至9月20日');
		expect(label('ru')).toMatch(/^по 20 сент/);
	});

	test('hatching stays inside its rectangle', () => {
		const d = hatchPath({ x: 10, y: 20, width: 30, height: 50, gap: 5 });
		const nums = [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [+m[1]!, +m[2]!]);
		expect(nums.length).toBeGreaterThan(10);
		for (const [x, y] of nums) {
			expect(x).toBeGreaterThanOrEqual(10);
			expect(x).toBeLessThanOrEqual(40);
			expect(y).toBeGreaterThanOrEqual(20);
			expect(y).toBeLessThanOrEqual(70);
		}
	});
});

/**
 * "Change since baseline" on the KPI tiles (docs/metrics.md): the baseline in the URL, the
 * filters of the data as it stood on the baseline date, and the arithmetic, checked against
 * counts read straight from the sample's CSV files.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import {
	baselineFilters,
	baselineSpan,
	changeSince,
	sinceInfo
} from '../../src/lib/state/baseline';
import { queryView } from '../../src/lib/state/view-results';
import { EMPTY_VIEW, parseView, viewToParams } from '../../src/lib/state/view';
import { openSampleDb } from '../helpers/fixture-db';

const params = (q: string) => new URLSearchParams(q);

describe('baseline in the URL', () => {
	test('a baseline date and label survive the round trip through the URL', () => {
		const v = { ...EMPTY_VIEW, sector: 'BR', since: '2020-06-30', sinceLabel: 'Council 2020' };
		const q = viewToParams(v).toString();
		expect(q).toBe('sector=BR&since=2020-06-30&sincelabel=Council+2020');
		expect(parseView(params(q))).toEqual(v);
	});

	test('a baseline without a label leaves the label out', () => {
		const v = parseView(params('since=2021-01-01'));
		expect(v).toEqual({ ...EMPTY_VIEW, since: '2021-01-01' });
		expect(viewToParams(v).toString()).toBe('since=2021-01-01');
	});

	test('a malformed or impossible date is ignored, and its label with it', () => {
		for (const bad of ['2021-02-30', '2021-2-3', '20210101', "2021-01-01' OR 1=1", ''])
			expect(parseView(params(`since=${encodeURIComponent(bad)}&sincelabel=x`))).toEqual(
				EMPTY_VIEW
			);
	});

	test('a label too long or made of control characters is dropped, the date kept', () => {
		const long = parseView(params(`since=2021-01-01&sincelabel=${'x'.repeat(41)}`));
		expect(long).toEqual({ ...EMPTY_VIEW, since: '2021-01-01' });
		const ctl = parseView(params('since=2021-01-01&sincelabel=%0A%09'));
		expect(ctl.sinceLabel).toBeUndefined();
		expect(parseView(params('since=2021-01-01&sincelabel=%20A%0Ab%20')).sinceLabel).toBe('A b');
	});
});

describe('baseline arithmetic', () => {
	test('the period ends at the baseline date, or earlier when the period already does', () => {
		expect(baselineFilters({ sector: 'BR' }, '2020-06-30')).toEqual({
			sector: 'BR',
			to: '2020-06-30'
		});
		expect(baselineFilters({ from: '2019-01-01', to: '2021-12-31' }, '2020-06-30')).toEqual({
			from: '2019-01-01',
			to: '2020-06-30'
		});
		expect(baselineFilters({ from: '2019-01-01', to: '2019-12-31' }, '2020-06-30').to).toBe(
			'2019-12-31'
		);
	});

	test('counts change by their difference, rates by whole percentage points', () => {
		expect(changeSince(120, 100, false)).toBe(20);
		expect(changeSince(100, 100, false)).toBe(0);
		expect(changeSince(0.62, 0.548, true)).toBe(7);
		expect(changeSince(0.5, 0.6, true)).toBe(-10);
		expect(changeSince(null, 0.6, true)).toBeNull();
		expect(changeSince(0.5, null, true)).toBeNull();
	});

	test('a baseline before the data starts or after it ends is said to be outside', () => {
		const extent = { first: '2015-03-04', last: '2022-09-20' };
		expect(baselineSpan('2015-03-03', extent)).toBe('before');
		expect(baselineSpan('2015-03-04', extent)).toBe('inside');
		expect(baselineSpan('2022-09-20', extent)).toBe('inside');
		expect(baselineSpan('2022-09-21', extent)).toBe('after');
		expect(baselineSpan('2020-01-01', { first: null, last: null })).toBe('before');
		expect(sinceInfo({ since: null }, extent)).toBeNull();
		expect(sinceInfo({ since: '2016-01-01', sinceLabel: 'C' }, extent)).toEqual({
			date: '2016-01-01',
			label: 'C',
			span: 'inside',
			...extent
		});
	});
});

describe('baseline KPIs on the sample', () => {
	let conn: SqlConnection;
	beforeAll(async () => {
		conn = await openSampleDb();
	});

	/** Rows of a sample CSV (no quoted commas in the columns read here). */
	const csv = (name: string) => {
		const [head, ...lines] = readFileSync(`data/${name}.csv`, 'utf8').trim().split('\n');
		const cols = head!.split(',');
		return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
	};

	test('the baseline KPIs count what was dated on or before the baseline date', async () => {
		const since = '2019-06-30';
		const q = <T>(sql: string) => queryRows<T>(conn, sql);
		const r = await queryView(q, {}, null, [], {}, baselineFilters({}, since));
		const meetings = csv('meetings');
		expect(r.kpis!.meetings).toBe(meetings.length);
		expect(r.baseline!.meetings).toBe(meetings.filter((m) => m.date! <= since).length);
		const participants = meetings
			.filter((m) => m.date! <= since)
			.reduce((s, m) => s + Number(m.participants || 0), 0);
		expect(r.baseline!.participants).toBe(participants);
		expect(changeSince(r.kpis!.meetings, r.baseline!.meetings, false)).toBe(
			meetings.filter((m) => m.date! > since).length
		);
	});

	test('without a baseline the results carry none (snapshots kept before read the same)', async () => {
		const r = await queryView((sql) => queryRows(conn, sql), {}, null, []);
		expect('baseline' in r).toBe(false);
	});
});

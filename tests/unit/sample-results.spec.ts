/**
 * The build's snapshot of the sample's default view (src/lib/state/sample-results.json), which
 * the dashboard paints before the engine has started: it must be exactly what the engine answers
 * for the bundled sample, through the app's own load path and query modules.
 * `npm run data:sample-results` rewrites it after the sample, the queries or a chart change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { CHART_IDS } from '../../src/lib/charts';
import { fingerprintSql, type FingerprintRow } from '../../src/lib/db/queries/fingerprint';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import { SAMPLE_SNAPSHOT_FORMAT, type ViewSnapshot } from '../../src/lib/state/first-paint';
import { queryFacts, queryView } from '../../src/lib/state/view-results';
import { parseView, previousPeriod, resolvePeriod, viewFilters } from '../../src/lib/state/view';
import { openSampleDb } from '../helpers/fixture-db';

const FILE = new URL('../../src/lib/state/sample-results.json', import.meta.url);

let conn: SqlConnection;
beforeAll(async () => {
	conn = await openSampleDb();
});

test('the snapshot painted before the engine starts is what the engine answers for the sample', async () => {
	const q = <T>(sql: string) => queryRows<T>(conn, sql);
	const [fp] = await q<FingerprintRow>(fingerprintSql());
	const facts = await queryFacts(q);
	const view = parseView(new URLSearchParams());
	const period = resolvePeriod(view, facts.extent.last);
	const previous = previousPeriod(period);
	const results = await queryView(
		q,
		viewFilters(view, period),
		previous ? viewFilters(view, previous) : null,
		CHART_IDS
	);
	const snapshot: ViewSnapshot = {
		format: SAMPLE_SNAPSHOT_FORMAT,
		fingerprint: fp!.fingerprint,
		view: '',
		facts,
		results
	};
	const fresh = JSON.parse(JSON.stringify(snapshot));
	if (process.env.UPDATE_SAMPLE_RESULTS)
		writeFileSync(FILE, JSON.stringify(fresh, null, '\t') + '\n');
	const kept = JSON.parse(readFileSync(FILE, 'utf8'));
	expect(kept, 'stale: run `npm run data:sample-results`').toEqual(fresh);
	expect(fresh.results.kpis.meetings).toBe(46);
});

/** The loaded dataset's fingerprint, computed once per dataset version (browser). */
import { fingerprintSql, type FingerprintRow } from '$lib/db/queries/fingerprint';
import { queryRows } from '$lib/db/rows';
import type { SqlConnection } from '$lib/db/types';

let cached: { version: number; value: Promise<string> } | null = null;

/** The fingerprint of what `conn` holds as dataset `version`; recomputed when the version changes. */
export function datasetFingerprint(conn: SqlConnection, version: number): Promise<string> {
	if (cached?.version !== version) {
		const value = queryRows<FingerprintRow>(conn, fingerprintSql()).then((r) => r[0]!.fingerprint);
		value.catch(() => (cached = null));
		cached = { version, value };
	}
	return cached.value;
}

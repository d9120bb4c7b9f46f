/**
 * Query results kept per dataset version: a view seen before (back, forward, a filter toggled
 * off) answers without the engine. A new version (any load, undo, another tab's load) empties it.
 */
import { queryRows } from '$lib/db/rows';
import type { SqlConnection } from '$lib/db/types';

/** Most results kept; the oldest goes first (a view is ~8 queries, so ~30 views). */
const LIMIT = 256;

/** Results of SQL text for one dataset version, least recently used dropped first. */
export class QueryCache {
	#version = -1;
	#rows = new Map<string, Promise<readonly unknown[]>>();

	/** The rows of `sql` on `conn` for dataset `version` (run once; a failure is not kept). */
	rows<T>(conn: SqlConnection, sql: string, version: number): Promise<T[]> {
		if (version !== this.#version) {
			this.#rows.clear();
			this.#version = version;
		}
		let hit = this.#rows.get(sql);
		if (hit) this.#rows.delete(sql);
		else {
			hit = queryRows<T>(conn, sql);
			hit.catch(() => this.#rows.delete(sql));
			if (this.#rows.size >= LIMIT) this.#rows.delete(this.#rows.keys().next().value!);
		}
		this.#rows.set(sql, hit);
		return hit as Promise<T[]>;
	}
}

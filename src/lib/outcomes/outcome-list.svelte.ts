/**
 * The outcome list as state: the count under the current filters and the rows of the pages the
 * table has scrolled to, fetched from DuckDB a page at a time (a newer view drops older answers).
 */
import { queryRows } from '$lib/db/rows';
import type { Filters } from '$lib/db/queries/filters';
import {
	DEFAULT_OUTCOME_SORT,
	outcomeCountSql,
	outcomeListSql,
	type OutcomeCountRow,
	type OutcomeListRow,
	type OutcomeSort,
	type OutcomeSortKey
} from '$lib/db/queries/outcomes';
import type { SqlConnection } from '$lib/db/types';

/** Rows fetched per query while scrolling. */
export const OUTCOME_PAGE = 100;

/** The filtered, sorted outcome list of one dashboard view. */
export class OutcomeList {
	/** Outcomes under the filters; null until counted. */
	count = $state<number | null>(null);
	sort = $state<OutcomeSort>(DEFAULT_OUTCOME_SORT);
	error = $state<string | null>(null);
	/** Page index -> rows; replaced (not mutated) so readers re-render. */
	#pages = $state.raw<Record<number, OutcomeListRow[]>>({});
	// Bookkeeping only (not rendered): a plain Set on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#pending = new Set<number>();
	#conn: SqlConnection | null = null;
	#filters: Filters = {};
	#ticket = 0;

	/** Show the outcomes of a new view (filters) on `conn`: recount and fetch the first page. */
	async show(conn: SqlConnection, filters: Filters): Promise<void> {
		this.#conn = conn;
		this.#filters = filters;
		await this.#reset();
	}

	/** Sort by `key`; the same key again flips the direction (dates start newest first). */
	async sortBy(key: OutcomeSortKey): Promise<void> {
		const dated = key === 'date' || key === 'due_date' || key === 'completed_date';
		this.sort = this.sort.key === key ? { key, desc: !this.sort.desc } : { key, desc: dated };
		await this.#reset();
	}

	/** The row at list position `i` (0-based), or undefined while its page is loading. */
	rowAt(i: number): OutcomeListRow | undefined {
		return this.#pages[Math.floor(i / OUTCOME_PAGE)]?.[i % OUTCOME_PAGE];
	}

	/** Make sure the rows `from`..`to` (inclusive) are loaded or loading. */
	ensure(from: number, to: number): void {
		const last = Math.max(0, (this.count ?? 0) - 1);
		const [a, b] = [Math.max(0, from), Math.min(to, last)];
		for (let p = Math.floor(a / OUTCOME_PAGE); p <= Math.floor(b / OUTCOME_PAGE); p++)
			if (!(p in this.#pages) && !this.#pending.has(p)) void this.#fetch(p, this.#ticket);
	}

	/** The workspace form of this view's list: every row, dates as DATE. */
	sql(): string {
		return outcomeListSql({ filters: this.#filters, sort: this.sort, nativeDates: true });
	}

	/** Every row of the view, in the list's order (for the CSV download). */
	async allRows(): Promise<OutcomeListRow[]> {
		if (!this.#conn) return [];
		return queryRows<OutcomeListRow>(
			this.#conn,
			outcomeListSql({ filters: this.#filters, sort: this.sort })
		);
	}

	async #reset(): Promise<void> {
		const ticket = ++this.#ticket;
		this.#pending.clear();
		const conn = this.#conn;
		if (!conn) return;
		try {
			const [row] = await queryRows<OutcomeCountRow>(conn, outcomeCountSql(this.#filters));
			if (ticket !== this.#ticket) return;
			this.#pages = {};
			this.count = row?.outcomes ?? 0;
			this.error = null;
			await this.#fetch(0, ticket);
		} catch (e) {
			if (ticket === this.#ticket) this.error = e instanceof Error ? e.message : String(e);
		}
	}

	async #fetch(page: number, ticket: number): Promise<void> {
		const conn = this.#conn;
		if (!conn) return;
		this.#pending.add(page);
		const sql = outcomeListSql({
			filters: this.#filters,
			sort: this.sort,
			limit: OUTCOME_PAGE,
			offset: page * OUTCOME_PAGE
		});
		try {
			const rows = await queryRows<OutcomeListRow>(conn, sql);
			if (ticket === this.#ticket) this.#pages = { ...this.#pages, [page]: rows };
		} finally {
			if (ticket === this.#ticket) this.#pending.delete(page);
		}
	}
}

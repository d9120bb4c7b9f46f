/**
 * Query history and named saved queries, kept in this browser's localStorage. A failed write
 * (quota full, storage disabled) is shown to the analyst; the lists stay usable for the session.
 */

/** A run of the editor's text: when, how it ended, and how many rows it returned. */
export interface HistoryEntry {
	sql: string;
	at: string;
	ok: boolean;
	rows: number | null;
}

/** A query the analyst named and saved. */
export interface SavedQuery {
	name: string;
	sql: string;
	savedAt: string;
}

/** The localStorage key (versioned: a future format change gets a new key). */
export const STORAGE_KEY = 'intersect.workspace.v1';
/** History entries kept, newest first. */
export const HISTORY_LIMIT = 50;

/** History and saved queries, persisted on every change. */
export class QueryLibrary {
	history = $state<HistoryEntry[]>([]);
	saved = $state<SavedQuery[]>([]);
	/** Why the last write to storage failed (`ws.storage.<code>`, with the browser's detail), or null. */
	storageError = $state<{ code: 'unavailable' | 'full' | 'failed'; detail?: string } | null>(null);
	#storage: Storage | null;

	constructor(storage: Storage | null) {
		this.#storage = storage;
		try {
			const data = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}') as Partial<{
				history: HistoryEntry[];
				saved: SavedQuery[];
			}>;
			this.history = Array.isArray(data.history) ? data.history.slice(0, HISTORY_LIMIT) : [];
			this.saved = Array.isArray(data.saved) ? data.saved : [];
		} catch {
			// Unreadable data (another app version, hand edits): start empty rather than fail.
		}
	}

	/** Add a run to the history (a repeat of the newest entry replaces it). */
	record(entry: HistoryEntry): void {
		const rest = this.history[0]?.sql === entry.sql ? this.history.slice(1) : this.history;
		this.history = [entry, ...rest].slice(0, HISTORY_LIMIT);
		this.#persist();
	}

	/** Save `sql` under `name` (trimmed), replacing a saved query of the same name. */
	save(name: string, sql: string): void {
		const n = name.trim();
		if (!n) return;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp string, not state
		const entry = { name: n, sql, savedAt: new Date().toISOString() };
		const i = this.saved.findIndex((q) => q.name === n);
		this.saved = i >= 0 ? this.saved.with(i, entry) : [...this.saved, entry];
		this.#persist();
	}

	/** Delete the saved query called `name`. */
	remove(name: string): void {
		this.saved = this.saved.filter((q) => q.name !== name);
		this.#persist();
	}

	/** Forget the history (saved queries stay). */
	clearHistory(): void {
		this.history = [];
		this.#persist();
	}

	#persist(): void {
		if (!this.#storage) {
			this.storageError = { code: 'unavailable' };
			return;
		}
		try {
			this.#storage.setItem(
				STORAGE_KEY,
				JSON.stringify({ history: this.history, saved: this.saved })
			);
			this.storageError = null;
		} catch (e) {
			const quota = e instanceof DOMException && /quota/i.test(`${e.name} ${e.message}`);
			this.storageError = quota
				? { code: 'full' }
				: { code: 'failed', detail: e instanceof Error ? e.message : String(e) };
		}
	}
}

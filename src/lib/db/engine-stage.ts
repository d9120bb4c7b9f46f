/**
 * Where the engine's start stands, for the "Starting…" notice: the wasm download in bytes (from
 * DuckDB-WASM's instantiation progress), then compiling and opening, then ready; or why the
 * browser cannot run it. A plain observable, so the core stays free of UI and runes.
 */

/** One moment of the engine's start. Bytes are of the wasm file; `total` is 0 when the server sends no length. */
export interface EngineStage {
	phase: 'idle' | 'download' | 'start' | 'ready' | 'failed' | 'unsupported';
	loaded: number;
	total: number;
	/** For `unsupported`: the browser features that are missing (`WebAssembly`, `Worker`, …). */
	missing: string[];
}

let stage: EngineStage = { phase: 'idle', loaded: 0, total: 0, missing: [] };
const watchers = new Set<(s: EngineStage) => void>();

/** Call `fn` with the current stage now and on every change; returns the unsubscribe function. */
export function watchEngineStage(fn: (s: EngineStage) => void): () => void {
	fn(stage);
	watchers.add(fn);
	return () => void watchers.delete(fn);
}

/** Record a new stage (engine.ts only). */
export function setEngineStage(next: Partial<EngineStage> & Pick<EngineStage, 'phase'>): void {
	stage = { ...stage, ...next };
	for (const fn of watchers) fn(stage);
}

/** The browser lacks what DuckDB-WASM needs (thrown before anything is downloaded). */
export class EngineUnsupportedError extends Error {
	constructor(readonly missing: string[]) {
		super(`This browser lacks ${missing.join(', ')}`);
		this.name = 'EngineUnsupportedError';
	}
}

/** The features DuckDB-WASM needs that this browser lacks: WebAssembly, Web Workers, BigInt arrays, streams. */
export function missingEngineFeatures(scope: Record<string, unknown> = globalThis): string[] {
	const needs: [string, boolean][] = [
		['WebAssembly', typeof scope.WebAssembly === 'object' && scope.WebAssembly !== null],
		['Web Workers', typeof scope.Worker === 'function'],
		['BigInt64Array', typeof scope.BigInt64Array === 'function'],
		['TextDecoder', typeof scope.TextDecoder === 'function']
	];
	return needs.filter(([, ok]) => !ok).map(([name]) => name);
}

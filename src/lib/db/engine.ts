/**
 * The browser's DuckDB-WASM engine: the only module that imports @duckdb/duckdb-wasm at run time.
 * Self-hosted bundles (Vite `?url`), one Web Worker fenced to the app's origin (worker-fence.ts),
 * started lazily behind one shared promise so concurrent callers never start two engines.
 */
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import { configureConnection, secureEngine } from './setup';
import { fencedWorker } from './worker-fence';
import { EngineUnsupportedError, missingEngineFeatures, setEngineStage } from './engine-stage';
import type { SqlConnection } from './types';

let engine: Promise<AsyncDuckDB> | null = null;

/** Start (once), secure (db/setup.ts) and return the engine. Engine start time is marked as `intersect:engine-ready`. */
export function getEngine(): Promise<AsyncDuckDB> {
	engine ??= (async () => {
		performance.mark('intersect:engine-start');
		const missing = missingEngineFeatures();
		if (missing.length > 0) {
			setEngineStage({ phase: 'unsupported', missing });
			throw new EngineUnsupportedError(missing);
		}
		setEngineStage({ phase: 'download', loaded: 0, total: 0 });
		// Dynamic import: the engine must never be evaluated during the build's server pass.
		const duckdb = await import('@duckdb/duckdb-wasm');
		// Absolute URLs: the fenced worker (static/engine-fence.js) loads them from its own location.
		const abs = (u: string) => new URL(u, location.href).href;
		const bundle = await duckdb.selectBundle({
			mvp: { mainModule: abs(mvpWasm), mainWorker: mvpWorker },
			eh: { mainModule: abs(ehWasm), mainWorker: ehWorker }
		});
		const worker = fencedWorker(bundle.mainWorker!);
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
			setEngineStage({ phase: 'download', loaded: p.bytesLoaded, total: p.bytesTotal })
		);
		setEngineStage({ phase: 'start' });
		await db.open({ query: { castBigIntToDouble: false } });
		const setup = await db.connect();
		await secureEngine(wrap(db, setup));
		await setup.close();
		performance.mark('intersect:engine-ready');
		setEngineStage({ phase: 'ready' });
		return db;
	})();
	engine.catch((e: unknown) => {
		engine = null;
		if (!(e instanceof EngineUnsupportedError)) setEngineStage({ phase: 'failed' });
	});
	return engine;
}

/**
 * The seam over one connection. Statements without parameters are sent as pending queries
 * (`send`): the worker runs them in slices, so `cancel` (`cancelSent`) interrupts a long one
 * (a plain `query` runs to its end in one worker task). A second pending query would replace
 * the first, so every call on the connection waits for the one before it.
 */
function wrap(db: AsyncDuckDB, conn: AsyncDuckDBConnection): SqlConnection {
	let tail: Promise<unknown> = Promise.resolve();
	const serial = <T>(work: () => Promise<T>): Promise<T> => {
		const next = tail.then(work);
		tail = next.catch(() => undefined);
		return next;
	};
	const sent = async (sql: string) => {
		const reader = await conn.send(sql);
		const batches: RecordBatch[] = [];
		for await (const batch of reader) batches.push(batch);
		return new Table(reader.schema, batches);
	};
	return {
		query(sql, params) {
			if (!params || params.length === 0) return serial(() => sent(sql));
			return serial(async () => {
				const stmt = await conn.prepare(sql);
				try {
					return await stmt.query(...params);
				} finally {
					await stmt.close();
				}
			});
		},
		insertArrowIPC: (table, ipc) =>
			serial(() => conn.insertArrowFromIPCStream(ipc, { name: table, create: true })),
		async registerFile(name, bytes) {
			await db.registerFileBuffer(name, bytes);
		},
		async dropFile(name) {
			await db.dropFile(name);
		},
		// Not queued: it must reach the running statement.
		cancel: () => conn.cancelSent()
	};
}

/** Open a new connection with the parsing macros (the engine's settings are already locked). */
export async function connect(): Promise<SqlConnection> {
	const db = await getEngine();
	const conn = wrap(db, await db.connect());
	await configureConnection(conn);
	return conn;
}

let shared: Promise<SqlConnection> | null = null;

/** The app's shared connection, for the dashboard and the loader. */
export function sharedConnection(): Promise<SqlConnection> {
	shared ??= connect();
	shared.catch(() => (shared = null));
	return shared;
}

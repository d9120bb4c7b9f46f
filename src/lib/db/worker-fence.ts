/**
 * The engine's Web Worker, fenced to the app's origin. DuckDB-WASM reads `http(s)://` paths
 * itself (XHR from its worker), so `SELECT * FROM 'https://…'` typed in the workspace would make
 * a request outside the origin; no DuckDB setting turns that off without also refusing the
 * loader's registered files. The worker therefore starts from a small same-origin prelude,
 * `static/engine-fence.js`, that makes XHR, fetch and WebSocket refuse any other origin, then
 * loads DuckDB's worker script. A file, not a blob: URL, so a strict CSP (`worker-src 'self'`)
 * allows it (docs/deploy.md).
 */
import { assets } from '$app/paths';

/** Start DuckDB's worker script (`url`, relative or absolute) behind the origin fence. */
export function fencedWorker(url: string): Worker {
	const script = new URL(url, location.href).href;
	return new Worker(`${assets}/engine-fence.js?script=${encodeURIComponent(script)}`);
}

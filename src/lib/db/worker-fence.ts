/**
 * The engine's Web Worker, fenced to the app's origin. DuckDB-WASM reads `http(s)://` paths
 * itself (XHR from its worker), so `SELECT * FROM 'https://…'` typed in the workspace would make
 * a request outside the origin; no DuckDB setting turns that off without also refusing the
 * loader's registered files. The worker therefore starts from a small same-origin prelude that
 * makes XHR, fetch and WebSocket refuse any other origin, then loads DuckDB's worker script.
 */

/** The prelude's source: `origin` is the only origin the worker may reach. */
export function fencePrelude(origin: string, script: string): string {
	return `"use strict";
(() => {
	const ORIGIN = ${JSON.stringify(origin)};
	const own = (url) => new URL(String(url), ORIGIN + "/").origin === ORIGIN;
	const refuse = (url) => new Error("Intersect reads no data from outside the app: " + url);
	const open = XMLHttpRequest.prototype.open;
	XMLHttpRequest.prototype.open = function (method, url, ...rest) {
		if (!own(url)) throw refuse(url);
		return open.call(this, method, url, ...rest);
	};
	const realFetch = self.fetch.bind(self);
	self.fetch = (input, init) => {
		const url = input instanceof Request ? input.url : input;
		return own(url) ? realFetch(input, init) : Promise.reject(refuse(url));
	};
	self.WebSocket = class { constructor(url) { throw refuse(url); } };
})();
importScripts(${JSON.stringify(script)});
`;
}

/** Start DuckDB's worker script (`url`, relative or absolute) behind the origin fence. */
export function fencedWorker(url: string): Worker {
	const script = new URL(url, location.href).href;
	const blob = new Blob([fencePrelude(location.origin, script)], { type: 'text/javascript' });
	const blobUrl = URL.createObjectURL(blob);
	try {
		return new Worker(blobUrl);
	} finally {
		// The worker has its own reference once constructed; the URL is not needed any more.
		setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
	}
}

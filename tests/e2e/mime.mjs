/**
 * Content types by file extension, shared by the e2e servers (harness, bundle-server) and the
 * bench's server, so the three send the same headers. `.wasm` must be `application/wasm`.
 */

/** @type {Record<string, string>} */
export const MIME = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.json': 'application/json',
	'.csv': 'text/csv; charset=utf-8',
	'.parquet': 'application/vnd.apache.parquet',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.map': 'application/json'
};

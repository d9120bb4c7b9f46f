/**
 * A static web server for the published-dataset tests: the built app (build/, single-page
 * fallback) and folders mounted beside it (bundles, datasets/index.json), with the behaviours a
 * real intranet server may or may not have: range requests (206 + Accept-Ranges) or whole files
 * only, ETags with 304, CORS headers or none. Every request is logged for assertions.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MIME } from './mime.mjs';

/** One request the server answered. */
export interface LoggedRequest {
	method: string;
	path: string;
	range: string | null;
	status: number;
	/** Body bytes sent (0 for HEAD and 304). */
	bytes: number;
}

/** How the server behaves. */
export interface SiteOptions {
	/** Serve build/ at the root (the app); false for a bare second origin. */
	app?: string | null;
	/** URL prefix (`/bundles/`) -> folder on disk. */
	mounts: Record<string, string>;
	/** Answer `Range:` with 206 and advertise `Accept-Ranges: bytes`. */
	ranges: boolean;
	/** Send `Access-Control-Allow-Origin: *`. */
	cors?: boolean;
	/**
	 * A path starting with this prefix is answered slowly: the headers and the first half of the
	 * file, the rest only when the test calls `release()` (a slow intranet link, under its control).
	 */
	hold?: string;
}

/** Serve `o` on a free 127.0.0.1 port. */
export async function serveSite(o: SiteOptions) {
	const log: LoggedRequest[] = [];
	const held: (() => void)[] = [];
	const locate = (pathname: string): string | null => {
		for (const [prefix, dir] of Object.entries(o.mounts))
			if (pathname.startsWith(prefix)) {
				const file = path.join(dir, pathname.slice(prefix.length));
				return file.startsWith(dir) && existsSync(file) && statSync(file).isFile() ? file : null;
			}
		if (!o.app) return null;
		const file = path.join(o.app, pathname);
		if (!file.startsWith(o.app)) return null;
		if (existsSync(file) && statSync(file).isFile()) return file;
		const html = `${file.replace(/\/$/, '')}.html`;
		return existsSync(html) ? html : path.join(o.app, '200.html');
	};
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const range = req.headers.range ?? null;
		const file = locate(decodeURIComponent(url.pathname));
		const headers: Record<string, string> = { 'cache-control': 'no-cache' };
		if (o.cors) {
			headers['access-control-allow-origin'] = '*';
			headers['access-control-expose-headers'] =
				'accept-ranges, content-length, content-range, etag';
		}
		const end = (status: number, body?: Buffer) => {
			const bytes = req.method === 'HEAD' ? 0 : (body?.length ?? 0);
			log.push({ method: req.method ?? 'GET', path: url.pathname, range, status, bytes });
			res.writeHead(status, headers);
			res.end(req.method === 'HEAD' ? undefined : body);
		};
		if (!file) return end(404, Buffer.from('not found'));
		const bytes = readFileSync(file);
		const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`;
		headers['content-type'] = MIME[path.extname(file)] ?? 'application/octet-stream';
		headers.etag = etag;
		if (o.ranges) headers['accept-ranges'] = 'bytes';
		if (req.headers['if-none-match'] === etag) return end(304);
		const m = o.ranges && range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
		if (m) {
			const size = bytes.length;
			const [from, to] = m[1]
				? [Number(m[1]), m[2] ? Math.min(Number(m[2]), size - 1) : size - 1]
				: [Math.max(0, size - Number(m[2])), size - 1];
			headers['content-range'] = `bytes ${from}-${to}/${size}`;
			headers['content-length'] = String(to - from + 1);
			return end(206, bytes.subarray(from, to + 1));
		}
		headers['content-length'] = String(bytes.length);
		if (o.hold && url.pathname.startsWith(o.hold) && req.method === 'GET') {
			log.push({ method: 'GET', path: url.pathname, range, status: 200, bytes: bytes.length });
			res.writeHead(200, headers);
			res.write(bytes.subarray(0, bytes.length >> 1));
			held.push(() => res.end(bytes.subarray(bytes.length >> 1)));
			return;
		}
		end(200, bytes);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		log,
		/** Send the rest of every held response. */
		release: () => held.splice(0).forEach((f) => f()),
		close: () =>
			new Promise<void>((r) => {
				server.closeAllConnections();
				server.close(() => r());
			})
	};
}

/** The bytes of a file, as a fixture helper for building bundles. */
export const readBytes = (p: string) => readFileSync(p);

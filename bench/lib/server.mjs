/**
 * A static server on 127.0.0.1 for the benchmark: a snapshot of build/ as a single-page app (as
 * the e2e harness serves build/), plus /__bench/: a blank page, PapaParse, and the generated data.
 */
import { cpSync, createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { MIME } from '../../tests/e2e/mime.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Other work in the same tree (e2e runs) rebuilds build/; the bench serves its own copy.
const BUILD = path.join(ROOT, 'bench/.cache/build');
// Paths under /__bench/ and what they serve.
const EXTRA = {
	'/__bench/papaparse.min.js': path.join(ROOT, 'node_modules/papaparse/papaparse.min.js'),
	'/__bench/blank.html': null
};

function resolve(pathname) {
	if (pathname.startsWith('/__bench/data/')) {
		const file = path.join(ROOT, 'bench/data', pathname.slice('/__bench/data/'.length));
		return file.startsWith(path.join(ROOT, 'bench/data')) ? file : null;
	}
	if (pathname in EXTRA) return EXTRA[pathname];
	const file = path.join(BUILD, pathname);
	if (!file.startsWith(BUILD)) return null;
	if (existsSync(file) && !statSync(file).isDirectory()) return file;
	const html = `${file.replace(/\/$/, '')}.html`;
	return existsSync(html) ? html : path.join(BUILD, '200.html');
}

/** Copy build/ to the snapshot the server serves. */
export function snapshotBuild() {
	const build = path.join(ROOT, 'build');
	if (!existsSync(path.join(build, 'index.html'))) throw new Error('build/index.html is missing');
	rmSync(BUILD, { recursive: true, force: true });
	cpSync(build, BUILD, { recursive: true });
}

/** Serve on a free port; returns the origin and a close function. */
export async function serve() {
	const server = createServer((req, res) => {
		const { pathname } = new URL(req.url ?? '/', 'http://x');
		if (pathname === '/__bench/blank.html')
			return void res
				.writeHead(200, { 'content-type': MIME['.html'] })
				.end('<!doctype html><title>bench</title>');
		const file = resolve(decodeURIComponent(pathname));
		if (!file || !existsSync(file)) return void res.writeHead(404).end();
		res.writeHead(200, {
			'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
			'content-length': statSync(file).size,
			'cache-control': 'no-store'
		});
		createReadStream(file).pipe(res);
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	return {
		origin: `http://127.0.0.1:${server.address().port}`,
		close: () => new Promise((r) => server.close(() => r()))
	};
}

#!/usr/bin/env node
/**
 * Check a deployed Intersect over HTTP, as docs/deploy.md asks a server to behave: every route
 * and a reload of it answers the page (not 404), the engine is served as `application/wasm`,
 * content-hashed files are cached for long and pages revalidate, the Content-Security-Policy
 * allows what the app needs. Run it from the folder whose `build/` was copied to the server:
 *
 *   npm run deploy:check -- https://intranet.example.org/intersect/ [--build build]
 *
 * Prints one line per check; exits 1 if any check failed (warnings do not fail).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const buildAt = args.indexOf('--build');
const buildDir = path.resolve(buildAt >= 0 ? args[buildAt + 1] : 'build');
const target = args.find((a, i) => !a.startsWith('--') && i !== buildAt + 1);
if (!target) {
	console.error('usage: npm run deploy:check -- <url of the app, e.g. https://host/intersect/>');
	process.exit(2);
}
const base = new URL(target.endsWith('/') ? target : `${target}/`);

let failed = 0;
/** Print a check's outcome: `true` passes, a string fails (or warns) with that reason. */
function report(name, outcome, { warnOnly = false } = {}) {
	if (outcome === true) return console.log(`ok    ${name}`);
	if (warnOnly) return console.log(`warn  ${name}: ${outcome}`);
	failed++;
	console.log(`FAIL  ${name}: ${outcome}`);
}

async function get(rel) {
	const url = new URL(rel, base);
	try {
		const res = await fetch(url, {
			redirect: 'follow',
			headers: { 'accept-encoding': 'gzip, br' }
		});
		const body = Buffer.from(await res.arrayBuffer());
		return { url, res, body };
	} catch (e) {
		return { url, error: e instanceof Error ? e.message : String(e) };
	}
}

/** A file under build/_app/immutable whose name matches, as a path relative to the app. */
function builtFile(match) {
	const dir = path.join(buildDir, '_app/immutable/assets');
	try {
		const name = readdirSync(dir).find((n) => match.test(n));
		return name ? `_app/immutable/assets/${name}` : null;
	} catch {
		return null;
	}
}

const isPage = (r) =>
	r.res?.status === 200 && /text\/html/.test(r.res.headers.get('content-type') ?? '');
const revalidates = (cc) => /no-cache|no-store|max-age=0\b/.test(cc ?? '');

// 1. Every route by deep link, as a reload asks for it.
for (const route of [
	'',
	'workspace',
	'report',
	'embed/theme-trends',
	'workspace?sql=1',
	'report/'
]) {
	const r = await get(route);
	report(
		`/${route} answers the app's page`,
		r.error ?? (isPage(r) ? true : `HTTP ${r.res.status} ${r.res.headers.get('content-type')}`)
	);
	if (route === '' && isPage(r))
		report(
			'pages revalidate (Cache-Control no-cache)',
			revalidates(r.res.headers.get('cache-control')) ||
				`Cache-Control is "${r.res.headers.get('cache-control') ?? ''}": a new version may not show`,
			{ warnOnly: true }
		);
	if (route === '' && isPage(r)) {
		const csp = r.res.headers.get('content-security-policy');
		report(
			'Content-Security-Policy header',
			!csp
				? 'none sent (docs/deploy.md section 4 gives one)'
				: !/wasm-unsafe-eval/.test(csp)
					? "it lacks 'wasm-unsafe-eval' in script-src: the engine cannot compile"
					: /unsafe-eval'/.test(csp.replace(/'wasm-unsafe-eval'/g, ''))
						? "it allows 'unsafe-eval', which the app does not need"
						: true,
			{ warnOnly: !csp }
		);
	}
}

// 2. The engine: the wasm with its MIME type, compressed and cached for long.
const wasm = builtFile(/^duckdb-eh\..*\.wasm$/);
if (!wasm) report('engine file found in the local build', `no duckdb-eh.*.wasm under ${buildDir}`);
else {
	const r = await get(wasm);
	const type = r.res?.headers.get('content-type') ?? '';
	report(
		'the engine is served as application/wasm',
		r.error ??
			(r.res.status !== 200
				? `HTTP ${r.res.status} for ${r.url.pathname} (is this the build that was deployed?)`
				: type.startsWith('application/wasm')
					? true
					: `served as "${type}": the page stays on "Starting the in-browser database…"`)
	);
	if (r.res?.status === 200) {
		const cc = r.res.headers.get('cache-control') ?? '';
		report(
			'content-hashed files are cached for long',
			/immutable|max-age=[1-9]\d{4,}/.test(cc) || `Cache-Control is "${cc}"`,
			{ warnOnly: true }
		);
		report(
			'the engine is compressed in transit',
			r.res.headers.get('content-encoding')
				? true
				: 'no Content-Encoding: the first visit downloads 34 MB instead of ~8 MB',
			{ warnOnly: true }
		);
	}
}

// 3. What the pages load besides: the engine's worker prelude and the sample data.
for (const [rel, type] of [
	['engine-fence.js', /javascript/],
	[builtFile(/^meetings\..*\.csv$/), /csv|text\/plain|octet-stream/]
]) {
	if (!rel) continue;
	const r = await get(rel);
	report(
		`/${rel} is served`,
		r.error ??
			(r.res.status === 200 && type.test(r.res.headers.get('content-type') ?? '')
				? true
				: `HTTP ${r.res.status} ${r.res.headers.get('content-type')}`)
	);
}

console.log(
	failed ? `\n${failed} check(s) failed for ${base.href}` : `\nAll checks passed for ${base.href}`
);
process.exit(failed ? 1 : 0);

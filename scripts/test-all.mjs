/**
 * `npm test`: run the unit project, then build and run the browser (e2e) project, whatever the
 * first one did, print one summary line per project and exit non-zero if either failed. A plain
 * `a && b` would skip the browser tests after a unit failure and never say so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const env = { ...process.env, TZ: 'UTC' };
const dir = mkdtempSync(path.join(tmpdir(), 'intersect-test-'));

/** Run a command with the terminal attached; its exit status (1 when it could not start). */
function run(command, args) {
	const r = spawnSync(command, args, { stdio: 'inherit', env });
	return r.status ?? 1;
}

/** Run one vitest project; its status and test counts (from vitest's JSON report). */
function vitest(project) {
	const report = path.join(dir, `${project}.json`);
	const status = run('npx', [
		'vitest',
		'run',
		'--project',
		project,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${report}`
	]);
	let counts = 'no report';
	let tally = { passed: 0, failed: 0, skipped: 0 };
	try {
		const j = JSON.parse(readFileSync(report, 'utf8'));
		tally = {
			passed: j.numPassedTests,
			failed: j.numFailedTests,
			skipped: j.numPendingTests + j.numTodoTests
		};
		counts = `${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numPendingTests + j.numTodoTests} skipped of ${j.numTotalTests} tests in ${j.testResults.length} files`;
	} catch {
		// vitest died before writing its report: the status says enough.
	}
	return { status, counts, tally };
}

const started = Date.now();
const results = [];
results.push({ name: 'unit', ...vitest('unit') });
if (run('npx', ['vite', 'build']) !== 0)
	results.push({
		name: 'e2e',
		status: 1,
		counts: 'not run: `vite build` failed',
		tally: { passed: 0, failed: 1, skipped: 0 }
	});
else results.push({ name: 'e2e', ...vitest('e2e') });
rmSync(dir, { recursive: true, force: true });

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nnpm test summary (${minutes} min):`);
for (const r of results)
	console.log(`  ${r.status === 0 ? 'PASS' : 'FAIL'}  ${r.name.padEnd(4)}  ${r.counts}`);
// One plain closing line over both projects, the form CI logs are read for.
const sum = (k) => results.reduce((n, r) => n + r.tally[k], 0);
console.log(`tests: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(results.some((r) => r.status !== 0) ? 1 : 0);

/**
 * Chromium's renderer processes from /proc (Linux): the descendants of this Node process whose
 * command line says `--type=renderer`, and their resident memory. The tab's DuckDB and decode
 * workers are threads of its renderer, so the renderer's RSS includes their wasm memory.
 */
import { readdirSync, readFileSync } from 'node:fs';

function read(file) {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return null;
	}
}

/** Pids of the live descendants of `root`. */
function descendants(root) {
	const children = new Map();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const stat = read(`/proc/${name}/stat`);
		// The command name may hold spaces or parentheses: fields start after the last ')'.
		const ppid = stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		if (!ppid) continue;
		if (!children.has(ppid)) children.set(ppid, []);
		children.get(ppid).push(Number(name));
	}
	const out = [];
	const queue = [root];
	while (queue.length) {
		for (const c of children.get(queue.shift()) ?? []) {
			out.push(c);
			queue.push(c);
		}
	}
	return out;
}

/** kB fields of /proc/<pid>/status, as bytes (null when the process is gone). */
function status(pid) {
	const text = read(`/proc/${pid}/status`);
	if (!text) return null;
	const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) * 1024;
	return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Renderer processes started by this Node process, with current and peak RSS in bytes. */
export function renderers() {
	if (process.platform !== 'linux') return [];
	return descendants(process.pid)
		.filter((pid) => (read(`/proc/${pid}/cmdline`) ?? '').includes('--type=renderer'))
		.map((pid) => ({ pid, ...status(pid) }))
		.filter((p) => p.rss !== undefined && p.rss !== null);
}

/** The busiest renderer (largest RSS): the tab under test, as one tab is open at a time. */
export function tabRenderer() {
	return renderers().sort((a, b) => b.rss - a.rss)[0] ?? null;
}

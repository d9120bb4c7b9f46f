import dns from 'node:dns';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@inlang/paraglide-js';
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('compiling the message catalogues', () => {
	afterEach(() => vi.restoreAllMocks());

	it('reads its plugin from node_modules and makes no socket, DNS lookup or URL fetch', async () => {
		const attempts: string[] = [];
		const refuse = (what: string) => () => {
			attempts.push(what);
			throw new Error(`network use during compile: ${what}`);
		};
		// The SDK also hands each `modules` entry to fetch(); a relative path is not a URL, so
		// Node's fetch refuses it before any request (as here), and the file read wins.
		const fetched: string[] = [];
		vi.spyOn(globalThis, 'fetch').mockImplementation(async (u) => {
			fetched.push(String(u));
			throw new TypeError('Failed to parse URL');
		});
		vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse('socket'));
		vi.spyOn(dns, 'lookup').mockImplementation(refuse('dns.lookup'));
		vi.spyOn(dns.promises, 'lookup').mockImplementation(refuse('dns.promises.lookup'));
		const outdir = mkdtempSync(join(tmpdir(), 'paraglide-'));
		try {
			await compile({ project: './project.inlang', outdir, emitGitIgnore: false });
			const title = readFileSync(join(outdir, 'messages', 'chart_theme_trends_title.js'), 'utf8');
			// A plugin that failed to load compiles to no messages at all: prove this one loaded.
			expect(title).toContain('Theme trends');
		} finally {
			rmSync(outdir, { recursive: true, force: true });
		}
		expect(attempts).toEqual([]);
		expect(fetched.filter((u) => /^[a-z]+:/i.test(u))).toEqual([]);
	});
});

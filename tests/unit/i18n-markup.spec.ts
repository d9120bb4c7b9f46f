/**
 * No English in markup: every text node and every title, aria-label, placeholder, alt and label
 * attribute written as a literal in a .svelte file must be free of words, except tokens that
 * are the same in every language (format names, sector codes, the product's name). Words go
 * through the catalogues (`t('key')`), so new English cannot slip past the translators.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, test } from 'vitest';

/** Tokens no language translates. */
const UNTRANSLATED = new Set([
	'SQL',
	'CSV',
	'SVG',
	'PNG',
	'PDF',
	'ZIP',
	'Parquet',
	'ISC-TF',
	'ITU',
	'BR',
	'TSB',
	'BDT',
	'GS',
	'Intersect',
	'px',
	'cm',
	'dpi'
]);
const ATTRS = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);

const ROOT = path.resolve(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const p = path.join(dir, d.name);
		if (d.isDirectory()) return d.name === 'paraglide' ? [] : files(p);
		return d.name.endsWith('.svelte') ? [p] : [];
	});

/** Words of `text` that no catalogue supplied (letters in runs of two or more). */
function words(text: string): string[] {
	return (text.match(/[\p{L}][\p{L}\-']+/gu) ?? []).filter((w) => !UNTRANSLATED.has(w));
}

type Node = { type: string; [k: string]: unknown };

/** Literal texts of `file` with their line: text nodes and literal attribute values. */
function literals(file: string): { line: number; text: string }[] {
	const source = readFileSync(file, 'utf8');
	const ast = parse(source, { modern: true });
	const out: { line: number; text: string }[] = [];
	const line = (at: number) => source.slice(0, at).split('\n').length;
	const visit = (node: unknown, parent?: Node): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((n) => visit(n, parent));
		const n = node as Node;
		if (n.type === 'Text' && parent?.type !== 'Attribute' && parent?.type !== 'StyleDirective')
			out.push({ line: line(n.start as number), text: String(n.data) });
		if (n.type === 'Attribute' && ATTRS.has(String(n.name)) && Array.isArray(n.value))
			for (const v of n.value as Node[])
				if (v.type === 'Text') out.push({ line: line(v.start as number), text: String(v.data) });
		for (const [k, v] of Object.entries(n))
			if (
				k !== 'expression' &&
				k !== 'metadata' &&
				k !== 'css' &&
				k !== 'instance' &&
				k !== 'module'
			)
				visit(v, n);
	};
	visit(ast.fragment);
	return out;
}

describe('markup', () => {
	test('no .svelte file has words outside the catalogues', () => {
		const found: string[] = [];
		for (const f of files(ROOT))
			for (const l of literals(f)) {
				const w = words(l.text);
				if (w.length) found.push(`${path.relative(ROOT, f)}:${l.line}: ${l.text.trim()}`);
			}
		expect(found).toEqual([]);
	});

	test('the scan finds a literal word in a text node and in an aria-label', () => {
		const tmp = path.join(import.meta.dirname, '.markup-probe.svelte');
		writeFileSync(tmp, '<p>{x} Hello</p><button aria-label="Close">×</button><i>SQL · CSV</i>');
		try {
			expect(literals(tmp).flatMap((l) => words(l.text))).toEqual(['Hello', 'Close']);
		} finally {
			rmSync(tmp);
		}
	});
});

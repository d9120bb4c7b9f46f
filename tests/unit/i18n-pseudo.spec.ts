/**
 * The test-only pseudo-locales (src/lib/i18n/pseudo.ts) made from the English catalogue: the
 * long one is accented and at least 40 % longer, the bidi one overrides every word to right to
 * left, and both keep the inserted values (placeholders) exactly as given.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as m from '../../src/lib/paraglide/messages.js';
import { pseudoBidi, pseudoLong, pseudoMessage } from '../../src/lib/i18n/pseudo';

const en: Record<string, unknown> = JSON.parse(
	readFileSync(new URL('../../messages/en.json', import.meta.url), 'utf8')
);
const texts = Object.entries(en).filter(
	(e): e is [string, string] => typeof e[1] === 'string' && !e[1].includes('{')
);

describe('pseudo-locales', () => {
	test('every English message becomes at least 40 % longer, with no plain ASCII letter left', () => {
		expect(texts.length).toBeGreaterThan(200);
		for (const [key, text] of texts) {
			const long = pseudoMessage('long', {}, () => text);
			expect(long.length, key).toBeGreaterThanOrEqual(Math.ceil(text.length * 1.4));
			expect(long.slice(1, -1), key).not.toMatch(/[A-Za-z]/);
			expect(long, key).toMatch(/^\[.*\]$/s);
		}
	});

	test('placeholders keep their values, and a numeric count still picks the plural', () => {
		const render = (v: Record<string, string>) =>
			(m as unknown as Record<string, (i: object) => string>)['unit.meeting']!({
				...v,
				count: 3
			});
		expect(pseudoMessage('long', { n: '3', count: '3' }, render)).toBe(
			`[3 ${pseudoLong('meetings')}]`
		);
		const saved = (v: Record<string, string>) => `Downloaded ${v.file}.`;
		const bidi = pseudoMessage('bidi', { file: 'intersect-BR.svg' }, saved);
		expect(bidi).toContain('intersect-BR.svg');
		expect(bidi).toBe(`\u200f${pseudoBidi('Downloaded')} intersect-BR.svg.\u200f`);
	});

	test('the bidi pseudo-locale overrides each word right to left and leaves other text alone', () => {
		expect(pseudoBidi('Show data: 12')).toBe('\u202eShow\u202c \u202edata\u202c: 12');
	});
});

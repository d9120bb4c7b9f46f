import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/lib/i18n/locales';
import { placeholdersOf, readCatalogue, textsOf } from '../helpers/catalogue';

const en = readCatalogue('en');
const keys = Object.keys(en).sort();

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return name === 'paraglide' ? [] : sourceFiles(p);
		return /\.(ts|svelte)$/.test(name) ? [p] : [];
	});
}

describe.each(LOCALES)('the %s catalogue', (locale) => {
	const cat = readCatalogue(locale);

	it('has exactly the English keys', () => {
		expect(Object.keys(cat).sort()).toEqual(keys);
	});

	it('has no empty message', () => {
		const empty = Object.entries(cat).filter(([, m]) => textsOf(m).some((s) => s.trim() === ''));
		expect(empty.map(([k]) => k)).toEqual([]);
	});

	it('uses the same placeholders as English in every message', () => {
		const differ = Object.entries(cat)
			.filter(([k, m]) => k in en && placeholdersOf(m).join() !== placeholdersOf(en[k]!).join())
			.map(([k]) => k);
		expect(differ).toEqual([]);
	});

	it('gives every plural message a form for each plural category of the language', () => {
		const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
		for (const [key, m] of Object.entries(cat)) {
			if (typeof m === 'string') continue;
			const forms = Object.keys(m[0]!.match).map((k) => k.split('=')[1]);
			expect({ key, forms: [...forms].sort() }).toEqual({ key, forms: [...categories].sort() });
		}
	});
});

describe('the English catalogue', () => {
	it('has no key the code never uses', () => {
		const code = sourceFiles('src')
			.map((p) => readFileSync(p, 'utf8'))
			.join('\n');
		// Keys built at run time (`status.${s}`) count as used through their literal prefix.
		const prefixes = [...code.matchAll(/`((?:load\.|fig\.)?[\w-]+(?:\.[\w-]+)*\.)\$\{/g)].map(
			(m) => m[1]!
		);
		const used = (key: string) => {
			const short = key.replace(/^(load|fig)\./, '');
			return (
				code.includes(`'${key}'`) ||
				code.includes(`'${short}'`) ||
				prefixes.some((p) => key.startsWith(p) || short.startsWith(p))
			);
		};
		expect(keys.filter((k) => !used(k))).toEqual([]);
	});
});

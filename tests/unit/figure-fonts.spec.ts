/**
 * The bundled fonts and the choice of the slices a PNG figure embeds: the generated fonts.css
 * names only files that exist, at the two weights the app uses, and a figure's text selects the
 * slices that draw it, family by family in the font stack's order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	facesFor,
	fontFaceRule,
	parseUnicodeRange,
	unquote,
	type FontFace
} from '../../src/lib/figures/font-faces';
import { CHART_FONTS } from '../../src/lib/i18n/locales';

const css = readFileSync(new URL('../../src/lib/i18n/fonts.css', import.meta.url), 'utf8');
/** The rules of fonts.css as faces (file = the package path in node_modules). */
const FACES: FontFace[] = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map(([, body]) => ({
	family: unquote(/font-family:\s*([^;]+);/.exec(body!)![1]!),
	weight: Number(/font-weight: (\d+);/.exec(body!)![1]),
	url: /url\('([^']+)'\)/.exec(body!)![1]!,
	ranges: parseUnicodeRange(/unicode-range:\s*([^;]+);/.exec(body!)?.[1] ?? '')
}));
const STACK = CHART_FONTS.split(',').map(unquote);
const files = (text: string, weight = 400) =>
	facesFor({ faces: FACES.filter((f) => f.weight === weight), text, stack: STACK }).map((f) =>
		f.url.replace(/^.*\/files\/noto-sans-/, '')
	);

describe('bundled fonts', () => {
	test('fonts.css lists woff2 files that exist, weights 400 and 600, Latin, Cyrillic, Arabic and CJK', () => {
		expect(new Set(FACES.map((f) => f.weight))).toEqual(new Set([400, 600]));
		expect(new Set(FACES.map((f) => f.family))).toEqual(
			new Set(['Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC'])
		);
		const missing = FACES.filter(
			(f) => !f.url.endsWith('.woff2') || !existsSync(`node_modules/${f.url}`)
		);
		expect(missing).toEqual([]);
		expect(FACES.filter((f) => f.family === 'Noto Sans SC').length).toBeGreaterThan(150);
	});

	test('a Chinese title takes only Noto Sans SC slices; its digits and Latin stay with Noto Sans', () => {
		const chosen = files('每年会议次数 2024 BR');
		expect(chosen.some((f) => f.startsWith('sc-'))).toBe(true);
		expect(chosen.filter((f) => !f.startsWith('sc-'))).toEqual(['latin-400-normal.woff2']);
		// A handful of slices, not the whole 3.5 MB font.
		expect(chosen.length).toBeLessThan(8);
	});

	test('Arabic, Russian and French text take their own faces at the weight asked for', () => {
		expect(files('الاجتماعات حسب السنة', 600)).toEqual(['arabic-arabic-600-normal.woff2']);
		expect(files('Заседания по годам')).toEqual(['cyrillic-400-normal.woff2']);
		expect(files('Réunions par an')).toEqual(['latin-400-normal.woff2']);
		// Spaces and bidi isolates need no glyph.
		expect(files(' \u2068\u2069\n')).toEqual([]);
	});

	test('unicode-range parses single points, ranges and wildcards, and writes back as a rule', () => {
		expect(parseUnicodeRange('U+0301, U+0400-045F,u+4??')).toEqual([
			[0x301, 0x301],
			[0x400, 0x45f],
			[0x400, 0x4ff]
		]);
		const face: FontFace = { family: 'Noto Sans', weight: 600, url: 'x', ranges: [[0x400, 0x45f]] };
		expect(fontFaceRule(face, 'data:font/woff2;base64,AA')).toBe(
			"@font-face{font-family:'Noto Sans';font-style:normal;font-weight:600;src:url(data:font/woff2;base64,AA) format('woff2');unicode-range:U+400-45f}"
		);
	});
});

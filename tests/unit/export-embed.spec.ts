/**
 * Embed links carry a chart's rows (deflate-raw + base64url): the round trip, the size limit, and
 * the refusal of anything that is not exactly a chart's rows.
 */
import { describe, expect, test } from 'vitest';
import {
	decodeEmbed,
	EMBED_BOUNDS,
	EmbedError,
	encodeEmbed,
	fromBase64Url,
	MAX_EMBED_CHARS,
	toBase64Url,
	type EmbedPayload
} from '../../src/lib/figures/embed-payload';
import { layoutThemeTrends } from '../../src/lib/charts/theme-trends/layout';
import { layoutThemeSectorHeatmap } from '../../src/lib/charts/theme-sector-heatmap/layout';

const meta = {
	dataset: 'meetings.csv, themes.csv',
	period: '1 Jan 2020 – 31 Dec 2021',
	filters: ['Sector: BR'],
	fingerprint: '3f9a2c1d',
	version: '0.1.0'
};
const heatmap: EmbedPayload = {
	chart: 'theme-sector-heatmap',
	rows: [
		{ theme_id: 'gender', theme: 'Gender <b>equality</b> & “more”', sector: 'BR', outcomes: 3 },
		{ theme_id: 'gender', theme: 'Gender <b>equality</b> & “more”', sector: 'TSB', outcomes: 0 }
	],
	meta
};

/** Pack arbitrary JSON the way encodeEmbed does, to forge payloads. */
async function pack(value: unknown): Promise<string> {
	const stream = new Blob([JSON.stringify(value)])
		.stream()
		.pipeThrough(new CompressionStream('deflate-raw'));
	return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}
const wire = (patch: object = {}) => ({
	v: 1,
	c: 'theme-sector-heatmap',
	f: ['theme_id', 'theme', 'sector', 'outcomes'],
	r: [['gender', 'Gender', 'BR', 3]],
	m: meta,
	...patch
});
const reason = async (text: string, chart: EmbedPayload['chart'] = 'theme-sector-heatmap') => {
	const e = await decodeEmbed(text, chart).catch((x: unknown) => x);
	expect(e).toBeInstanceOf(EmbedError);
	return (e as EmbedError).message;
};

describe('embed payload', () => {
	test('rows and their source survive the round trip through a URL-safe string', async () => {
		const text = await encodeEmbed(heatmap);
		expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(await decodeEmbed(text, 'theme-sector-heatmap')).toEqual(heatmap);
	});

	test('base64url round-trips every byte value', () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
	});

	test('too many rows for a link is a clear, sized refusal', async () => {
		const rows = Array.from({ length: 4000 }, (_, i) => ({
			theme_id: `theme-${i}-${Math.random().toString(36)}`,
			theme: `Theme ${Math.random().toString(36)}`,
			year: 2000 + (i % 20),
			outcomes: i
		}));
		const e = await encodeEmbed({ chart: 'theme-trends', rows, meta }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(EmbedError);
		expect((e as EmbedError).kind).toBe('too-large');
		expect((e as EmbedError).size).toBeGreaterThan(MAX_EMBED_CHARS);
		expect(
			(await decodeEmbed('A'.repeat(MAX_EMBED_CHARS + 4), 'theme-trends').catch((x) => x)).kind
		).toBe('too-large');
	});

	test('text that is not a packed chart is refused before anything is drawn', async () => {
		expect(await reason('not base64!')).toBe('not base64url');
		expect(await reason('AAAA')).toBe('not a packed chart');
		expect(await reason(toBase64Url(new TextEncoder().encode('{"v":1}')))).toBe(
			'not a packed chart'
		);
		expect(await reason(await pack([1, 2]))).toBe('unknown format version');
	});

	test('rows of another chart, unexpected columns or the wrong shape are refused', async () => {
		expect(await reason(await pack(wire()), 'theme-trends')).toBe('rows of another chart');
		expect(await reason(await pack(wire({ f: ['theme', 'theme_id', 'sector', 'outcomes'] })))).toBe(
			'unexpected columns'
		);
		expect(await reason(await pack(wire({ r: [['gender', 'Gender', 'BR']] })))).toBe(
			'row 1 has the wrong shape'
		);
		expect(await reason(await pack(wire({ r: {} })))).toBe('rows are not a list');
	});

	test('cells of the wrong type, range, value or length are refused', async () => {
		const cell = async (row: unknown[]) => reason(await pack(wire({ r: [row] })));
		expect(await cell(['g', 'G', 'BR', -1])).toMatch(/outcomes is not a whole number/);
		expect(await cell(['g', 'G', 'BR', 1.5])).toMatch(/outcomes is not a whole number/);
		expect(await cell(['g', 'G', 'BR', '3'])).toMatch(/outcomes is not a whole number/);
		expect(await cell(['g', 'G', 'ITU-X', 3])).toMatch(/sector is not a known value/);
		expect(await cell(['g', 'x'.repeat(301), 'BR', 3])).toMatch(/theme is empty or too long/);
		expect(await cell(['', 'G', 'BR', 3])).toMatch(/theme_id is empty or too long/);
		expect(await cell([{ toString: 1 }, 'G', 'BR', 3])).toMatch(/theme_id is not text/);
	});

	test('source details are checked too: fingerprint, version, lengths', async () => {
		const m = async (patch: object) => reason(await pack(wire({ m: { ...meta, ...patch } })));
		expect(await m({ fingerprint: '../x' })).toBe('fingerprint is not valid');
		expect(await m({ version: '1.0 <b>' })).toBe('version is not valid');
		expect(await m({ dataset: 'x'.repeat(501) })).toBe('dataset is not short text');
		expect(await m({ filters: 'Sector: BR' })).toBe('filters are not a list');
		expect(await m({ filters: [1] })).toBe('filter 1 is not short text');
	});

	test('a decompression bomb stops at the size cap', async () => {
		const big = await pack(wire({ pad: 'x'.repeat(2_000_000) }));
		expect(big.length).toBeLessThan(MAX_EMBED_CHARS);
		expect(await reason(big)).toBe('too much data once unpacked');
	});
});

describe('embed payloads a chart cannot draw', () => {
	// The review's link: 200 themes, each with a count in year 1 and in year 9999.
	const rows = Array.from({ length: 200 }, (_, i) =>
		[1, 9999].map((year) => ({ theme_id: `t${i}`, theme: `Theme ${i}`, year, outcomes: i + 1 }))
	).flat();

	test('200 themes over years 1–9999 are refused with the counts and the limits', async () => {
		const text = await pack({
			v: 1,
			c: 'theme-trends',
			f: ['theme_id', 'theme', 'year', 'outcomes'],
			r: rows.map((r) => [r.theme_id, r.theme, r.year, r.outcomes]),
			m: meta
		});
		const e = await decodeEmbed(text, 'theme-trends').catch((x: unknown) => x);
		expect(e).toBeInstanceOf(EmbedError);
		expect((e as EmbedError).kind).toBe('too-many');
		expect((e as EmbedError).message).toBe(`200 themes; at most ${EMBED_BOUNDS.themes}`);
	});

	test('a span of years past the bound is refused even for few themes', async () => {
		const text = await pack({
			v: 1,
			c: 'theme-trends',
			f: ['theme_id', 'theme', 'year', 'outcomes'],
			r: [
				['a', 'A', 1, 1],
				['a', 'A', 9999, 1]
			],
			m: meta
		});
		expect(await reason(text, 'theme-trends')).toBe(
			`9999 years (1–9999); at most ${EMBED_BOUNDS.years}`
		);
	});

	test('the layouts themselves draw 200 themes × years 1–9999 without overflowing the stack', () => {
		const model = layoutThemeTrends({ rows, width: 800 });
		expect(model.panels).toHaveLength(200);
		expect(model.years).toHaveLength(9999);
		const heat = layoutThemeSectorHeatmap({
			rows: rows.map((r, i) => ({ ...r, sector: i % 2 ? 'BR' : 'TSB' })),
			width: 800
		});
		expect(heat.themes).toHaveLength(200);
	});
});

/**
 * Figure export helpers that need no browser: file names, captions, the SVG document around a
 * chart and its metadata, the CSV of a chart with its provenance, PNG bytes, report paging.
 */
import { describe, expect, test } from 'vitest';
import type { DatasetStatusRow } from '../../src/lib/db/queries/dataset';
import { captionBody, describeDataset, suggestedCaption } from '../../src/lib/figures/caption';
import { CHART_IDS, CHARTS } from '../../src/lib/charts';
import { clipboardMessage } from '../../src/lib/figures/clipboard';
import { chartCsv } from '../../src/lib/export/csv';
import {
	APP_VERSION,
	figureMeta,
	provenanceLine,
	readFigureMeta,
	unescapeXml
} from '../../src/lib/figures/metadata';
import { figureFileName, slug } from '../../src/lib/figures/names';
import { crc32, isPng, printWidthPx, withPngDpi } from '../../src/lib/figures/png';
import {
	isTallChart,
	moveItem,
	paginate,
	parseReport,
	reportParams
} from '../../src/lib/report/report';
import { composeSvg, escapeXml } from '../../src/lib/figures/svg';
import { EMPTY_VIEW, parseView } from '../../src/lib/state/view';
import pkg from '../../package.json';

const facts = { dataset: 'sample data', period: '4 Mar 2015 – 20 Sept 2022', filters: [] };

describe('file names', () => {
	test('name the chart, the filters in URL order and the dataset fingerprint', () => {
		const view = { ...EMPTY_VIEW, sector: 'BR' };
		expect(
			figureFileName({ chart: 'theme-sector-heatmap', view, fingerprint: '3f9a2c1d', ext: 'svg' })
		).toBe('intersect-theme-sector-heatmap-sector-BR-3f9a2c1d.svg');
		const all = parseView(
			new URLSearchParams('from=2019-01-01&to=2020-12-31&theme=gender&status=completed')
		);
		expect(
			figureFileName({
				chart: 'meetings-per-year',
				view: all,
				fingerprint: '00ff00ff',
				ext: 'png',
				variant: '16cm-300dpi'
			})
		).toBe(
			'intersect-meetings-per-year-from-2019-01-01-to-2020-12-31-theme-gender-status-completed-00ff00ff-16cm-300dpi.png'
		);
	});

	test('an uploaded theme id cannot put a path, quote or control character into a file name', () => {
		const view = { ...EMPTY_VIEW, theme: '../../etc/passwd"\n<x>' + 'é'.repeat(60) };
		const name = figureFileName({
			chart: 'theme-trends',
			view,
			fingerprint: 'abcdef12',
			ext: 'csv'
		});
		expect(name).toMatch(/^[A-Za-z0-9_.-]+$/);
		expect(name.length).toBeLessThan(100);
		expect(slug('Égalité & genre')).toBe('Egalite-genre');
	});
});

describe('captions', () => {
	test('the suggested caption names figure, title, dataset, period and filters', () => {
		expect(suggestedCaption({ ...facts, title: 'Meetings per year', number: 2 })).toBe(
			'Figure 2. Meetings per year. Source: ISC-TF exports (sample data), 4 Mar 2015 – 20 Sept 2022; filters: none.'
		);
		expect(
			captionBody({ ...facts, title: 'Theme trends.', filters: ['Sector: BR', 'Theme: Gender'] })
		).toBe(
			'Theme trends. Source: ISC-TF exports (sample data), 4 Mar 2015 – 20 Sept 2022; filters: Sector: BR; Theme: Gender.'
		);
	});

	test('an upload is named by its files, with the tables still holding the sample', () => {
		const row = (table: string, source: 'sample' | 'upload', files: string[], rows = 3) =>
			({ table, source, files, rows }) as DatasetStatusRow;
		const tables = [
			row('meetings', 'upload', ['m.csv']),
			row('themes', 'upload', ['t.csv']),
			row('outcomes', 'upload', ['o.csv']),
			row('attendance', 'sample', ['attendance.csv'])
		];
		expect(describeDataset(tables)).toBe('m.csv, t.csv, o.csv; sample attendance');
		expect(describeDataset(tables.map((t) => ({ ...t, source: 'sample' })))).toBe('sample data');
		const many = [row('meetings', 'upload', ['a', 'b', 'c', 'd', 'e', 'f'])];
		expect(describeDataset(many)).toBe('a, b, c, d and 2 more');
	});

	test('a caption names only the filters its chart’s SQL applies (meetings have no sector)', () => {
		const values = { sector: 'BR', theme: 'gender', status: 'completed' } as const;
		for (const chart of CHART_IDS) {
			const { sql, filters } = CHARTS[chart];
			for (const key of ['sector', 'theme', 'status'] as const) {
				const changes = sql({ [key]: values[key] }) !== sql({});
				expect(changes, `${chart} ${key}`).toBe(filters.includes(key));
			}
		}
	});
});

describe('SVG document and metadata', () => {
	const meta = figureMeta({
		chart: 'theme-sector-heatmap',
		view: { ...EMPTY_VIEW, sector: 'BR', theme: 'a&b' },
		fingerprint: '3f9a2c1d',
		...facts
	});

	test('the app version is package.json’s', () => {
		expect(APP_VERSION).toBe(pkg.version);
		expect(meta.view).toBe('sector=BR&theme=a%26b');
	});

	test('a figure is one well-formed SVG with title, desc, viewBox, white ground and metadata', () => {
		const { svg, width, height } = composeSvg({
			inner: '<g><rect data-mark="" width="10" height="10"/></g>',
			width: 400,
			height: 200,
			title: 'Theme × sector <activity> & "more"',
			desc: 'Heatmap.',
			note: 'Number of outcomes of each thematic area that involve each sector.',
			source: 'Source: ISC-TF exports (sample data).',
			made: 'Intersect 0.1.0 · dataset 3f9a2c1d',
			meta
		});
		expect(width).toBe(432);
		expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
		expect(svg).toContain(
			'<title id="figure-title">Theme × sector &lt;activity&gt; &amp; &quot;more&quot;</title>'
		);
		expect(svg).toContain('<rect width="432"');
		expect(svg).toContain('fill="#ffffff"');
		expect(svg).not.toMatch(/<activity>/);
		// The only URL is the SVG namespace.
		expect(svg.match(/https?:\/\/[^"\s]+/g)).toEqual(['http://www.w3.org/2000/svg']);
		expect(readFigureMeta(svg)).toEqual(meta);
	});

	test('a long caption wraps onto lines that fit the figure', () => {
		const note = 'word '.repeat(200).trim();
		const { svg, height } = composeSvg({
			inner: '<g/>',
			width: 300,
			height: 100,
			title: 'T',
			desc: '',
			note,
			source: 's',
			made: 'm',
			meta
		});
		const lines = [...svg.matchAll(/<text x="16"[^>]*font-size="12"[^>]*>([^<]*)<\/text>/g)];
		expect(lines.length).toBeGreaterThan(3);
		for (const [, text] of lines) expect(text!.length * 7).toBeLessThanOrEqual(300);
		expect(height).toBeGreaterThan(100 + lines.length * 16);
	});

	test('metadata is read back from the CSV footer too, and tampered metadata is refused', () => {
		expect(readFigureMeta(`a,b\r\n1,2\r\n\r\n${provenanceLine(meta)}\r\n`)).toMatchObject({
			chart: 'theme-sector-heatmap',
			view: 'sector=BR&theme=a%26b',
			fingerprint: '3f9a2c1d',
			version: APP_VERSION
		});
		const tampered = (patch: object) =>
			`<metadata id="intersect-figure">${escapeXml(JSON.stringify({ ...meta, ...patch }))}</metadata>`;
		expect(readFigureMeta(tampered({ chart: 'nope' }))).toBeNull();
		expect(readFigureMeta(tampered({ fingerprint: 'XYZ' }))).toBeNull();
		expect(readFigureMeta(tampered({ version: '<script>' }))).toBeNull();
		expect(readFigureMeta(tampered({ view: 'sector=XX&period=5y' }))?.view).toBe('');
		expect(readFigureMeta('<svg/>')).toBeNull();
		expect(unescapeXml('&lt;&#x41;&#66;&amp;&bogus;')).toBe('<AB&&bogus;');
	});
});

describe('CSV of a chart', () => {
	test('the table’s rows, formula-like cells neutralised, then the source and provenance lines', () => {
		const csv = chartCsv({
			columns: [
				{ key: 'theme', label: 'Theme' },
				{ key: 'outcomes', label: 'Outcomes' }
			],
			rows: [
				{ theme: '=HYPERLINK("http://x","y")', outcomes: 3 },
				{ theme: '+1', outcomes: -2 },
				{ theme: '@SUM(A1)', outcomes: 0 }
			],
			footer: [
				'# Source: ISC-TF exports (sample data); filters: none.',
				'# Intersect 0.1.0 · chart x'
			]
		});
		const lines = csv.split('\r\n');
		expect(csv.startsWith('\uFEFFTheme,Outcomes\r\n')).toBe(true);
		expect(lines.slice(1, 4)).toEqual([
			`"'=HYPERLINK(""http://x"",""y"")",3`,
			`'+1,-2`,
			`'@SUM(A1),0`
		]);
		expect(lines.slice(4)).toEqual([
			'',
			'"# Source: ISC-TF exports (sample data); filters: none."',
			'# Intersect 0.1.0 · chart x',
			''
		]);
	});
});

describe('PNG bytes', () => {
	// A 1×1 PNG (IHDR, IDAT, IEND) written by a browser.
	const onePixel = Uint8Array.from(
		atob(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='
		),
		(c) => c.charCodeAt(0)
	);

	test('print width is the width in cm at 300 dpi: 16 cm is 1890 px', () => {
		expect(printWidthPx(16)).toBe(1890);
		expect(printWidthPx(8.5)).toBe(1004);
	});

	test('a pHYs chunk with a valid CRC tells Word the resolution; an old one is replaced', () => {
		expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
		const tagged = withPngDpi(withPngDpi(onePixel, 96), 300);
		expect(isPng(tagged)).toBe(true);
		const text = String.fromCharCode(...tagged);
		expect(text.split('pHYs').length - 1).toBe(1);
		const at = text.indexOf('pHYs');
		const view = new DataView(tagged.buffer);
		expect(view.getUint32(at + 4)).toBe(11811);
		expect(view.getUint32(at + 8)).toBe(11811);
		expect(tagged[at + 12]).toBe(1);
		expect(view.getUint32(at + 13)).toBe(crc32(tagged.subarray(at, at + 13)));
		expect(tagged.length).toBe(onePixel.length + 21);
		expect(() => withPngDpi(new Uint8Array(40), 300)).toThrow('not a PNG');
	});
});

describe('clipboard refusals', () => {
	test('a denied or unsupported copy says what to do instead', () => {
		const denied = clipboardMessage(new DOMException('no', 'NotAllowedError'), 'image');
		expect(denied).toMatch(
			/^The browser did not allow copying here \(permission denied\)\. Download the PNG/
		);
		expect(clipboardMessage(new DOMException('no', 'NotSupportedError'), 'image')).toMatch(
			/cannot copy images.*Download the PNG/
		);
		expect(clipboardMessage(new DOMException('no', 'NotSupportedError'), 'text')).toMatch(
			/copy it by hand/
		);
		expect(clipboardMessage(new Error('boom'), 'text')).toBe('Export failed: boom');
	});
});

describe('report choices', () => {
	test('charts and per-page travel in the URL beside the view; junk ids are dropped', () => {
		const r = parseReport(
			new URLSearchParams('sector=BR&charts=theme-trends,nope,meetings-per-year,theme-trends&per=2')
		);
		expect(r).toEqual({ charts: ['theme-trends', 'meetings-per-year'], per: 2 });
		expect(reportParams({ ...EMPTY_VIEW, sector: 'BR' }, r).toString()).toBe(
			'sector=BR&charts=theme-trends%2Cmeetings-per-year&per=2'
		);
		expect(parseReport(new URLSearchParams('per=7')).per).toBe(1);
	});

	test('moving a figure past either end keeps it at that end; pages hold one or two', () => {
		expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
		expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveItem(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
		expect(paginate(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
		expect(paginate(['a', 'b', 'c'], 1)).toHaveLength(3);
		expect(paginate([], 2)).toEqual([]);
		// Two per page: a chart too tall for half a page prints alone.
		const tall = (x: string) => x === 'T';
		expect(paginate(['a', 'T', 'b', 'c', 'T'], 2, tall)).toEqual([['a'], ['T'], ['b', 'c'], ['T']]);
		const themes = (n: number) => Array.from({ length: n }, (_, i) => ({ theme_id: `t${i}` }));
		expect(isTallChart('theme-trends', themes(13))).toBe(true);
		expect(isTallChart('theme-trends', themes(1))).toBe(false);
		expect(isTallChart('meetings-per-year', themes(13))).toBe(false);
	});
});

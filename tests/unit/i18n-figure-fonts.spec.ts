/**
 * An exported SVG opened where Noto is missing (LibreOffice, Inkscape, a Windows or macOS
 * machine) still names a font for every script: a Chinese figure lists the common simplified
 * Chinese system fonts before the Latin ones and says `lang="zh-Hans"`; others list them last.
 */
import { describe, expect, test } from 'vitest';
import { EMPTY_VIEW } from '../../src/lib/state/view';
import { figureMeta } from '../../src/lib/figures/metadata';
import { composeSvg } from '../../src/lib/figures/svg';
import { figureFonts } from '../../src/lib/i18n';

const CJK = ['Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'SimHei'];
const families = (stack: string) => stack.split(',').map((f) => f.trim().replace(/^'|'$/g, ''));

describe('font families of an exported figure', () => {
	test('a Chinese figure names the Chinese system fonts right after the bundled Noto ones', () => {
		const zh = families(figureFonts('zh-Hans'));
		expect(zh.slice(0, 3)).toEqual(['Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC']);
		for (const f of CJK) expect(zh.indexOf(f), f).toBeGreaterThan(2);
		for (const f of CJK) expect(zh.indexOf(f), f).toBeLessThan(zh.indexOf('Arial'));
		expect(zh.at(-1)).toBe('sans-serif');
		const fr = families(figureFonts('fr'));
		for (const f of CJK) expect(fr.indexOf(f), f).toBeGreaterThan(fr.indexOf('Arial'));
	});

	test('the SVG document carries the list and lang="zh-Hans"', () => {
		const meta = figureMeta({
			chart: 'meetings-per-year',
			view: EMPTY_VIEW,
			fingerprint: '3f9a2c1d',
			dataset: 'sample',
			period: 'all',
			filters: []
		});
		const { svg } = composeSvg({
			inner: '<g/>',
			width: 300,
			height: 100,
			title: '每年会议次数',
			desc: '',
			note: '',
			source: '来源',
			made: 'Intersect',
			meta,
			lang: 'zh-Hans'
		});
		expect(svg).toContain(' lang="zh-Hans" xml:lang="zh-Hans"');
		const stack = /<svg [^>]*font-family="([^"]+)"/.exec(svg)![1]!.replace(/&apos;|&#39;/g, "'");
		expect(families(stack)).toEqual(families(figureFonts('zh-Hans')));
	});
});

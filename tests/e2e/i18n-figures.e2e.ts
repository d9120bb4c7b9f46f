/**
 * Figures in other scripts, in real Chromium on a machine with no CJK system font: a Chinese PNG
 * export draws its title with the embedded Noto Sans SC (not tofu: the same SVG without the
 * embedded fonts draws differently, and the title's ink is as wide as the font measures it), and
 * an Arabic PNG draws its title shaped (joined letters: as wide as the shaping canvas measures),
 * aligned right.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { useApp } from './harness';

const app = useApp();
const catalogue = (l: string): Record<string, string> =>
	JSON.parse(readFileSync(new URL(`../../messages/${l}.json`, import.meta.url), 'utf8'));

/** Click `name` in the chart's export panel (labels in `lang`); the download's bytes. */
async function download(page: Page, lang: string, chart: string, name: string | RegExp) {
	const msg = catalogue(lang);
	const fig = page.locator(`figure[data-chart="${chart}"]`);
	const toggle = fig.getByRole('button', { name: msg['fig.export.button'], exact: true });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	const [dl] = await Promise.all([
		page.waitForEvent('download'),
		fig.getByRole('button', { name }).click()
	]);
	const chunks: Buffer[] = [];
	for await (const c of await dl.createReadStream()) chunks.push(c as Buffer);
	return Buffer.concat(chunks);
}

/**
 * The title band (above the chart) of the downloaded PNG and of the same SVG drawn without
 * embedded fonts: ink extent of each, pixels that differ, and the title's width as the page's
 * own (loaded) font measures it, all at the PNG's 2x scale.
 */
function titleBand(page: Page, o: { svg: string; png: string; family: string }) {
	return page.evaluate(async ({ svg, png, family }) => {
		const draw = async (src: string, w: number, h: number) => {
			const img = new Image();
			img.src = src;
			await img.decode();
			const c = document.createElement('canvas');
			[c.width, c.height] = [w, h];
			const ctx = c.getContext('2d')!;
			ctx.fillStyle = '#fff';
			ctx.fillRect(0, 0, w, h);
			ctx.drawImage(img, 0, 0, w, h);
			return ctx.getImageData(0, 0, w, 80).data; // the title band: 40 px at 2x
		};
		const probe = new Image();
		probe.src = `data:image/png;base64,${png}`;
		await probe.decode();
		const [w, h] = [probe.naturalWidth, probe.naturalHeight];
		const withFonts = await draw(probe.src, w, h);
		const plain = await draw(URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })), w, h);
		const ink = (d: Uint8ClampedArray) => {
			let [lo, hi] = [w, -1];
			for (let i = 0; i < d.length; i += 4)
				if (d[i]! < 128) [lo, hi] = [Math.min(lo, (i / 4) % w), Math.max(hi, (i / 4) % w)];
			return { lo, hi, width: hi - lo + 1 };
		};
		let differ = 0;
		for (let i = 0; i < withFonts.length; i += 4) if (withFonts[i] !== plain[i]) differ++;
		const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
		const title = doc.querySelector('text')!.textContent!;
		const font = `600 30px "${family}"`;
		await document.fonts.load(font, title);
		const ctx = document.createElement('canvas').getContext('2d')!;
		ctx.font = font;
		ctx.direction = family.includes('Arabic') ? 'rtl' : 'ltr';
		return {
			width: w,
			title,
			measured: ctx.measureText(title).width,
			embedded: ink(withFonts),
			plain: ink(plain),
			differ
		};
	}, o);
}

describe('figures in Chinese and Arabic', () => {
	test('a Chinese PNG draws its title with the embedded Noto Sans SC, not tofu', async () => {
		const page = await app.dashboard('/?lang=zh');
		const chart = 'meetings-per-year';
		const svg = (await download(page, 'zh', chart, '下载 SVG')).toString('utf8');
		// The SVG names the families; only the PNG carries font files.
		expect(svg).toContain('Noto Sans SC');
		expect(svg).not.toContain('@font-face');
		const png = (await download(page, 'zh', chart, /^下载 PNG（2 倍屏幕/)).toString('base64');
		const band = await titleBand(page, { svg, png, family: 'Noto Sans SC' });
		expect(band.title).toBe(catalogue('zh')['chart.meetings-per-year.title']);
		expect(band.differ).toBeGreaterThan(200);
		expect(band.embedded.width / band.measured).toBeGreaterThan(0.9);
		expect(band.embedded.width / band.measured).toBeLessThan(1.1);
	});

	test('an Arabic PNG draws its title shaped and aligned right', async () => {
		const page = await app.dashboard('/?lang=ar');
		const chart = 'meetings-per-year';
		const svg = (await download(page, 'ar', chart, 'تنزيل SVG')).toString('utf8');
		const png = (await download(page, 'ar', chart, /^تنزيل PNG \(ضعف الشاشة/)).toString('base64');
		const band = await titleBand(page, { svg, png, family: 'Noto Sans Arabic' });
		// The line is a right-to-left isolate (U+2067 … U+2069) around the catalogue's title.
		expect(band.title).toBe(`\u2067${catalogue('ar')['chart.meetings-per-year.title']}\u2069`);
		// Joined letters: the ink is as wide as the shaping canvas measures (isolated forms are wider).
		expect(band.embedded.width / band.measured).toBeGreaterThan(0.9);
		expect(band.embedded.width / band.measured).toBeLessThan(1.1);
		// Right-aligned: the title ends at the right padding (16 px at 2x), not the left.
		expect(band.width - 1 - band.embedded.hi).toBeLessThan(40);
		expect(band.embedded.lo).toBeGreaterThan(band.width / 3);
	});
});

describe('figures in any language', () => {
	test('the Export menu makes a French SVG from an English page, and a zip of all six languages', async () => {
		const page = await app.dashboard('/?lang=en');
		const chart = 'meetings-per-year';
		const panel = page.locator(`figure[data-chart="${chart}"]`);
		await panel.getByRole('button', { name: 'Export', exact: true }).click();
		await panel.getByLabel('Figure language').selectOption('fr');
		const fr = (await download(page, 'en', chart, 'Download SVG')).toString('utf8');
		expect(fr).toContain(`>${catalogue('fr')['chart.meetings-per-year.title']}</title>`);
		expect(fr).toContain('lang="fr"');
		// The page itself stays English.
		await expect(panel.getByRole('button', { name: 'Download SVG' }).isVisible()).resolves.toBe(
			true
		);
		const zip = unzipSync(
			new Uint8Array(await download(page, 'en', chart, 'Download all six languages (zip)'))
		);
		const names = Object.keys(zip).sort();
		expect(names.filter((n) => n.endsWith('.svg'))).toHaveLength(6);
		expect(names.filter((n) => n.endsWith('.png'))).toHaveLength(6);
		for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
			const svgName = names.find((n) => n.endsWith(`-${l}.svg`));
			expect(svgName, l).toMatch(/^intersect-meetings-per-year-[0-9a-f]{8}-[a-z]{2}\.svg$/);
			const svg = strFromU8(zip[svgName!]!);
			const title = catalogue(l)['chart.meetings-per-year.title']!;
			expect(svg, l).toContain(`<title id="figure-title">${title}</title>`);
			// Right to left in Arabic only: its title, caption and source lines are right-to-left
			// isolates ending at the right edge (office suites ignore SVG `direction`).
			expect(svg.includes('text-anchor="end" direction="ltr"'), l).toBe(l === 'ar');
			expect(svg.includes('\u2067'), l).toBe(l === 'ar');
			const png = zip[names.find((n) => n.endsWith(`-300dpi-${l}.png`))!]!;
			expect(String.fromCharCode(...png.subarray(1, 4)), l).toBe('PNG');
		}
	});

	test('an Arabic figure’s years run right to left when the Export menu asks, and only then', async () => {
		const page = await app.dashboard('/?lang=ar');
		const chart = 'meetings-per-year';
		const ar = catalogue('ar');
		/** The x of each four-digit year label in the downloaded SVG, in year order. */
		const yearXs = async () => {
			const svg = (await download(page, 'ar', chart, 'تنزيل SVG')).toString('utf8');
			return [...svg.matchAll(/<text\b([^>]*)>\s*(\d{4})\s*<\/text>/g)]
				.map((m) => ({ year: Number(m[2]), x: Number(/\sx="([\d.]+)"/.exec(m[1]!)?.[1]) }))
				.sort((a, b) => a.year - b.year)
				.map((t) => t.x);
		};
		const plain = await yearXs();
		expect(plain.length).toBeGreaterThan(1);
		expect(plain).toEqual([...plain].sort((a, b) => a - b));
		const panel = page.locator(`figure[data-chart="${chart}"]`);
		await panel.getByLabel(ar['fig.export.mirrorTime']!).check();
		const mirrored = await yearXs();
		expect(mirrored).toEqual([...mirrored].sort((a, b) => b - a));
		expect(mirrored.length).toBe(plain.length);
		// The page's chart is not mirrored: time runs left to right on screen.
		const screen = await panel
			.locator('svg[role="graphics-document"] text')
			.evaluateAll((ts) =>
				ts
					.filter((t) => /^\d{4}$/.test(t.textContent!.trim()))
					.map((t) => Number(t.getAttribute('x')))
			);
		expect(screen).toEqual([...screen].sort((a, b) => a - b));
	});
});

/**
 * Fonts inside a figure's SVG for rasterizing: an SVG drawn through <img> onto a canvas cannot
 * load the page's fonts (nor any file), and this machine's users may have no Arabic or Chinese
 * font at all. So the PNG's SVG carries the page's bundled @font-face rules as data: URLs, only
 * the woff2 slices whose unicode-range covers characters of the figure's text, at the weights the
 * text uses. Browser only.
 */
import { facesFor, fontFaceRule, parseUnicodeRange, unquote, type FontFace } from './font-faces';

/** The page's @font-face rules with a woff2 file (the bundled Noto slices, lib/i18n/fonts.css). */
export function pageFontFaces(): FontFace[] {
	const out: FontFace[] = [];
	for (const sheet of Array.from(document.styleSheets)) {
		let rules: CSSRuleList;
		try {
			rules = sheet.cssRules;
		} catch {
			continue; // another origin's sheet (none in this app): its rules are not readable
		}
		for (const rule of Array.from(rules)) {
			if (!(rule instanceof CSSFontFaceRule)) continue;
			const src = /url\(["']?([^"')]+\.woff2|data:font\/woff2[^"')]+)["']?\)/.exec(
				rule.style.getPropertyValue('src')
			);
			if (!src) continue;
			out.push({
				family: unquote(rule.style.getPropertyValue('font-family')),
				weight: Number(rule.style.getPropertyValue('font-weight')) || 400,
				url: new URL(src[1]!, sheet.href ?? location.href).href,
				ranges: parseUnicodeRange(rule.style.getPropertyValue('unicode-range'))
			});
		}
	}
	return out;
}

const files = new Map<string, Promise<string>>();

/** A font file of the page as a data: URL (fetched once per page). */
function dataUrl(url: string): Promise<string> {
	if (url.startsWith('data:')) return Promise.resolve(url);
	let p = files.get(url);
	if (!p) {
		p = fetch(url)
			.then((r) => {
				if (!r.ok) throw new Error(`font ${url}: HTTP ${r.status}`);
				return r.blob();
			})
			.then(
				(blob) =>
					new Promise<string>((resolve, reject) => {
						const reader = new FileReader();
						reader.onload = () =>
							resolve(String(reader.result).replace(/^data:[^;,]*/, 'data:font/woff2'));
						reader.onerror = () => reject(reader.error);
						reader.readAsDataURL(blob);
					})
			);
		p.catch(() => files.delete(url));
		files.set(url, p);
	}
	return p;
}

const warmed = new Map<string, Promise<unknown>>();

/**
 * Load `dataUrl` as a font in the page once (never added to document.fonts). An SVG image loads
 * its data: fonts asynchronously after `decode()`, so a canvas drawn at once showed no text
 * (font-display's block period); a font this renderer already loaded from the same URL is ready
 * when the image lays out, and the first drawing has every glyph.
 */
function warm(dataUrl: string): Promise<unknown> {
	let p = warmed.get(dataUrl);
	if (!p) {
		p = new FontFace(`intersect-embed-${warmed.size}`, `url(${dataUrl})`).load();
		p.catch(() => warmed.delete(dataUrl));
		warmed.set(dataUrl, p);
	}
	return p;
}

/** The weight a text element is drawn at: its own or its nearest ancestor's, 400 or 600. */
function weightOf(el: Element): number {
	for (let e: Element | null = el; e; e = e.parentElement) {
		const w = e.getAttribute('font-weight');
		if (w) return w === 'bold' || Number(w) >= 500 ? 600 : 400;
	}
	return 400;
}

/**
 * `svg` (a standalone figure) with a <style> of the @font-face rules its text needs, files as
 * data: URLs. `faces` defaults to the page's; the root's font-family gives the family order.
 */
export async function embedFonts(svg: string, faces = pageFontFaces()): Promise<string> {
	const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
	const root = doc.documentElement;
	const stack = (root.getAttribute('font-family') ?? '').split(',').map(unquote);
	const text = new Map<number, string>();
	for (const el of Array.from(doc.querySelectorAll('text'))) {
		const w = weightOf(el);
		text.set(w, (text.get(w) ?? '') + (el.textContent ?? ''));
	}
	const chosen = [...text].flatMap(([weight, t]) =>
		facesFor({ faces: faces.filter((f) => f.weight === weight), text: t, stack })
	);
	if (chosen.length === 0) return svg;
	const urls = await Promise.all(chosen.map((f) => dataUrl(f.url)));
	await Promise.all(urls.map(warm));
	const rules = chosen.map((f, i) => fontFaceRule(f, urls[i]!));
	const open = svg.indexOf('>', svg.indexOf('<svg')) + 1;
	return `${svg.slice(0, open)}<defs><style>${rules.join('')}</style></defs>${svg.slice(open)}`;
}

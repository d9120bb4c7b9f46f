/**
 * A live chart <svg> as self-contained markup: a clone whose every element carries its computed
 * presentation (colours resolved from CSS variables, in the light theme) as plain attributes, so
 * the file needs no stylesheet. Interaction left-overs (focus order, roles of buttons, hints
 * like "Filter by …") are dropped; data marks keep `data-mark` and their labels. Browser only.
 */
import { withLightTheme } from './theme';

/** Presentation properties written when an element's value differs from its parent's. */
const INHERITED = [
	'fill',
	'fill-opacity',
	'fill-rule',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linecap',
	'stroke-linejoin',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'visibility'
] as const;

const PAINT = new Set(['fill', 'stroke']);

/** `rgb()`/`rgba()` as `#rrggbb` and its alpha; null for anything else. */
export function parseRgb(css: string): { hex: string; alpha: number } | null {
	const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(css);
	if (!m) return null;
	const hex = [m[1], m[2], m[3]]
		.map((v) => Math.round(Number(v)).toString(16).padStart(2, '0'))
		.join('');
	const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
	return { hex: `#${hex}`, alpha: a };
}

/** Computed presentation of one element as attributes (paint alpha folded into the opacity). */
function presentation(style: CSSStyleDeclaration): Map<string, string> {
	const out = new Map<string, string>();
	for (const prop of INHERITED) {
		let v = style.getPropertyValue(prop).trim();
		if (PAINT.has(prop)) {
			const rgb = parseRgb(v);
			if (rgb) {
				v = rgb.alpha === 0 ? 'none' : rgb.hex;
				if (rgb.alpha > 0 && rgb.alpha < 1) {
					const op = Number(style.getPropertyValue(`${prop}-opacity`)) || 1;
					out.set(`${prop}-opacity`, String(Number((op * rgb.alpha).toFixed(3))));
				}
			} else if (v.startsWith('url(')) v = 'none';
		}
		if (!out.has(prop)) out.set(prop, v.replace(/(\d)px\b/g, '$1'));
	}
	const opacity = style.getPropertyValue('opacity');
	if (opacity && opacity !== '1') out.set('opacity', opacity);
	return out;
}

/** Elements that carry text for people and tools, not paint. */
const NOT_DRAWN = new Set(['title', 'desc', 'metadata']);

const DROP_ATTRS = ['class', 'style', 'tabindex', 'aria-labelledby', 'aria-describedby', 'id'];

function tidy(el: Element): void {
	for (const a of DROP_ATTRS) el.removeAttribute(a);
	if (el.getAttribute('role') === 'button') {
		el.removeAttribute('role');
		el.removeAttribute('aria-label');
	}
}

/**
 * The chart as one <g> of self-contained SVG markup, with the chart's own <title> and <desc>
 * left out (the figure gets its own). Call in the browser on a rendered chart.
 */
export function inlineChart(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	withLightTheme(() => {
		const live = [svg, ...Array.from(svg.querySelectorAll('*'))];
		const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
		const styles = live.map((el) => presentation(getComputedStyle(el)));
		const index = new Map(live.map((el, i) => [el, i]));
		copies.forEach((copy, i) => {
			const el = live[i]!;
			if (NOT_DRAWN.has(el.tagName)) return;
			if (getComputedStyle(el).display === 'none') return void copy.setAttribute('data-drop', '');
			const parent = el === svg ? null : styles[index.get(el.parentElement!)!];
			for (const [prop, v] of styles[i]!) {
				if (prop === 'opacity' || !parent || parent.get(prop) !== v) copy.setAttribute(prop, v);
				else copy.removeAttribute(prop);
			}
		});
	});
	// Interaction hints make no sense on paper: keep tooltips of data marks and of labels only.
	for (const t of Array.from(clone.querySelectorAll('title'))) {
		const p = t.parentNode as Element | null;
		if (p === clone || !(p?.hasAttribute('data-mark') || p?.tagName === 'text')) t.remove();
	}
	for (const d of Array.from(clone.querySelectorAll('desc, [data-drop]'))) d.remove();
	// Svelte's anchor comments are noise in a file.
	const comments = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
	const drop: Node[] = [];
	while (comments.nextNode()) drop.push(comments.currentNode);
	for (const c of drop) c.parentNode?.removeChild(c);
	for (const el of Array.from(clone.querySelectorAll('*'))) tidy(el);
	const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
	for (const [prop] of presentation(getComputedStyle(svg))) {
		// The figure's root sets the whole system font stack; the chart's shorter one would mask it.
		if (prop === 'font-family') continue;
		const v = clone.getAttribute(prop);
		if (v !== null) g.setAttribute(prop, v);
	}
	g.append(...Array.from(clone.childNodes));
	return new XMLSerializer().serializeToString(g);
}

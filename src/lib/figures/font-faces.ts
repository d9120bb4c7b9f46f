/**
 * Which bundled font slices a figure needs: @font-face rules reduced to family, weight, file and
 * unicode-range, and the choice of the faces whose ranges cover the figure's characters, family
 * by family in the font stack's order (a character Noto Sans draws needs no Noto Sans SC slice).
 * Pure; `font-embed.ts` reads the rules from the page and fetches the files.
 */

/** One @font-face of the page: a family at a weight, its woff2 file and the code points it covers. */
export interface FontFace {
	family: string;
	weight: number;
	url: string;
	/** Inclusive code point ranges; empty means every character. */
	ranges: [number, number][];
}

/** `U+0400-045F, U+2116, U+4??` as inclusive code point ranges (empty for an empty string). */
export function parseUnicodeRange(value: string): [number, number][] {
	const out: [number, number][] = [];
	for (const part of value.split(',')) {
		const m = /^\s*u\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
		if (!m) continue;
		const [lo, hi] = m[1]!.includes('?')
			? [m[1]!.replace(/\?/g, '0'), m[1]!.replace(/\?/g, 'f')]
			: [m[1]!, m[2] ?? m[1]!];
		out.push([parseInt(lo, 16), parseInt(hi, 16)]);
	}
	return out;
}

/** Whether `face` covers code point `cp`. */
export function covers(face: FontFace, cp: number): boolean {
	return face.ranges.length === 0 || face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** A family name without quotes (`'Noto Sans SC'` -> `Noto Sans SC`). */
export function unquote(family: string): string {
	return family.trim().replace(/^(['"])(.*)\1$/, '$2');
}

/**
 * The faces of `faces` that draw some character of `text`: for each weight, the families are
 * tried in `stack` order and a character is left to the first family with a face covering it.
 * White space and controls (bidi isolates too) need no glyph.
 */
export function facesFor(o: {
	faces: readonly FontFace[];
	text: string;
	stack: readonly string[];
}): FontFace[] {
	const needed = new Set<FontFace>();
	const chars = new Set<number>();
	for (const ch of o.text) {
		if (!/[\s\p{Cc}\p{Cf}]/u.test(ch)) chars.add(ch.codePointAt(0)!);
	}
	const weights = new Set(o.faces.map((f) => f.weight));
	for (const weight of weights) {
		let left = [...chars];
		for (const family of o.stack) {
			const own = o.faces.filter((f) => f.weight === weight && f.family === family);
			if (own.length === 0) continue;
			left = left.filter((cp) => {
				const face = own.find((f) => covers(f, cp));
				if (face) needed.add(face);
				return !face;
			});
		}
	}
	return o.faces.filter((f) => needed.has(f));
}

/** The @font-face rule of `face` with its file as `dataUrl`. */
export function fontFaceRule(face: FontFace, dataUrl: string): string {
	const range = face.ranges
		.map(([lo, hi]) =>
			lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`
		)
		.join(',');
	return (
		`@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};` +
		`src:url(${dataUrl}) format('woff2')${range ? `;unicode-range:${range}` : ''}}`
	);
}

/** Small statistics over millisecond samples. */

/** The median of `xs` (mean of the middle two for an even count); null when empty. */
export function median(xs) {
	if (!xs.length) return null;
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The p-th percentile (0..100) of `xs`, nearest-rank; null when empty. */
export function percentile(xs, p) {
	if (!xs.length) return null;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** `x` rounded to `digits` decimals (null stays null). */
export const round = (x, digits = 0) =>
	x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits;

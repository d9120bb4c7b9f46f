/**
 * Keyboard movement between a chart's marks (a roving tabindex: the chart is one Tab stop, arrow
 * keys move between its marks in document order). Pure; no DOM.
 */

/** The index the focus moves to for `key` from mark `index` of `count`; null for other keys. */
export function nextMarkIndex(opts: { key: string; index: number; count: number }): number | null {
	const { key, index, count } = opts;
	if (count === 0) return null;
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
			return Math.min(count - 1, index + 1);
		case 'ArrowLeft':
		case 'ArrowUp':
			return Math.max(0, index - 1);
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return null;
	}
}

/** Where a tooltip of `width` px goes above a mark centred at `x` in a box `boxWidth` px wide. */
export function tooltipLeft(opts: { x: number; width: number; boxWidth: number }): number {
	const { x, width, boxWidth } = opts;
	const left = x - width / 2;
	return Math.round(Math.max(0, Math.min(left, boxWidth - width)));
}

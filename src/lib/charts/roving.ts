/**
 * Keyboard movement between a chart's marks (a roving tabindex: the chart is one Tab stop). Left
 * and Right step through the marks in document order; Up and Down go to the nearest mark above or
 * below in the same column (a heatmap column, a stacked bar) when the marks' boxes are given.
 * Pure; no DOM.
 */

/** A mark's box on screen (px). */
export interface MarkBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The nearest mark straight above (`dir` -1) or below (+1) mark `index`, by centres; null if none. */
export function verticalNeighbour(
	boxes: readonly MarkBox[],
	index: number,
	dir: -1 | 1
): number | null {
	const from = boxes[index];
	if (!from) return null;
	const cx = from.x + from.width / 2;
	const cy = from.y + from.height / 2;
	let best: number | null = null;
	let bestDy = Infinity;
	boxes.forEach((b, i) => {
		const dy = (b.y + b.height / 2 - cy) * dir;
		const inColumn = cx >= b.x - 0.5 && cx <= b.x + b.width + 0.5;
		if (i !== index && inColumn && dy > 0.5 && dy < bestDy) [best, bestDy] = [i, dy];
	});
	return best;
}

/**
 * The index the focus moves to for `key` from mark `index` of `count`; null for other keys. With
 * `boxes`, Up and Down move within the column (and stay put at its end).
 */
export function nextMarkIndex(opts: {
	key: string;
	index: number;
	count: number;
	boxes?: readonly MarkBox[];
}): number | null {
	const { key, index, count, boxes } = opts;
	if (count === 0) return null;
	if (boxes && (key === 'ArrowUp' || key === 'ArrowDown'))
		return verticalNeighbour(boxes, index, key === 'ArrowUp' ? -1 : 1) ?? index;
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

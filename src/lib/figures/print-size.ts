/**
 * A figure laid out for paper: the chart is laid out again at the width it will be printed, in
 * CSS pixels of 1/96 inch, so 12 px text prints at 9 pt and the smallest chart text (10 px) at
 * 7.5 pt whatever the browser window was. Pure.
 */

/** CSS pixels in a centimetre (96 per inch). */
export const PX_PER_CM = 96 / 2.54;
/** Padding around the chart inside an exported figure (px), as `composeSvg` draws it. */
export const FIGURE_PAD = 16;
/** The smallest text size allowed in a printed figure (pt). */
export const MIN_PRINT_PT = 7;

/** The chart width (px) that makes a figure `cm` wide print at 1 px = 1/96 inch. */
export function printChartWidth(cm: number): number {
	return Math.floor(cm * PX_PER_CM - 2 * FIGURE_PAD);
}

/** The printed size (pt) of `px` text in a figure `figureWidth` px wide printed `cm` wide. */
export function printedPoints(o: { px: number; figureWidth: number; cm: number }): number {
	return (o.px * ((o.cm / 2.54) * 72)) / o.figureWidth;
}

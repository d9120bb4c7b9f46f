/** File names of exported figures: `intersect-<chart>-<filters>-<fingerprint>[-<variant>].<ext>`. Pure. */
import type { ViewState } from '$lib/state/view';

/** Longest slug of one untrusted value (a theme id) in a file name. */
const SLUG_MAX = 40;

/** `s` reduced to letters, digits and `_`, runs of anything else as one `-`, at most `max` long. */
export function slug(s: string, max = SLUG_MAX): string {
	return s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9_]+/g, '-')
		.slice(0, max)
		.replace(/^-+|-+$/g, '');
}

/** The view's filters as file-name parts, in URL order: period, sector, theme, status. */
export function viewNameParts(v: ViewState): string[] {
	const parts: string[] = [];
	if (v.period === '12m' || v.period === '3y') parts.push(`period-${v.period}`);
	if (v.period === 'custom') {
		if (v.from) parts.push(`from-${v.from}`);
		if (v.to) parts.push(`to-${v.to}`);
	}
	if (v.sector) parts.push(`sector-${slug(v.sector)}`);
	if (v.theme) parts.push(`theme-${slug(v.theme) || 'x'}`);
	if (v.status) parts.push(`status-${slug(v.status)}`);
	return parts;
}

/** A width in cm as a file-name part (`16cm`, `12.5cm`). */
export function cmPart(cm: number): string {
	return `${Number(cm.toFixed(2))}cm`;
}

/**
 * The download name of a figure, e.g. `intersect-theme-sector-heatmap-sector-BR-3f9a2c1d.svg`;
 * `variant` tells renditions apart (`2x`, `16cm-300dpi`).
 */
export function figureFileName(o: {
	chart: string;
	view: ViewState;
	fingerprint: string;
	ext: 'svg' | 'png' | 'csv' | 'zip';
	variant?: string;
}): string {
	const parts = ['intersect', o.chart, ...viewNameParts(o.view), o.fingerprint];
	if (o.variant) parts.push(o.variant);
	return `${parts.filter(Boolean).join('-')}.${o.ext}`;
}

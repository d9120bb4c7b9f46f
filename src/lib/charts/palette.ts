/**
 * Colour-blind-safe palettes (Okabe & Ito 2008) for categories, and the sequential scale for
 * heatmaps. Categories keep one colour everywhere so a legend read once holds across charts.
 */

/** Okabe-Ito categorical colours. */
export const OKABE_ITO = {
	orange: '#E69F00',
	sky: '#56B4E9',
	green: '#009E73',
	yellow: '#F0E442',
	blue: '#0072B2',
	vermillion: '#D55E00',
	purple: '#CC79A7',
	grey: '#999999'
} as const;

/** Sector colours. */
export const SECTOR_COLORS: Record<string, string> = {
	BR: OKABE_ITO.blue,
	TSB: OKABE_ITO.orange,
	BDT: OKABE_ITO.green,
	GS: OKABE_ITO.purple
};

/** Meeting format colours. */
export const FORMAT_COLORS: Record<string, string> = {
	in_person: OKABE_ITO.blue,
	hybrid: OKABE_ITO.sky,
	virtual: OKABE_ITO.orange,
	unknown: OKABE_ITO.grey
};

/** Outcome status colours. */
export const STATUS_COLORS: Record<string, string> = {
	planned: OKABE_ITO.sky,
	in_progress: OKABE_ITO.orange,
	completed: OKABE_ITO.green,
	cancelled: OKABE_ITO.grey
};

/** Heatmap ramp endpoints (light to dark blue), interpolated in Lab. */
export const HEAT_RAMP = ['#f1f7fc', '#08306b'] as const;

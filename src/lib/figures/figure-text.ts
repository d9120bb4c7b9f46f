/**
 * The analyst's own words on a figure: a title, a subtitle and a note, edited in the Export menu
 * or the report and kept in this browser per chart and view (localStorage), so the next export
 * or report of the same view carries them. Empty fields mean "the chart's own".
 */
import type { ChartId } from '$lib/charts';
import { viewToParams, type ViewState } from '$lib/state/view';

/** A figure's edited words; an empty string keeps the default (the chart's title; nothing). */
export interface FigureText {
	title: string;
	subtitle: string;
	note: string;
}

/** No edits. */
export const NO_TEXT: FigureText = { title: '', subtitle: '', note: '' };

const PREFIX = 'intersect.figure-text';

/** The storage key of a chart's words in a view (`intersect.figure-text:<chart>?<view params>`). */
export function figureTextKey(chart: ChartId, view: ViewState): string {
	return `${PREFIX}:${chart}?${viewToParams(view)}`;
}

/** Whether `t` holds any edit. */
export function hasText(t: FigureText): boolean {
	return Boolean(t.title.trim() || t.subtitle.trim() || t.note.trim());
}

/** The kept words of `chart` in `view` (none when nothing is kept or storage is unavailable). */
export function loadFigureText(chart: ChartId, view: ViewState): FigureText {
	try {
		const raw = localStorage.getItem(figureTextKey(chart, view));
		const v = raw ? (JSON.parse(raw) as Partial<FigureText>) : {};
		const str = (x: unknown) => (typeof x === 'string' ? x : '');
		return { title: str(v.title), subtitle: str(v.subtitle), note: str(v.note) };
	} catch {
		return { ...NO_TEXT };
	}
}

/** Keep (or, when empty, forget) the words of `chart` in `view`. Storage failures are ignored. */
export function saveFigureText(chart: ChartId, view: ViewState, text: FigureText): void {
	try {
		const key = figureTextKey(chart, view);
		if (hasText(text)) localStorage.setItem(key, JSON.stringify(text));
		else localStorage.removeItem(key);
	} catch {
		// Private modes may refuse storage: the words still apply to this page's exports.
	}
}

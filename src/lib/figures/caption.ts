/**
 * The words that travel with a figure: the suggested caption, the dataset as a caption names it,
 * and the source line. Pure.
 */
import type { DatasetStatusRow } from '$lib/db/queries/dataset';
import { xt } from '$lib/i18n';

/** What a caption says about a figure. `filters` are labels (`Sector: BR`); empty for none. */
export interface CaptionFacts {
	title: string;
	dataset: string;
	period: string;
	filters: readonly string[];
}

const filterText = (filters: readonly string[]) =>
	filters.length ? filters.join('; ') : xt('caption.noFilters');
const bare = (title: string) => title.trim().replace(/[.:;]+$/, '');

/** "Figure n. <title>. Source: ISC-TF exports (<dataset>), <period>; filters: <…>." */
export function suggestedCaption(o: CaptionFacts & { number: number }): string {
	return xt('caption.figure', { ...captionParams(o), n: String(o.number) });
}

/** The suggested caption without its "Figure n." (the report numbers figures itself). */
export function captionBody(o: CaptionFacts): string {
	return xt('caption.body', captionParams(o));
}

/** The source note under a figure: "Source: ISC-TF exports (<dataset>), <period>; filters: <…>." */
export function sourceLine(o: Omit<CaptionFacts, 'title'>): string {
	return xt('embed.source', captionParams({ ...o, title: '' }));
}

function captionParams(o: CaptionFacts) {
	return {
		title: bare(o.title),
		dataset: o.dataset,
		period: o.period,
		filters: filterText(o.filters)
	};
}

/**
 * The dataset as a caption names it: "sample data", or the uploaded files (at most `maxFiles`
 * named) followed by the tables that still hold the sample ("…; sample attendance").
 */
export function describeDataset(tables: readonly DatasetStatusRow[], maxFiles = 4): string {
	const uploads = tables.filter((r) => r.source === 'upload');
	if (uploads.length === 0) return xt('dataset.sample');
	const all = uploads.flatMap((r) => r.files ?? []);
	const files = all.filter((f, i) => all.indexOf(f) === i);
	const named =
		files.length > maxFiles
			? xt('dataset.moreFiles', {
					files: files.slice(0, maxFiles).join(', '),
					more: files.length - maxFiles
				})
			: files.join(', ');
	const sample = tables.filter((r) => r.source !== 'upload' && r.rows > 0).map((r) => r.table);
	return sample.length
		? `${named}; ${xt('dataset.sampleTables', { tables: sample.join(', ') })}`
		: named;
}

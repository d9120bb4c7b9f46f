/**
 * English strings of figure export, the report page and embeds. Part of the one catalogue: en.ts
 * merges it under a prefix; look strings up with `xt` from i18n/index.ts.
 */
/** The strings, keyed without their catalogue prefix. */
export const exportStrings = {
	'export.button': 'Export',
	'export.panel': 'Export {title}',
	'export.svg': 'Download SVG',
	'export.svgHelp': 'Vector, for Word 365, PowerPoint and print',
	'export.png2x': 'Download PNG (2× screen, {width} px)',
	'export.pngPrint': 'Download PNG for print',
	'export.pngPrintHelp': '300 dpi, {width} px wide',
	'export.widthCm': 'Width (cm)',
	'export.copyPng': 'Copy image',
	'export.copyPngHelp': 'PNG for pasting into Word',
	'export.csv': 'Download data (CSV)',
	'export.embed': 'Copy embed code',
	'export.embedCode': 'Embed code',
	'export.report': 'Add to a report…',
	'export.caption': 'Suggested caption',
	'export.copyCaption': 'Copy caption',
	'export.working': 'Preparing {what}…',
	'export.saved': 'Downloaded {file}.',
	'export.copied': '{what} copied to the clipboard.',
	'export.copied.image': 'Image',
	'export.copied.caption': 'Caption',
	'export.copied.embed': 'Embed code',
	'export.failed': 'Export failed: {message}',
	'export.empty': 'This chart has no data to export.',
	'clipboard.denied':
		'The browser did not allow copying here (permission denied). Download the PNG and insert it instead, or allow clipboard access for this site.',
	'clipboard.unsupported':
		'This browser cannot copy images to the clipboard. Download the PNG and insert it instead.',
	'clipboard.unsupportedText':
		'This browser cannot copy to the clipboard here. Select the text and copy it by hand.',
	'caption.figure':
		'Figure {n}. {title}. Source: ISC-TF exports ({dataset}), {period}; filters: {filters}.',
	'caption.body': '{title}. Source: ISC-TF exports ({dataset}), {period}; filters: {filters}.',
	'caption.noFilters': 'none',
	'dataset.sample': 'sample data',
	'dataset.sampleTables': 'sample {tables}',
	'dataset.moreFiles': '{files} and {more} more',
	'figure.made': 'Intersect {version} · dataset {fingerprint}',
	'embed.tooLarge':
		'This chart’s numbers are too large to carry in an embed link ({size} characters; the limit is {limit}). Narrow the filters (a shorter period, one sector or theme), or export an SVG or PNG instead.',
	'embed.malformed':
		'This embed link is damaged or incomplete ({reason}). Ask its author for the embed code again.',
	'embed.tooMany':
		'This embed link carries more than its chart can draw legibly ({reason}). Narrow the filters (a shorter period, fewer themes) and copy the embed code again.',
	'embed.renderFailed': 'This chart could not be drawn from the link’s numbers ({reason}).',
	'embed.unknownChart': 'There is no chart named “{chart}”.',
	'embed.loading': 'Loading the chart…',
	'embed.source': 'Source: ISC-TF exports ({dataset}), {period}; filters: {filters}.',
	'embed.open': 'Open in Intersect',
	'embed.changed':
		'The sample data changed since this embed was made (dataset {then}, now {now}): the numbers may differ.',
	'embed.title': '{title} (Intersect)',
	'report.title': 'Report',
	'report.heading': 'Report for print',
	'report.intro':
		'Pick charts, put them in order and edit their captions; then print or save as PDF (A4 portrait). Charts stay vector in the PDF.',
	'report.view': 'View',
	'report.back': 'Back to the dashboard',
	'report.available': 'Charts',
	'report.add': 'Add {title}',
	'report.addShort': 'Add',
	'report.added': 'In the report',
	'report.selected': 'Figures in the report',
	'report.none': 'No chart picked yet: add one from the list.',
	'report.up': 'Move {title} up',
	'report.down': 'Move {title} down',
	'report.remove': 'Remove {title}',
	'report.captionLabel': 'Caption of figure {n}',
	'report.resetCaption': 'Suggested caption',
	'report.layout': 'Charts per page',
	'report.one': 'One',
	'report.two': 'Two',
	'report.print': 'Print / Save as PDF',
	'report.printHelp':
		'In the print dialog choose “Save as PDF”, paper A4, and leave “Headers and footers” off.',
	'report.header': 'Intersect report · ISC-TF exports ({dataset})',
	'report.generated': 'Generated {date}',
	'report.footer': 'Intersect {version} · dataset {fingerprint} · {view}',
	'report.page': 'Page {n} of {total}',
	'report.preview': 'Print preview',
	'report.moved': '{title} is now figure {n}.',
	'reopen.label': 'Reopen a figure',
	'reopen.help':
		'Choose an SVG or CSV that Intersect exported: its chart, filters and dataset fingerprint are read back.',
	'reopen.input': 'Exported figure (SVG or CSV)',
	'reopen.found': '{title}, {view}; made with Intersect {version} from dataset {fingerprint}.',
	'reopen.same': 'The loaded dataset is the same (fingerprint {fingerprint}).',
	'reopen.differs':
		'The loaded dataset differs (fingerprint {now}, the figure was made from {then}): the numbers may not match the figure.',
	'reopen.none': '{file} carries no Intersect figure metadata.',
	'reopen.open': 'Open this view on the dashboard',
	'reopen.useHere': 'Use this view in the report',
	'view.all': 'all data, no filters'
} as const;

/** An export-UI message key. */
export type ExportMessageKey = keyof typeof exportStrings;

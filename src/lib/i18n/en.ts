/** English UI strings: the message catalogue. `{name}` placeholders are filled by `t`. */
import { datasetStrings } from './datasets-en';
import { exportStrings } from './export-en';
import { loadStrings } from './load-en';
import { outcomeStrings } from './outcomes-en';

/** Prefix every key of a sub-catalogue (`mode.legend` -> `load.mode.legend`). */
function prefixed<P extends string, T extends Record<string, string>>(prefix: P, strings: T) {
	return Object.fromEntries(Object.entries(strings).map(([k, v]) => [`${prefix}.${k}`, v])) as {
		[K in keyof T & string as `${P}.${K}`]: T[K];
	};
}

const base = {
	'app.title': 'Intersect',
	'app.tagline': 'Inter-sectoral coordination at the ITU, from ISC-TF exports',
	'app.skip': 'Skip to dashboard',
	'app.nav.dashboard': 'Dashboard',
	'app.nav.docs': 'Data contract',
	'engine.starting': 'Starting the in-browser database…',
	'engine.failed': 'The in-browser database could not start: {message}',
	'engine.waiting': 'Waiting for the dataset to finish loading; the query runs as soon as it has.',
	'dataset.sample': 'Sample data',
	'dataset.sampleNote':
		'Illustrative sample modelled on the ISC-TF report to TSAG; all figures except the named outcomes and meeting count are synthetic.',
	'dataset.uploaded': 'Uploaded',
	'dataset.rows': '{rows} rows',
	'dataset.label': 'Loaded dataset',
	'dataset.reset': 'Reset to sample data',
	'upload.label': 'Upload exports (CSV or Parquet)',
	'upload.button': 'Upload exports…',
	'upload.dropzone': 'Drop zone for CSV and Parquet exports',
	'upload.drop': 'or drop CSV / Parquet files here',
	'upload.loading': 'Loading {files}…',
	'upload.loaded': 'Loaded {files}.',
	'upload.failed': 'Nothing was loaded. The dashboard still shows the previous data.',
	'upload.problems': '{errors} errors and {warnings} warnings in {files}.',
	'upload.loadValid': 'Load the valid rows',
	'upload.cancel': 'Cancel',
	'upload.dismiss': 'Dismiss',
	'upload.templates': 'CSV templates:',
	'report.file': 'File',
	'report.row': 'Row',
	'report.rowNote': 'Row numbers are as a spreadsheet shows them (the header is row 1).',
	'report.column': 'Column',
	'report.value': 'Value',
	'report.reason': 'Problem',
	'report.severity': 'Severity',
	'report.more': 'Showing the first {shown} of {total} problems.',
	'report.download': 'Download report (CSV)',
	'kpi.meetings': 'Meetings',
	'kpi.outcomes': 'Outcomes',
	'kpi.themes': 'Themes',
	'kpi.participants': 'Participants',
	'kpi.completion-rate': 'Completion rate',
	'kpi.cross-sector-share': 'Cross-sector outcomes',
	'kpi.definition': 'How {label} is computed',
	'kpi.help.meetings': 'Number of meetings in the period.',
	'kpi.help.outcomes': 'Number of outcomes matching the filters.',
	'kpi.help.themes': 'Number of thematic areas loaded.',
	'kpi.help.participants': 'Sum of meeting participants.',
	'kpi.help.completion-rate':
		'Completed outcomes divided by outcomes that are not cancelled ({completed} of {completable}).',
	'kpi.help.cross-sector-share':
		'Outcomes involving two or more sectors, divided by all outcomes ({cross} of {total}).',
	'chart.showData': 'Show data',
	'chart.hideData': 'Hide data',
	'chart.empty': 'No data to show.',
	'chart.loading': 'Loading…',
	'chart.legend.pick': 'Filter by {label}',
	'chart.sector-collaboration.title': 'Sector collaboration',
	'chart.sector-collaboration.caption':
		'A ribbon joins two sectors and is as wide as the outcomes involving both; a ribbon looping back onto one sector counts the outcomes involving that sector alone. An outcome with three sectors adds to three ribbons, so an arc sums its ribbons, not its outcomes.',
	'chart.sector-collaboration.desc':
		'Chord diagram of the outcomes sectors share: {pairs} sector pairs and {alone} sectors working alone.',
	'chart.sector-collaboration.pair': '{source} and {target}: {outcomes} involving both',
	'chart.sector-collaboration.alone': '{source} alone: {outcomes} involving only {source}',
	'chart.sector-collaboration.arc': '{sector}: filter by this sector',
	'chart.sector-collaboration.self': 'alone',
	'chart.theme-trends.title': 'Theme trends',
	'chart.theme-trends.caption':
		'Outcomes per calendar year for each thematic area, {from}–{to}, busiest in the last three years first. Every panel uses the same vertical scale (0 to {max} outcomes a year), so heights compare across themes; the number is the last year’s.',
	'chart.theme-trends.desc':
		'Small multiples: one line of outcomes per year for each of {themes} themes, on a shared scale.',
	'chart.theme-trends.mark':
		'{theme}: {total} from {from} to {to}; {recent} in the last three years; {last} in {lastYear}',
	'chart.attendance-by-sector.title': 'Attendance by sector',
	'chart.attendance-by-sector.caption':
		'Participants in ISC-TF meetings by calendar year, stacked by the sector they represent (attendance table).',
	'chart.attendance-by-sector.desc':
		'Stacked bar chart of {participants} from {from} to {to}, by sector.',
	'chart.attendance-by-sector.mark': '{year}, {sector}: {participants} at {meetings}',
	'chart.attendance-by-sector.empty':
		'No attendance table is loaded. Upload an attendance export (meeting_no, sector, participants) to see this chart.',
	'axis.withSector': 'With sector',
	'axis.total': 'Total',
	'axis.recent': 'Last 3 years',
	'axis.perYear': 'Per year, {from}–{to}',
	'chart.meetings-per-year.title': 'Meetings per year',
	'chart.meetings-per-year.caption':
		'ISC-TF meetings by calendar year, stacked by format, with the number of meetings above each bar; participants are in the tooltips and the data table.',
	'chart.theme-sector-heatmap.title': 'Theme × sector activity',
	'chart.theme-sector-heatmap.caption':
		'Number of outcomes of each thematic area that involve each sector.',
	'chart.outcome-status-trend.title': 'Outcomes by status over time',
	'chart.outcome-status-trend.caption':
		'Outcomes by calendar year of their date, stacked by status, with the completion rate.',
	'format.in_person': 'In person',
	'format.virtual': 'Virtual',
	'format.hybrid': 'Hybrid',
	'format.unknown': 'Unknown',
	'status.planned': 'Planned',
	'status.in_progress': 'In progress',
	'status.completed': 'Completed',
	'status.cancelled': 'Cancelled',
	'axis.year': 'Year',
	'axis.meetings': 'Meetings',
	'axis.outcomes': 'Outcomes',
	'axis.theme': 'Theme',
	'axis.sector': 'Sector',
	'axis.completionRate': 'Completion rate',
	'axis.participants': 'Participants',
	'axis.format': 'Format',
	'axis.status': 'Status',
	'unit.meeting.one': '{n} meeting',
	'unit.meeting.other': '{n} meetings',
	'unit.participant.one': '{n} participant',
	'unit.participant.other': '{n} participants',
	'unit.outcome.one': '{n} outcome',
	'unit.outcome.other': '{n} outcomes',
	'chart.meetings-per-year.desc':
		'Stacked bar chart of {meetings} from {from} to {to}, by format, with the number of meetings per year.',
	'chart.meetings-per-year.mark': '{year}, {format}: {meetings}, {participants}',
	'chart.theme-sector-heatmap.desc':
		'Heatmap of outcomes for {themes} themes by sector; darker cells have more outcomes (0 to {max}).',
	'chart.theme-sector-heatmap.mark': '{theme}, {sector}: {outcomes}',
	'chart.outcome-status-trend.desc':
		'Stacked bar chart of {outcomes} from {from} to {to}, by status, with a line of the completion rate per year.',
	'chart.outcome-status-trend.mark': '{year}, {status}: {outcomes}',
	'chart.outcome-status-trend.rate': '{year}, completion rate: {rate}',
	'filter.label': 'Filters',
	'filter.period': 'Period',
	'filter.period.all': 'All data',
	'filter.period.12m': 'Last 12 months of data',
	'filter.period.3y': 'Last 3 years of data',
	'filter.period.custom': 'Custom period',
	'filter.from': 'From',
	'filter.to': 'To',
	'filter.sector': 'Sector',
	'filter.theme': 'Theme',
	'filter.status': 'Status',
	'filter.any.sector': 'All sectors',
	'filter.any.theme': 'All themes',
	'filter.any.status': 'All statuses',
	'filter.remove': 'Remove filter {label}',
	'filter.clear': 'Clear all filters',
	'filter.active': 'Active filters',
	'filter.none': 'No filters: showing all data.',
	'filter.hint':
		'Click a bar, cell, arc or theme to filter every chart; drag across a year axis to select a period.',
	'view.allData': 'All data',
	'view.noRows': 'No rows match these filters.',
	'kpi.change': '{sign}{delta} vs previous period',
	'kpi.changeHelp':
		'{now} in {period}; {before} in the previous period of equal length ({previous}).',
	'kpi.noChange': 'no change vs previous period',
	'kpi.partial': 'no comparison: data from {date}',
	'view.notFiltered': 'not filtered by {filters}'
} as const;

/** The catalogue: the dashboard's strings, the load UI's (`load.`), the figure export's (`fig.`), the outcome list's (`outcomes.`), published datasets' (`ds.`). */
export const en = {
	...base,
	...prefixed('load', loadStrings),
	...prefixed('fig', exportStrings),
	...prefixed('outcomes', outcomeStrings),
	...prefixed('ds', datasetStrings)
};

/** A message key. */
export type MessageKey = keyof typeof en;

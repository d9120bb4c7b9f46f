/** English strings of the outcome list under the charts (`outcomes.` keys of the catalogue). */
export const outcomeStrings = {
	heading: 'Outcomes ({n})',
	intro:
		'Every outcome the filters and chart selections above keep. Click a column header to sort.',
	label: 'Outcomes under the current filters',
	'col.title': 'Title',
	'col.theme': 'Theme',
	'col.lead_sector': 'Lead sector',
	'col.sectors': 'Sectors',
	'col.status': 'Status',
	'col.date': 'Date',
	'col.due_date': 'Due',
	'col.completed_date': 'Completed',
	'col.document': 'Document',
	'sort.asc': 'sorted ascending',
	'sort.desc': 'sorted descending',
	loading: 'Loading…',
	none: 'No outcome matches these filters.',
	csv: 'Download CSV',
	sql: 'Open this view in SQL'
} as const;

/** An outcome-list message key (without the `outcomes.` prefix). */
export type OutcomeMessageKey = keyof typeof outcomeStrings;

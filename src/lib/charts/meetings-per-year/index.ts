/** Meetings per year, stacked by format: the chart's definition (see `../chart.ts`). */
import { FORMAT_ORDER } from './layout';
import { meetingsPerYearSql, type MeetingsPerYearRow } from '$lib/db/queries/dashboard';
import { defineChart, enumField, intField, yearField } from '../chart';
import MeetingsPerYear from './MeetingsPerYear.svelte';

/** The meetings-per-year chart. */
export const chart = defineChart<'meetings-per-year', MeetingsPerYearRow>({
	id: 'meetings-per-year',
	title: 'chart.meetings-per-year.title',
	sql: meetingsPerYearSql,
	filters: [],
	fields: [
		yearField,
		enumField('format', FORMAT_ORDER),
		intField('meetings'),
		intField('participants')
	],
	component: MeetingsPerYear
});

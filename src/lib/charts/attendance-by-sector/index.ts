/** Participants per year by sector (optional attendance table): the chart's definition (see `../chart.ts`). */
import { SECTORS } from '$lib/contract/contract';
import { attendanceBySectorSql, type AttendanceRow } from '$lib/db/queries/dashboard';
import { defineChart, enumField, intField, yearField } from '../chart';
import AttendanceBySector from './AttendanceBySector.svelte';

/** The attendance-by-sector chart. */
export const chart = defineChart<'attendance-by-sector', AttendanceRow>({
	id: 'attendance-by-sector',
	title: 'chart.attendance-by-sector.title',
	sql: attendanceBySectorSql,
	filters: ['sector'],
	fields: [yearField, enumField('sector', SECTORS), intField('participants'), intField('meetings')],
	component: AttendanceBySector
});

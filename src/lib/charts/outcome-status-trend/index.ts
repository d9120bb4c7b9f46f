/** Outcomes per year by status: the chart's definition (see `../chart.ts`). */
import { STATUSES } from '$lib/contract/contract';
import { statusTrendSql, type StatusTrendRow } from '$lib/db/queries/dashboard';
import { defineChart, enumField, intField, yearField } from '../chart';
import OutcomeStatusTrend from './OutcomeStatusTrend.svelte';

/** The outcome-status-trend chart. */
export const chart = defineChart<'outcome-status-trend', StatusTrendRow>({
	id: 'outcome-status-trend',
	title: 'chart.outcome-status-trend.title',
	sql: statusTrendSql,
	filters: ['sector', 'theme', 'status'],
	fields: [yearField, enumField('status', STATUSES), intField('outcomes')],
	component: OutcomeStatusTrend
});

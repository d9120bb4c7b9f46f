/** Outcomes per year by status: the chart's definition (see `../chart.ts`). */
import { STATUSES } from '$lib/contract/contract';
import { statusTrendSql, type StatusTrendRow } from '$lib/db/queries/dashboard';
import { defineChart, enumField, intField, yearField } from '../chart';
import OutcomeStatusTrend from './OutcomeStatusTrend.svelte';

/**
 * The outcome-status-trend chart. It ignores the status filter, as the completion rate does
 * (docs/metrics.md): filtered to "completed", its rate line would read 100 % every year. The
 * chosen status is emphasised instead, and the subtitle says "not filtered by status".
 */
export const chart = defineChart<'outcome-status-trend', StatusTrendRow>({
	id: 'outcome-status-trend',
	title: 'chart.outcome-status-trend.title',
	sql: (f) => statusTrendSql({ ...f, status: null }),
	filters: ['sector', 'theme'],
	fields: [yearField, enumField('status', STATUSES), intField('outcomes')],
	component: OutcomeStatusTrend
});

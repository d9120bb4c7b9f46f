/** Outcomes per theme over the years: the chart's definition (see `../chart.ts`). */
import { themeTrendsSql, type ThemeTrendRow } from '$lib/db/queries/dashboard';
import { defineChart, intField, textField, yearField } from '../chart';
import ThemeTrends from './ThemeTrends.svelte';

/** The theme-trends chart. */
export const chart = defineChart<'theme-trends', ThemeTrendRow>({
	id: 'theme-trends',
	title: 'chart.theme-trends.title',
	sql: themeTrendsSql,
	filters: ['sector', 'theme', 'status'],
	fields: [textField('theme_id', 200), textField('theme'), yearField, intField('outcomes')],
	wide: true,
	component: ThemeTrends
});

/** Outcomes by theme and sector: the chart's definition (see `../chart.ts`). */
import { SECTORS } from '$lib/contract/contract';
import { themeSectorSql, type ThemeSectorRow } from '$lib/db/queries/dashboard';
import { defineChart, enumField, intField, textField } from '../chart';
import ThemeSectorHeatmap from './ThemeSectorHeatmap.svelte';

/** The theme-sector-heatmap chart. */
export const chart = defineChart<'theme-sector-heatmap', ThemeSectorRow>({
	id: 'theme-sector-heatmap',
	title: 'chart.theme-sector-heatmap.title',
	sql: themeSectorSql,
	filters: ['sector', 'theme', 'status'],
	fields: [
		textField('theme_id', 200),
		textField('theme'),
		enumField('sector', SECTORS),
		intField('outcomes')
	],
	wide: true,
	component: ThemeSectorHeatmap
});

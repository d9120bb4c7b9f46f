/** Outcomes shared by each pair of sectors: the chart's definition (see `../chart.ts`). */
import { SECTORS } from '$lib/contract/contract';
import { sectorCollaborationSql, type SectorPairRow } from '$lib/db/queries/dashboard';
import { defineChart, enumField, intField } from '../chart';
import SectorCollaboration from './SectorCollaboration.svelte';

/** The sector-collaboration chart. */
export const chart = defineChart<'sector-collaboration', SectorPairRow>({
	id: 'sector-collaboration',
	title: 'chart.sector-collaboration.title',
	sql: sectorCollaborationSql,
	filters: ['sector', 'theme', 'status'],
	fields: [enumField('source', SECTORS), enumField('target', SECTORS), intField('outcomes')],
	component: SectorCollaboration
});

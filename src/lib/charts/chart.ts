/**
 * What a chart is, as one typed definition: its id, message keys, the query it needs for a view's
 * filters, which filters that query honours, the shape of its rows, and its component. Each chart
 * folder exports one (`<id>/index.ts`); `charts/index.ts` lists them, and every page, export and
 * test loops over that list.
 */
import type { Component } from 'svelte';
import type { Filters } from '$lib/db/queries/filters';
import type { MessageKey } from '$lib/i18n';
import type { DateSpan } from './partial';
import type { InteractiveProps } from './selection';

/** One column of a chart's query rows: a whole number in a range, a string, or one of a list. */
export type FieldSpec =
	| { name: string; type: 'int'; min: number; max: number }
	| { name: string; type: 'text'; maxLength: number }
	| { name: string; type: 'enum'; values: readonly string[] };

/** A whole-number field, `min`..`max` inclusive (default 0..1e9). */
export const intField = (name: string, min = 0, max = 1e9): FieldSpec => ({
	name,
	type: 'int',
	min,
	max
});
/** A text field of at most `maxLength` characters (default 300). */
export const textField = (name: string, maxLength = 300): FieldSpec => ({
	name,
	type: 'text',
	maxLength
});
/** A field holding one of `values`. */
export const enumField = (name: string, values: readonly string[]): FieldSpec => ({
	name,
	type: 'enum',
	values
});
/** The calendar-year field most charts start with. */
export const yearField = intField('year', 1, 9999);

/** A filter besides the period (which every chart follows). */
export type FilterKey = 'sector' | 'theme' | 'status';

/** The props every chart component takes (the host passes them all; a chart uses what it needs). */
export interface ChartProps<Row> extends InteractiveProps {
	rows: Row[];
	/** The period and the filters its query applies, in words. */
	subtitle?: string;
	/** Width in px; measured from the container when left out. */
	width?: number;
	/** Whether the chart's optional table is loaded (its empty-state message). */
	tableLoaded?: boolean;
	/**
	 * Drawn as a figure for paper (export, report): no on-screen dimming of marks outside the
	 * selection (the figure's data is already filtered), and the print variant of a chart.
	 */
	print?: boolean;
	/** The dates the data and the period cover: years it cuts are hatched and labelled. */
	covered?: DateSpan | null;
}

/** One chart, whole. `Row` is the row type its query's column aliases produce. */
export interface ChartDefinition<Id extends string = string, Row = never> {
	id: Id;
	/** Message key of its title (also the figure's title in exports). */
	title: MessageKey;
	/** Its query for a view's filters (SQL built by `db/queries/`). */
	sql: (f: Filters) => string;
	/** The filters its SQL applies (a caption names only those: meetings have no sector). */
	filters: readonly FilterKey[];
	/** The columns of its query rows, in order (checks rows that arrive in an embed link). */
	fields: readonly FieldSpec[];
	/** Whether it spans the dashboard grid's full width. */
	wide?: boolean;
	component: Component<ChartProps<Row>>;
}

/** A chart definition with its literal id kept (so the registry can derive `ChartId`). */
export function defineChart<const Id extends string, Row>(
	d: ChartDefinition<Id, Row>
): ChartDefinition<Id, Row> {
	return d;
}

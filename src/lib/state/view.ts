/**
 * The dashboard view (filters and period) as plain data, and its URL form. Pure functions: the
 * page reads the view from the URL and writes every change back, so reload, shared links and
 * back/forward all restore the exact view.
 */
import { SECTORS, STATUSES } from '../contract/contract';
import type { Filters } from '../db/queries/filters';
import type { Selection } from '../charts/selection';
import { CLAUSE_KEYS, nextOrigins, type ClauseKey, type Origins } from '../charts/crossfilter';

/** Period presets; `12m` and `3y` end at the latest date in the data, not today. */
export type PeriodPreset = 'all' | '12m' | '3y' | 'custom';

/** Everything that defines a dashboard view. */
export interface ViewState {
	sector: string | null;
	theme: string | null;
	status: string | null;
	period: PeriodPreset;
	/** Custom period bounds, ISO dates, inclusive. */
	from: string | null;
	to: string | null;
	/** Which chart made each clause (cross-filtering: that chart's own query leaves it out). */
	by?: Origins;
	/** Baseline date (ISO) the KPIs show their change since ("last report to Council"). */
	since?: string | null;
	/** Short name of the baseline ("Council 2026"); only with `since`. */
	sinceLabel?: string | null;
}

/** An inclusive ISO date range. */
export interface DateRange {
	from: string;
	to: string;
}

/** The view with no filter. */
export const EMPTY_VIEW: ViewState = {
	sector: null,
	theme: null,
	status: null,
	period: 'all',
	from: null,
	to: null
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const PRESETS: PeriodPreset[] = ['all', '12m', '3y', 'custom'];

/** True for a real calendar day written `yyyy-mm-dd`. */
export function isIsoDate(s: string | null): s is string {
	if (!s || !ISO.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Read a view from URL search params; unknown or malformed values are ignored. */
export function parseView(params: URLSearchParams): ViewState {
	const sector = params.get('sector');
	const status = params.get('status');
	const theme = params.get('theme');
	const from = params.get('from');
	const to = params.get('to');
	const preset = params.get('period') as PeriodPreset | null;
	const custom = isIsoDate(from) || isIsoDate(to);
	const v: ViewState = {
		sector: sector && (SECTORS as readonly string[]).includes(sector) ? sector : null,
		status: status && (STATUSES as readonly string[]).includes(status) ? status : null,
		theme: theme && theme.length <= 200 ? theme : null,
		period: preset && PRESETS.includes(preset) ? preset : custom ? 'custom' : 'all',
		from: isIsoDate(from) ? from : null,
		to: isIsoDate(to) ? to : null
	};
	const by = parseOrigins(params.getAll('by'), v);
	return withBaseline(Object.keys(by).length ? { ...v, by } : v, params);
}

/** Longest baseline label kept from a URL. */
export const LABEL_MAX = 40;

/** Trimmed label without control characters, or null when empty or too long. */
export function cleanLabel(s: string | null): string | null {
	const label = (s ?? '').replace(/\p{Cc}/gu, ' ').trim();
	return label && label.length <= LABEL_MAX ? label : null;
}

/** `v` with the baseline of `params` (`since`, `sincelabel`), when its date is a valid day. */
function withBaseline(v: ViewState, params: URLSearchParams): ViewState {
	const since = params.get('since');
	if (!isIsoDate(since)) return v;
	const sinceLabel = cleanLabel(params.get('sincelabel'));
	return sinceLabel ? { ...v, since, sinceLabel } : { ...v, since };
}

const CHART_ID = /^[a-z][a-z-]{0,39}$/;

/** `by=<clause>.<chart>` entries, kept only for clauses the view sets. */
function parseOrigins(entries: string[], v: ViewState): Origins {
	const out: Origins = {};
	for (const e of entries) {
		const [key, chart] = e.split('.', 2) as [ClauseKey, string | undefined];
		if (!CLAUSE_KEYS.includes(key) || !chart || !CHART_ID.test(chart)) continue;
		if (key === 'period' ? v.period !== 'all' : v[key] !== null) out[key] = chart;
	}
	return out;
}

/** The URL search params of a view (defaults left out, stable key order). */
export function viewToParams(v: ViewState): URLSearchParams {
	const p = new URLSearchParams();
	if (v.period !== 'all' && v.period !== 'custom') p.set('period', v.period);
	if (v.period === 'custom') {
		if (v.from) p.set('from', v.from);
		if (v.to) p.set('to', v.to);
	}
	if (v.sector) p.set('sector', v.sector);
	if (v.theme) p.set('theme', v.theme);
	if (v.status) p.set('status', v.status);
	for (const k of CLAUSE_KEYS) if (v.by?.[k]) p.append('by', `${k}.${v.by[k]}`);
	if (v.since && isIsoDate(v.since)) {
		p.set('since', v.since);
		const label = cleanLabel(v.sinceLabel ?? null);
		if (label) p.set('sincelabel', label);
	}
	return p;
}

function shiftIso(iso: string, o: { years?: number; days?: number }): string {
	const d = new Date(`${iso}T00:00:00Z`);
	if (o.years) d.setUTCFullYear(d.getUTCFullYear() + o.years);
	if (o.days) d.setUTCDate(d.getUTCDate() + o.days);
	return d.toISOString().slice(0, 10);
}

/** The concrete date range of a view, given the data's last date; null for "all". */
export function resolvePeriod(v: ViewState, lastDate: string | null): DateRange | null {
	if (v.period === 'custom') {
		if (!v.from && !v.to) return null;
		return { from: v.from ?? '0001-01-01', to: v.to ?? '9999-12-31' };
	}
	if (v.period === 'all' || !lastDate) return null;
	const years = v.period === '12m' ? 1 : 3;
	return { from: shiftIso(lastDate, { years: -years, days: 1 }), to: lastDate };
}

/**
 * The period of equal length just before `r` (for KPI changes): whole years shift by years (so
 * 2020 compares with 2019), other ranges by their length in days; null when `r` is open-ended.
 */
export function previousPeriod(r: DateRange | null): DateRange | null {
	if (!r || r.from === '0001-01-01' || r.to === '9999-12-31') return null;
	const dayAfter = shiftIso(r.to, { days: 1 });
	const years = Number(dayAfter.slice(0, 4)) - Number(r.from.slice(0, 4));
	const before = shiftIso(r.from, { days: -1 });
	if (years >= 1 && shiftIso(r.from, { years }) === dayAfter)
		return { from: shiftIso(r.from, { years: -years }), to: before };
	const days = Math.round((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000) + 1;
	return { from: shiftIso(r.from, { days: -days }), to: before };
}

/** SQL filters of a view over a resolved period. */
export function viewFilters(v: ViewState, period: DateRange | null): Filters {
	return {
		sector: v.sector,
		theme: v.theme,
		status: v.status,
		from: period?.from ?? null,
		to: period?.to ?? null
	};
}

/**
 * Apply a chart selection to a view: a year or brushed years set a custom period; a sector,
 * theme or status sets that filter, and selecting the active value again clears it. With the
 * chart's id as `source`, the clauses it sets are its own (`by`).
 */
export function applySelection(v: ViewState, s: Selection, source?: string): ViewState {
	const next = { ...v };
	const toggle = (key: 'sector' | 'theme' | 'status', value: string | undefined) => {
		if (value !== undefined) next[key] = v[key] === value ? null : value;
	};
	toggle('sector', s.sector);
	toggle('theme', s.theme);
	toggle('status', s.status);
	const years = s.years ?? (s.year !== undefined ? [s.year, s.year] : null);
	if (years) {
		const [a, b] = [Math.min(years[0], years[1]), Math.max(years[0], years[1])];
		const from = `${String(a).padStart(4, '0')}-01-01`;
		const to = `${String(b).padStart(4, '0')}-12-31`;
		const same = v.period === 'custom' && v.from === from && v.to === to;
		Object.assign(
			next,
			same ? { period: 'all', from: null, to: null } : { period: 'custom', from, to }
		);
	}
	return source === undefined ? next : withOrigins(v, next, source);
}

/**
 * `next` with its clause origins brought up to date after a change from `prev` by `source` (a
 * chart id; null for the filter bar, whose clauses every chart follows).
 */
export function withOrigins(prev: ViewState, next: ViewState, source: string | null): ViewState {
	const by = nextOrigins({ prev, next, origins: prev.by, source });
	const out = { ...next };
	delete out.by;
	return Object.keys(by).length ? { ...out, by } : out;
}

/** A view without a chart's own clauses (Escape in that chart): they return to "all". */
export function clearOwn(v: ViewState, chart: string): ViewState {
	const next = { ...v };
	for (const k of CLAUSE_KEYS) {
		if (v.by?.[k] !== chart) continue;
		if (k === 'period') Object.assign(next, { period: 'all', from: null, to: null });
		else next[k] = null;
	}
	return withOrigins(v, next, null);
}

/** The inclusive calendar-year span of a date range (for chart highlighting). */
export function periodYears(r: DateRange | null): [number, number] | null {
	return r ? [Number(r.from.slice(0, 4)), Number(r.to.slice(0, 4))] : null;
}

/** Message lookup and locale-aware number/date formatting (Intl). English for now. */
import { en, type MessageKey } from './en';
import type { DatasetMessageKey } from './datasets-en';
import type { ExportMessageKey } from './export-en';
import type { LoadMessageKey } from './load-en';

/** The UI locale (BCP 47). */
export const locale = 'en-GB';

/** The message `key`, with `{name}` placeholders replaced from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
	return en[key].replace(/\{(\w+)\}/g, (_, name: string) =>
		name in params ? formatValue(params[name]!) : `{${name}}`
	);
}

/** A load-UI message (`load.` keys of the catalogue). */
export function lt(key: LoadMessageKey, params: Record<string, string | number> = {}): string {
	return t(`load.${key}`, params);
}

/** A figure-export message (`fig.` keys of the catalogue). */
export function xt(key: ExportMessageKey, params: Record<string, string | number> = {}): string {
	return t(`fig.${key}`, params);
}

/** A published-dataset message (`ds.` keys of the catalogue). */
export function dt(key: DatasetMessageKey, params: Record<string, string | number> = {}): string {
	return t(`ds.${key}`, params);
}

function formatValue(v: string | number): string {
	return typeof v === 'number' ? formatNumber(v) : v;
}

const numberFmt = new Intl.NumberFormat(locale);
const percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

/** A count, grouped (`1,234`). */
export function formatNumber(n: number): string {
	return numberFmt.format(n);
}

/** A 0..1 ratio as a whole percentage (`0.42` -> `42%`); `–` for null. */
export function formatPercent(r: number | null): string {
	return r === null || Number.isNaN(r) ? '–' : percentFmt.format(r);
}

const timeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment (ms since 1970) as a medium date and a short time, in the browser's time zone. */
export function formatTime(ms: number): string {
	return timeFmt.format(ms);
}

/** An ISO date (`2022-09-20`) as a medium date (`20 Sept 2022`). */
export function formatDate(iso: string): string {
	return dateFmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export type { MessageKey };

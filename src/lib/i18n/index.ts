/**
 * Messages and formats in the interface language. Messages are Paraglide JS message functions
 * compiled from messages/<locale>.json (project.inlang); `t` looks one up by key in the active
 * language. Numbers, dates and lists go through `Intl` for that language.
 */
import * as m from '$lib/paraglide/messages.js';
import { activeLocale, localeState } from './state.svelte';
import { pseudoMessage } from './pseudo';
import type { Locale } from './locales';
import { intlTag } from './intl-tag';
import { directionOf } from './locales';

export { activeLocale, withLocale, localeState, timeMirrored } from './state.svelte';
export {
	CHART_FONTS,
	directionOf,
	figureFonts,
	isLocale,
	LANG_TAGS,
	LOCALE_NAMES,
	LOCALES,
	type Locale
} from './locales';

type Catalogue = typeof m;
/** A message key (`chart.theme-trends.title`): every key has a dot, Paraglide's own names have none. */
export type MessageKey = Extract<keyof Catalogue, `${string}.${string}`>;
/** A load-UI message key, without its `load.` prefix. */
export type LoadMessageKey = MessageKey extends infer K
	? K extends `load.${infer R}`
		? R
		: never
	: never;
/** A figure-export message key, without its `fig.` prefix. */
export type ExportMessageKey = MessageKey extends infer K
	? K extends `fig.${infer R}`
		? R
		: never
	: never;

/** A published-dataset message key, without its `ds.` prefix. */
export type DatasetMessageKey = MessageKey extends infer K
	? K extends `ds.${infer R}`
		? R
		: never
	: never;

/** Message parameters: numbers are formatted for the language; `count` also picks the plural. */
export type MessageParams = Record<string, string | number>;

type MessageFn = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;

/** First strong isolate and pop directional isolate (Unicode bidi, UAX #9). */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * `s` in Unicode isolates (U+2068 … U+2069) when it holds Latin letters or digits, so a code
 * (`BR`, `ITU-T SG17`), a file name or a number inside right-to-left text keeps its own order
 * and does not pull the neighbouring punctuation out of place. Invisible; other text unchanged.
 */
export function isolate(s: string): string {
	return /[A-Za-z0-9]/.test(s) && !s.startsWith(FSI) ? `${FSI}${s}${PDI}` : s;
}

/**
 * The message `key` in the active language (or `locale`), with placeholders filled from
 * `params`. A numeric `count` selects the plural form and is shown as `{n}`.
 */
export function t(key: MessageKey, params: MessageParams = {}, locale = activeLocale()): string {
	const inputs: Record<string, string> = {};
	// Read in place, not through an imported constant: the shipped build folds it to false.
	const pseudo =
		import.meta.env.VITE_PSEUDO_LOCALES === '1' && locale === 'en' ? localeState.pseudo : null;
	// In Arabic every inserted value is isolated from the sentence around it.
	const wrap = directionOf(locale) === 'rtl' || pseudo === 'bidi' ? isolate : (v: string) => v;
	for (const [k, v] of Object.entries(params))
		inputs[k] = wrap(typeof v === 'number' ? formatNumber(v, locale) : v);
	if (typeof params.count === 'number') inputs.n ??= wrap(formatNumber(params.count, locale));
	const render = (values: Record<string, string>) =>
		(m[key] as unknown as MessageFn)(
			typeof params.count === 'number' ? { ...values, count: params.count } : values,
			{ locale }
		);
	return pseudo ? pseudoMessage(pseudo, inputs, render) : render(inputs);
}

/** `true` when `key` names a message (for keys built from data, such as a status code). */
export function hasMessage(key: string): key is MessageKey {
	return key.includes('.') && typeof (m as Record<string, unknown>)[key] === 'function';
}

/** A load-UI message (`load.` keys of the catalogue). */
export function lt(key: LoadMessageKey, params: MessageParams = {}): string {
	return t(`load.${key}` as MessageKey, params);
}

/** A figure-export message (`fig.` keys of the catalogue). */
export function xt(key: ExportMessageKey, params: MessageParams = {}): string {
	return t(`fig.${key}` as MessageKey, params);
}

/** A published-dataset message (`ds.` keys of the catalogue). */
export function dt(key: DatasetMessageKey, params: MessageParams = {}): string {
	return t(`ds.${key}` as MessageKey, params);
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
	id: string,
	make: () => F
): F {
	let f = cache.get(id) as F | undefined;
	if (!f) cache.set(id, (f = make()));
	return f;
}

/** The `Intl` locale tag of the active language (`ar-u-nu-latn`, `zh-Hans-CN`, `en-GB`…). */
export function intlLocale(locale = activeLocale()): string {
	return intlTag(locale);
}

/** A count, grouped for the language (`1,234`, `1 234`, `١٬٢٣٤`). */
export function formatNumber(n: number, locale = activeLocale()): string {
	const tag = intlTag(locale);
	return cached(`n|${tag}`, () => new Intl.NumberFormat(tag)).format(n);
}

/** A count in compact notation (`1.2K`, `1,2 k`, `1.2万`). */
export function formatCompact(n: number, locale = activeLocale()): string {
	const tag = intlTag(locale);
	return cached(
		`c|${tag}`,
		() => new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 })
	).format(n);
}

/** A size in megabytes (bytes / 10^6) with one decimal (`8.4 MB`, `8,4 Mo`, `8.4 م.ب`). */
export function formatMegabytes(bytes: number, locale = activeLocale()): string {
	const tag = intlTag(locale);
	return cached(
		`mb|${tag}`,
		() =>
			new Intl.NumberFormat(tag, {
				style: 'unit',
				unit: 'megabyte',
				minimumFractionDigits: 1,
				maximumFractionDigits: 1
			})
	).format(bytes / 1e6);
}

/** A calendar year, ungrouped, in the language's digits (`2024`, `٢٠٢٤`). */
export function formatYear(year: number, locale = activeLocale()): string {
	const tag = intlTag(locale);
	return cached(`y|${tag}`, () => new Intl.NumberFormat(tag, { useGrouping: false })).format(year);
}

/** A 0..1 ratio as a whole percentage (`0.42` -> `42%`, `42 %`, `٪42`); `–` for null. */
export function formatPercent(r: number | null, locale = activeLocale()): string {
	if (r === null || Number.isNaN(r)) return '–';
	const tag = intlTag(locale);
	return cached(
		`p|${tag}`,
		() => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 })
	).format(r);
}

/** An ISO date (`2022-09-20`) as a medium date in the language (`20 Sept 2022`, `2022年9月20日`). */
export function formatDate(iso: string, locale = activeLocale()): string {
	const tag = intlTag(locale);
	return cached(
		`d|${tag}`,
		() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' })
	).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** Items joined as the language joins a list (`a, b and c`, `a、b和c`). */
export function formatList(
	items: readonly string[],
	type: 'conjunction' | 'disjunction' = 'conjunction',
	locale = activeLocale()
): string {
	const tag = intlTag(locale);
	return cached(`l|${type}|${tag}`, () => new Intl.ListFormat(tag, { type })).format(items);
}

/** A sector code as the language abbreviates it (`BR`; Russian `БР`); unknown codes as loaded. */
export function sectorLabel(code: string, locale = activeLocale()): string {
	const key = `sector.${code}`;
	return hasMessage(key) ? t(key, {}, locale) : code;
}

/** A sector's official name in the language (`Radiocommunication Bureau (ITU-R)`). */
export function sectorName(code: string, locale = activeLocale()): string {
	const key = `sector.name.${code}`;
	return hasMessage(key) ? t(key, {}, locale) : code;
}

/** A moment (ms since 1970) as a medium date and a short time, in the browser's time zone. */
export function formatTime(ms: number, locale = activeLocale()): string {
	const tag = intlTag(locale);
	return cached(
		`t|${tag}`,
		() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })
	).format(ms);
}

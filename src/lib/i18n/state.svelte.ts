/**
 * The interface language as a rune: every `t()` call in markup reads it, so changing it
 * re-renders the text in place (no reload: loaded data and the view stay).
 */
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { directionOf, type Locale } from './locales';
import type { Pseudo } from './pseudo';

/** Digits for Arabic: Western (`0-9`, the default in UN Arabic documents) or Arabic-Indic. */
export type ArabicDigits = 'latn' | 'arab';

class LocaleState {
	/** The interface language. */
	current = $state<Locale>('en');
	/** Digits used when the language is Arabic. */
	arabicDigits = $state<ArabicDigits>('latn');
	/** A pseudo-locale over English, in a layout-test build only (`pseudo.ts`); else null. */
	pseudo = $state<Pseudo | null>(null);
}

/** The one interface-language state. */
export const localeState = new LocaleState();

/** Set while a figure is drawn in another language than the interface (see `withLocale`). */
let override: Locale | null = null;
/** Set while a figure is drawn with its time axes mirrored (see `withLocale`). */
let mirrorTime = false;

/** The language messages and formats use right now. */
export function activeLocale(): Locale {
	return override ?? localeState.current;
}

/**
 * `true` while a right-to-left figure is drawn for export with "mirror time axes" chosen: time
 * layouts then run their years right to left. On screen, time runs left to right.
 */
export function timeMirrored(): boolean {
	return mirrorTime && directionOf(activeLocale()) === 'rtl';
}

/**
 * Run `fn` with messages and formats in `locale`, synchronously (to draw an exported figure in
 * another language: Svelte's `mount` + `flushSync` render within the call); `mirrorTime` asks
 * time layouts to mirror (Arabic only, `timeMirrored`).
 */
export function withLocale<T>(locale: Locale, fn: () => T, o: { mirrorTime?: boolean } = {}): T {
	const before = [override, mirrorTime] as const;
	override = locale;
	mirrorTime = o.mirrorTime ?? false;
	try {
		return fn();
	} finally {
		[override, mirrorTime] = before;
	}
}

// Direct `m.key()` calls follow the same language as `t()`.
overwriteGetLocale(activeLocale);

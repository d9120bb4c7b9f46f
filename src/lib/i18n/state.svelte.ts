/**
 * The interface language as a rune: every `t()` call in markup reads it, so changing it
 * re-renders the text in place (no reload: loaded data and the view stay).
 */
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import type { Locale } from './locales';

/** Digits for Arabic: Western (`0-9`, the default in UN Arabic documents) or Arabic-Indic. */
export type ArabicDigits = 'latn' | 'arab';

class LocaleState {
	/** The interface language. */
	current = $state<Locale>('en');
	/** Digits used when the language is Arabic. */
	arabicDigits = $state<ArabicDigits>('latn');
}

/** The one interface-language state. */
export const localeState = new LocaleState();

/** Set while a figure is drawn in another language than the interface (see `withLocale`). */
let override: Locale | null = null;

/** The language messages and formats use right now. */
export function activeLocale(): Locale {
	return override ?? localeState.current;
}

/**
 * Run `fn` with messages and formats in `locale`, synchronously (to draw an exported figure in
 * another language: Svelte's `mount` + `flushSync` render within the call).
 */
export function withLocale<T>(locale: Locale, fn: () => T): T {
	const before = override;
	override = locale;
	try {
		return fn();
	} finally {
		override = before;
	}
}

// Direct `m.key()` calls follow the same language as `t()`.
overwriteGetLocale(activeLocale);

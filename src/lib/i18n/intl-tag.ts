/** The `Intl` locale tag for each interface language, with the Arabic digits setting. */
import type { Locale } from './locales';
import { localeState } from './state.svelte';

const TAGS: Record<Locale, string> = {
	ar: 'ar',
	zh: 'zh-Hans-CN',
	en: 'en-GB',
	fr: 'fr-FR',
	ru: 'ru-RU',
	es: 'es-ES'
};

/**
 * The tag `Intl` formats with. Arabic names its numbering system explicitly: CLDR's default
 * differs between regions and browsers, and the reader chooses (Western by default).
 */
export function intlTag(locale: Locale): string {
	if (locale === 'ar') return `ar-u-nu-${localeState.arabicDigits}`;
	return TAGS[locale];
}

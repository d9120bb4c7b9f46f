/**
 * The language between visits and on the page: read `?lang=`, the kept choice and the browser's
 * preferred languages; keep the choice in localStorage; set `<html lang dir>`.
 */
import { chooseLocale, directionOf, LANG_TAGS, type Locale } from './locales';
import { localeState } from './state.svelte';
import { isPseudo } from './pseudo';

const KEY = 'intersect.locale';
const DIGITS_KEY = 'intersect.arabicDigits';

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null; // storage blocked (privacy settings): the choice lasts for this page only
	}
}

/** Start in the language the URL, the kept choice or the browser asks for; set `<html>`. */
export function startLocale(search: URLSearchParams): void {
	const store = storage();
	localeState.arabicDigits = store?.getItem(DIGITS_KEY) === 'arab' ? 'arab' : 'latn';
	const fromUrl = search.get('lang');
	// A layout-test build only: `?pseudo=long|bidi` draws English as a pseudo-locale.
	const pseudo = import.meta.env.VITE_PSEUDO_LOCALES === '1' ? search.get('pseudo') : null;
	if (isPseudo(pseudo)) {
		localeState.pseudo = pseudo;
		return applyLocale('en');
	}
	const locale = chooseLocale({
		search: fromUrl,
		stored: store?.getItem(KEY),
		preferred: globalThis.navigator?.languages ?? []
	});
	// A link's `?lang=` is kept as the choice, as if picked in the Language control.
	if (fromUrl) saveLocale(locale);
	else applyLocale(locale);
}

/** Switch to `locale` and keep it for the next visit. */
export function saveLocale(locale: Locale): void {
	applyLocale(locale);
	const store = storage();
	try {
		store?.setItem(KEY, locale);
		store?.setItem(DIGITS_KEY, localeState.arabicDigits);
	} catch {
		// storage full or blocked: the choice still applies to this page
	}
}

/** Switch to `locale` and set `<html lang dir>` (no reload). */
export function applyLocale(locale: Locale): void {
	localeState.current = locale;
	const html = globalThis.document?.documentElement;
	if (!html) return;
	html.lang = LANG_TAGS[locale];
	html.dir = directionOf(locale);
	if (import.meta.env.VITE_PSEUDO_LOCALES === '1' && localeState.pseudo && locale === 'en') {
		html.lang = localeState.pseudo === 'long' ? 'en-XA' : 'en-XB';
		if (localeState.pseudo === 'bidi') html.dir = 'rtl';
	}
}

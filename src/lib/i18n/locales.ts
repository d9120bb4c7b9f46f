/** The six UN languages: codes, own names, direction, and the choice of a first language. */

/** The interface languages in UN order (Arabic, Chinese, English, French, Russian, Spanish). */
export const LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** One interface language (a Paraglide locale). */
export type Locale = (typeof LOCALES)[number];

/** Each language by its own name, as the Language control lists it. */
export const LOCALE_NAMES: Record<Locale, string> = {
	ar: 'العربية',
	zh: '中文',
	en: 'English',
	fr: 'Français',
	ru: 'Русский',
	es: 'Español'
};

/** The `lang` attribute for a language (`zh-Hans` so Chinese glyphs take simplified shapes). */
export const LANG_TAGS: Record<Locale, string> = {
	ar: 'ar',
	zh: 'zh-Hans',
	en: 'en',
	fr: 'fr',
	ru: 'ru',
	es: 'es'
};

/** `true` for a supported language code. */
export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Text direction of a language. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
	return locale === 'ar' ? 'rtl' : 'ltr';
}

/** A BCP 47 tag (`zh-Hant-TW`, `fr-CA`) reduced to a supported language, or `null`. */
export function matchLocale(tag: string): Locale | null {
	const base = tag.trim().toLowerCase().split(/[-_]/)[0];
	return isLocale(base) ? base : null;
}

/**
 * The language to start in: `?lang=` first (a shared link carries its language), then the one
 * kept from an earlier visit, then the browser's preferred languages in order, then English.
 */
export function chooseLocale(options: {
	search?: string | null;
	stored?: string | null;
	preferred?: readonly string[];
}): Locale {
	const fromUrl = options.search ? matchLocale(options.search) : null;
	if (fromUrl) return fromUrl;
	if (isLocale(options.stored)) return options.stored;
	for (const tag of options.preferred ?? []) {
		const l = matchLocale(tag);
		if (l) return l;
	}
	return 'en';
}

/**
 * Font families for chart text, Latin and Cyrillic first, then Arabic and simplified Chinese,
 * then the system's: an exported SVG opened elsewhere still finds a face for every script.
 */
export const CHART_FONTS =
	"'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC', 'Noto Sans CJK SC', system-ui, sans-serif";

/** Common system fonts with simplified Chinese (Linux, Adobe, Windows, macOS), best first. */
const CJK_SYSTEM_FONTS =
	"'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', SimHei";
/** Common system fonts for Latin, Cyrillic and Arabic (Arial, Segoe UI and Tahoma have Arabic). */
const SYSTEM_FONTS =
	"system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', Arial, Tahoma, 'DejaVu Sans'";

/**
 * Font families of an exported figure in `lang` (a `LANG_TAGS` value): the bundled Noto
 * families first, then the system's. A reader without Noto (an SVG opened in LibreOffice or
 * Inkscape) falls back per character along the list, so a Chinese figure names the common
 * Chinese system fonts before the Latin ones (whose Latin letters would otherwise win, and
 * whose lack of Han glyphs shows as boxes), and every other figure names them last.
 */
export function figureFonts(lang: string): string {
	const noto = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC'";
	return lang.startsWith('zh')
		? `${noto}, ${CJK_SYSTEM_FONTS}, ${SYSTEM_FONTS}, sans-serif`
		: `${noto}, ${SYSTEM_FONTS}, ${CJK_SYSTEM_FONTS}, sans-serif`;
}

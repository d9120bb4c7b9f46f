/**
 * What makes a figure reproducible: the app version, the chart, the view (URL params) and the
 * dataset fingerprint. Written into the SVG (`<metadata>` JSON) and the CSV (trailing `#` lines),
 * and read back from either so the app can reopen the view. Pure; read input is untrusted.
 */
import { version } from '../../../package.json';
import { isFingerprint } from '$lib/db/queries/fingerprint';
import { parseView, viewToParams, type ViewState } from '$lib/state/view';
import { isChartId, type ChartId } from '$lib/charts';

/**
 * The app version, from package.json (inlined at build time; SvelteKit's `version` comes from
 * `npm_package_version`, which a plain `vite build` does not set).
 */
export const APP_VERSION: string = version;

/** A figure's provenance. `view` is the URL query of the view, without `?`. */
export interface FigureMeta {
	app: 'Intersect';
	version: string;
	chart: ChartId;
	view: string;
	fingerprint: string;
	dataset: string;
	period: string;
	filters: string[];
}

/** The metadata of a figure of `chart` in view `v`. */
export function figureMeta(o: Omit<FigureMeta, 'app' | 'version' | 'view'> & { view: ViewState }) {
	const meta: FigureMeta = {
		app: 'Intersect',
		version: APP_VERSION,
		chart: o.chart,
		view: viewToParams(o.view).toString(),
		fingerprint: o.fingerprint,
		dataset: o.dataset,
		period: o.period,
		filters: [...o.filters]
	};
	return meta;
}

/** The machine-readable line of a CSV footer (after the source line). */
export function provenanceLine(m: FigureMeta): string {
	return `# Intersect ${m.version} · chart ${m.chart} · view ?${m.view} · fingerprint ${m.fingerprint}`;
}

const XML_ENTITIES: Record<string, string> = {
	lt: '<',
	gt: '>',
	amp: '&',
	quot: '"',
	apos: "'"
};

/** XML text with its entity and character references resolved. */
export function unescapeXml(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, ref: string) => {
		if (ref[0] !== '#') return XML_ENTITIES[ref] ?? m;
		const code =
			ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
	});
}

const short = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : null);

/** Untrusted metadata checked field by field; the view is normalised. Null when unusable. */
export function checkFigureMeta(raw: unknown): FigureMeta | null {
	if (!raw || typeof raw !== 'object') return null;
	const o = raw as Record<string, unknown>;
	const view = short(o.view, 2000);
	const versionText = short(o.version, 32);
	if (o.app !== 'Intersect' || !isChartId(o.chart) || view === null) return null;
	if (!isFingerprint(o.fingerprint) || !versionText || !/^[\w.+-]+$/.test(versionText)) return null;
	const filters = Array.isArray(o.filters) ? o.filters : [];
	return {
		app: 'Intersect',
		version: versionText,
		chart: o.chart,
		view: viewToParams(parseView(new URLSearchParams(view))).toString(),
		fingerprint: o.fingerprint,
		dataset: short(o.dataset, 500) ?? '',
		period: short(o.period, 200) ?? '',
		filters: filters.filter((f): f is string => short(f, 300) !== null).slice(0, 10)
	};
}

const SVG_META = /<metadata\b[^>]*\bid="intersect-figure"[^>]*>([\s\S]*?)<\/metadata>/;
const CSV_META =
	/^"?# Intersect ([\w.+-]{1,32}) · chart ([a-z-]{1,40}) · view \?(\S{0,2000}) · fingerprint ([0-9a-f]{8})"?\s*$/m;

/** The figure metadata in an exported SVG or CSV text, or null when there is none. */
export function readFigureMeta(text: string): FigureMeta | null {
	const svg = SVG_META.exec(text);
	if (svg) {
		try {
			return checkFigureMeta(JSON.parse(unescapeXml(svg[1]!)));
		} catch {
			return null;
		}
	}
	const csv = CSV_META.exec(text);
	if (!csv) return null;
	return checkFigureMeta({
		app: 'Intersect',
		version: csv[1],
		chart: csv[2],
		view: csv[3],
		fingerprint: csv[4]
	});
}

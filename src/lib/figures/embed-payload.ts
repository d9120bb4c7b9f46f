/**
 * A chart's numbers carried in an embed link, so an embed of uploaded data (which lives only in
 * the analyst's browser) still renders for any reader: JSON, deflate-raw (CompressionStream),
 * base64url. The link's text is untrusted: `decodeEmbed` checks size, shape, types and lengths
 * before anything is drawn, and fails with an `EmbedError` that says what is wrong.
 */
import { isFingerprint } from '$lib/db/queries/fingerprint';
import { CHARTS, isChartId, type ChartId, type FieldSpec } from '$lib/charts';

/** Longest encoded payload accepted (characters of base64url). */
export const MAX_EMBED_CHARS = 16_384;
/** Largest decompressed JSON accepted (bytes): a guard against decompression bombs. */
const MAX_JSON_BYTES = 1_000_000;
/** Most rows a payload may carry. */
const MAX_ROWS = 5_000;
/** Most distinct themes, years from first to last, and theme × year cells a chart is drawn for. */
export const EMBED_BOUNDS = { themes: 100, years: 100, cells: 5_000 };

/** Wording that travels with embedded numbers, for the source note. */
export interface EmbedMeta {
	dataset: string;
	period: string;
	filters: string[];
	fingerprint: string;
	version: string;
}

/** A chart's query rows and their provenance. */
export interface EmbedPayload {
	chart: ChartId;
	rows: Record<string, string | number>[];
	meta: EmbedMeta;
}

/**
 * What is wrong with a payload, for the reader (worded by `embedReasonText` from
 * `fig.embed.reason.<code>`); the error's `message` is the same in English, for logs.
 */
export type EmbedReason =
	| 'packed'
	| 'version'
	| 'chart'
	| 'columns'
	| 'row'
	| 'cell'
	| 'source'
	| 'themes'
	| 'years'
	| 'cells'
	| 'too-large';

/** Why a payload cannot be made or read: a kind, a reason code and its parameters. */
export class EmbedError extends Error {
	constructor(
		readonly kind: 'too-large' | 'malformed' | 'too-many',
		message: string,
		readonly size = 0,
		readonly reason: EmbedReason = 'packed',
		readonly params: Record<string, number | string> = {}
	) {
		super(message);
		this.name = 'EmbedError';
	}
}

const malformed = (
	why: string,
	reason: EmbedReason = 'packed',
	params: Record<string, number | string> = {}
) => new EmbedError('malformed', why, 0, reason, params);

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) as bytes; throws EmbedError on any other character. */
export function fromBase64Url(s: string): Uint8Array {
	if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw malformed('not base64url');
	const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
	return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: GenericTransformStream, max: number) {
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		if (total > max) {
			await reader.cancel();
			throw malformed('too much data once unpacked');
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

/** The embed text (base64url of deflated JSON) of a payload; EmbedError when over the limit. */
export async function encodeEmbed(p: EmbedPayload): Promise<string> {
	const fields = CHARTS[p.chart].fields.map((f) => f.name);
	const wire = {
		v: 1,
		c: p.chart,
		f: fields,
		r: p.rows.map((r) => fields.map((k) => r[k] ?? null)),
		m: p.meta
	};
	const json = new TextEncoder().encode(JSON.stringify(wire));
	const text = toBase64Url(await pipe(json, new CompressionStream('deflate-raw'), Infinity));
	if (text.length > MAX_EMBED_CHARS)
		throw new EmbedError(
			'too-large',
			`payload of ${text.length} characters`,
			text.length,
			'too-large'
		);
	return text;
}

function checkCell(spec: FieldSpec, v: unknown, row: number): string | number {
	const bad = (what: string) =>
		malformed(`row ${row}: ${spec.name} ${what}`, 'cell', { row, column: spec.name });
	if (spec.type === 'int') {
		if (typeof v !== 'number' || !Number.isInteger(v) || v < spec.min || v > spec.max)
			throw bad('is not a whole number in range');
		return v;
	}
	if (typeof v !== 'string') throw bad('is not text');
	if (spec.type === 'enum' && !spec.values.includes(v)) throw bad('is not a known value');
	if (spec.type === 'text' && (v.length === 0 || v.length > spec.maxLength))
		throw bad('is empty or too long');
	return v;
}

const badSource = (why: string) => malformed(why, 'source');

const str = (v: unknown, max: number, name: string) => {
	if (typeof v !== 'string' || v.length > max) throw badSource(`${name} is not short text`);
	return v;
};

function checkMeta(m: unknown): EmbedMeta {
	if (!m || typeof m !== 'object') throw badSource('no source details');
	const o = m as Record<string, unknown>;
	if (!Array.isArray(o.filters) || o.filters.length > 10) throw badSource('filters are not a list');
	if (!isFingerprint(o.fingerprint)) throw badSource('fingerprint is not valid');
	const version = str(o.version, 32, 'version');
	if (!/^[\w.+-]+$/.test(version)) throw badSource('version is not valid');
	return {
		dataset: str(o.dataset, 500, 'dataset'),
		period: str(o.period, 200, 'period'),
		filters: o.filters.map((f, i) => str(f, 300, `filter ${i + 1}`)),
		fingerprint: o.fingerprint,
		version
	};
}

/** The payload of embed text for `chart`, checked; throws EmbedError saying what is wrong. */
export async function decodeEmbed(text: string, chart: ChartId): Promise<EmbedPayload> {
	if (text.length > MAX_EMBED_CHARS)
		throw new EmbedError(
			'too-large',
			`payload of ${text.length} characters`,
			text.length,
			'too-large'
		);
	let wire: unknown;
	try {
		const bytes = await pipe(
			fromBase64Url(text),
			new DecompressionStream('deflate-raw'),
			MAX_JSON_BYTES
		);
		wire = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch (e) {
		throw e instanceof EmbedError ? e : malformed('not a packed chart');
	}
	if (!wire || typeof wire !== 'object') throw malformed('not a packed chart');
	const w = wire as Record<string, unknown>;
	if (w.v !== 1) throw malformed('unknown format version', 'version');
	if (!isChartId(w.c) || w.c !== chart) throw malformed('rows of another chart', 'chart');
	const fields = CHARTS[chart].fields;
	if (!Array.isArray(w.f) || w.f.join() !== fields.map((f) => f.name).join())
		throw malformed('unexpected columns', 'columns');
	if (!Array.isArray(w.r) || w.r.length > MAX_ROWS)
		throw malformed('rows are not a list', 'columns');
	const rows = w.r.map((r: unknown, i) => {
		if (!Array.isArray(r) || r.length !== fields.length)
			throw malformed(`row ${i + 1} has the wrong shape`, 'row', { row: i + 1 });
		return Object.fromEntries(fields.map((f, k) => [f.name, checkCell(f, r[k], i + 1)]));
	});
	checkBounds(rows);
	return { chart, rows, meta: checkMeta(w.m) };
}

/**
 * Refuse rows that would draw an unreadable (and slow) chart: too many themes, a span of years
 * too long, too many theme × year cells. The message names the count and the limit.
 */
function checkBounds(rows: Record<string, string | number>[]): void {
	const themes = new Set<unknown>();
	let [lo, hi] = [Infinity, -Infinity];
	for (const r of rows) {
		if ('theme_id' in r) themes.add(r.theme_id);
		if (typeof r.year === 'number') [lo, hi] = [Math.min(lo, r.year), Math.max(hi, r.year)];
	}
	const years = lo > hi ? 0 : hi - lo + 1;
	const b = EMBED_BOUNDS;
	const over = (what: string, reason: EmbedReason, n: number, limit: number) =>
		new EmbedError('too-many', `${n} ${what}; at most ${limit}`, n, reason, {
			n,
			limit,
			from: String(lo),
			to: String(hi)
		});
	if (themes.size > b.themes) throw over('themes', 'themes', themes.size, b.themes);
	if (years > b.years) throw over(`years (${lo}–${hi})`, 'years', years, b.years);
	const cells = themes.size * years;
	if (cells > b.cells) throw over('theme × year cells', 'cells', cells, b.cells);
}

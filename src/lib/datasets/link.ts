/**
 * What a link says about its data (pure): the dataset it was made with and that data's
 * fingerprint travel with the view's filters, so a recipient sees the same numbers or is told
 * they lack the data. `dataset=` names a published bundle (its manifest, relative to the app or
 * absolute) or `sample`; `fp=` is the dataset fingerprint.
 */
import { isFingerprint } from '$lib/db/queries/fingerprint';

/** The search params a link's data travels in. */
export const LINK_KEYS = ['dataset', 'fp'] as const;

/** What the dashboard shows: a published dataset, the analyst's uploads, or the sample. */
export type Shown =
	{ kind: 'published'; ref: string; title: string } | { kind: 'uploads' } | { kind: 'sample' };

/** What a link asks for: a dataset reference and a fingerprint, each optional. */
export interface LinkTarget {
	dataset: string | null;
	fingerprint: string | null;
}

/** The dataset reference and fingerprint in a URL's search params (a malformed fp is ignored). */
export function readLink(params: URLSearchParams): LinkTarget {
	const dataset = params.get('dataset');
	const fp = params.get('fp');
	return {
		dataset: dataset && dataset.length <= 2000 ? dataset : null,
		fingerprint: isFingerprint(fp) ? fp : null
	};
}

/**
 * The link params of what is shown: a published dataset's reference and fingerprint; the
 * uploads' fingerprint (nobody else has them); for the sample, `dataset=sample` only when the
 * site has a default dataset (otherwise the plain URL already means the sample).
 */
export function linkParams(
	shown: Shown,
	fingerprint: string,
	siteDefault: boolean
): [string, string][] {
	if (shown.kind === 'published')
		return [
			['dataset', shown.ref],
			['fp', fingerprint]
		];
	if (shown.kind === 'uploads') return [['fp', fingerprint]];
	return siteDefault ? [['dataset', 'sample']] : [];
}

/** `view`'s params after the link's data params (any earlier ones replaced). */
export function withLink(
	view: URLSearchParams,
	link: readonly [string, string][]
): URLSearchParams {
	const out = new URLSearchParams(link.map(([k, v]) => [k, v]));
	for (const [k, v] of view) if (!(LINK_KEYS as readonly string[]).includes(k)) out.append(k, v);
	return out;
}

/** True when a link made with fingerprint `wanted` would show other numbers on data `now`. */
export function linkDiffers(wanted: string | null, now: string | null): boolean {
	return wanted !== null && now !== null && wanted !== now;
}

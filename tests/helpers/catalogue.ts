/** The message catalogues (messages/<locale>.json) as plain data, for the catalogue checks. */
import { readFileSync } from 'node:fs';

/** One plural (or other variant) message in the inlang message format. */
export interface VariantMessage {
	declarations: string[];
	selectors: string[];
	match: Record<string, string>;
}

/** A catalogue: message key -> text, or variants. */
export type Catalogue = Record<string, string | VariantMessage[]>;

/** The catalogue of `locale`, without its `$schema` entry. */
export function readCatalogue(locale: string): Catalogue {
	const url = new URL(`../../messages/${locale}.json`, import.meta.url);
	const json = JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
	delete json.$schema;
	return json as Catalogue;
}

/** Every text of a message: the text itself, or each variant's. */
export function textsOf(message: string | VariantMessage[]): string[] {
	return typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));
}

/** The `{placeholder}` names a message uses, sorted and unique. */
export function placeholdersOf(message: string | VariantMessage[]): string[] {
	const names = textsOf(message).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
	return [...new Set(names)].sort();
}

/** Test input files as the loader takes them: fixtures and the bundled sample, read from disk. */
import { readFileSync } from 'node:fs';
import type { InputFile } from '../../src/lib/ingest/load';

const read = (url: URL, name: string): InputFile => ({
	name,
	bytes: new Uint8Array(readFileSync(url))
});

/** tests/fixtures/<p> (e.g. `good/themes-comma.csv`), named by its file name. */
export const fixture = (p: string): InputFile =>
	read(new URL(`../fixtures/${p}`, import.meta.url), p.split('/').pop()!);

/** data/<table>.csv of the bundled sample. */
export const sample = (table: string): InputFile =>
	read(new URL(`../../data/${table}.csv`, import.meta.url), `${table}.csv`);

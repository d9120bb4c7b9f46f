/**
 * Recognising exports: header and value normalisation and header -> contract column matching
 * (the table guess is in recognise.ts). Pure functions, no engine.
 */
import { SECTOR_ALIASES, type ContractTable, type TableName } from './contract';

/**
 * Normalise a header or enum value as the contract says: BOM stripped, trimmed, lower case, each
 * run of non-alphanumerics -> `_`, leading/trailing `_` dropped (`Meeting No.` -> `meeting_no`).
 */
export function normalizeName(raw: string): string {
	return raw
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

const SECTOR_LOOKUP: Map<string, string> = new Map(
	Object.entries(SECTOR_ALIASES).flatMap(([code, aliases]) =>
		aliases.map((a) => [normalizeName(a), code] as [string, string])
	)
);

/** Canonical sector code for an alias (`ITU-T` -> `TSB`), or null when unknown. */
export function normalizeSector(raw: string): string | null {
	return SECTOR_LOOKUP.get(normalizeName(raw)) ?? null;
}

/** Every (normalised alias -> sector code) pair, for building SQL lookup tables. */
export function sectorAliasPairs(): [string, string][] {
	return [...SECTOR_LOOKUP.entries()];
}

/** How one contract column was found in a file's header. */
export interface ColumnMatch {
	column: string;
	/** Index of the file column, or -1 when absent. */
	index: number;
	/** The header as written in the file. */
	header: string | null;
	how: 'exact' | 'synonym' | 'manual' | 'missing';
}

/** The mapping of a file's header onto one contract table. */
export interface HeaderMapping {
	table: TableName;
	matches: ColumnMatch[];
	/** Required contract columns not found. */
	missing: string[];
	/** File columns that match no contract column: kept under their normalised name. */
	extras: { index: number; header: string; name: string }[];
}

/**
 * Map a header row onto a contract table: exact normalised name first, then synonyms, each file
 * column used once. `manual` (contract column -> file column index) overrides the guess.
 */
export function matchHeaders(
	headers: string[],
	table: ContractTable,
	manual: Record<string, number> = {}
): HeaderMapping {
	const norm = headers.map(normalizeName);
	const used = new Set<number>(Object.values(manual).filter((i) => i >= 0));
	const matches: ColumnMatch[] = table.columns.map((c) => {
		if (c.name in manual) {
			const index = manual[c.name] ?? -1;
			return {
				column: c.name,
				index,
				header: index >= 0 ? (headers[index] ?? null) : null,
				how: index >= 0 ? 'manual' : 'missing'
			};
		}
		return { column: c.name, index: -1, header: null, how: 'missing' };
	});
	// Exact names win over synonyms everywhere, so `id` in outcomes never steals `outcome_id`.
	for (const pass of ['exact', 'synonym'] as const) {
		table.columns.forEach((c, ci) => {
			const m = matches[ci]!;
			if (m.how !== 'missing' || c.name in manual) return;
			const names = pass === 'exact' ? [c.name] : c.synonyms.map(normalizeName);
			const idx = norm.findIndex((h, i) => !used.has(i) && names.includes(h));
			if (idx >= 0) {
				used.add(idx);
				Object.assign(m, { index: idx, header: headers[idx] ?? null, how: pass });
			}
		});
	}
	const missing = table.columns
		.filter((c, i) => c.required && matches[i]!.index < 0)
		.map((c) => c.name);
	const taken = new Set(table.columns.map((c) => c.name));
	const extras = headers
		.map((header, index) => ({ index, header, name: extraColumnName(norm[index]!, index) }))
		.filter((e) => !used.has(e.index))
		.map((e) => {
			// An extra named like a contract column (after the match chose another) gets a suffix.
			let name = e.name;
			while (taken.has(name)) name = `${name}_extra`;
			taken.add(name);
			return { ...e, name };
		});
	return { table: table.name, matches, missing, extras };
}

function extraColumnName(norm: string, index: number): string {
	const base = norm === '' ? `column_${index + 1}` : norm;
	return /^[0-9]/.test(base) ? `c_${base}` : base;
}

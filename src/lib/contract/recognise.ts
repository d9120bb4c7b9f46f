/**
 * Which contract table a file holds, decided so that a file cannot land in a table it does not
 * fit: a table fits when the header covers all its required columns and carries no other
 * table's key. One fitting table is the answer; two make the analyst choose; none refuses the
 * file, naming the table it most resembles. Pure functions, no engine; codes, not sentences.
 */
import { CONTRACT, type TableName } from './contract';
import { matchHeaders, normalizeName, type HeaderMapping } from './match';

/** Why a file has the table it has, or why it has none (the UI words it). */
export type Recognition =
	| { code: 'fits' }
	/** No table fits; `table` is the one it most resembles (null: none does). */
	| { code: 'misfit'; table: TableName | null; missing: string[]; foreign: string[] }
	/** Several tables fit and the file name does not say which. */
	| { code: 'ambiguous'; tables: TableName[] };

/** A table guess for a file: the table it goes into (only when exactly one fits) and why. */
export interface TableGuess {
	table: TableName | null;
	/** The mapping onto `table`, else onto the table it most resembles (for the mapping panel). */
	mapping: HeaderMapping | null;
	/** The table it most resembles (= `table` when it fits). */
	resembles: TableName | null;
	recognition: Recognition;
	/** Every table's resemblance, best first (for the "change table" choice). */
	scores: { table: TableName; score: number; missing: string[]; foreign: string[] }[];
}

const KEYS = CONTRACT.filter((t) => t.key !== '').map((t) => t.key);

/** Other tables' keys (exact names) that the header carries and `mapping` leaves unused. */
function foreignKeys(norm: string[], mapping: HeaderMapping): string[] {
	const own = new Set(mapping.matches.map((m) => m.column));
	const used = new Set(mapping.matches.map((m) => m.index));
	return KEYS.filter((k) => !own.has(k) && norm.some((h, i) => h === k && !used.has(i)));
}

/**
 * Decide a file's table from its header, with its file name as a hint (`outcomes_2022.csv`)
 * that only chooses between tables that both fit. Resemblance (for a refusal's "looks like"):
 * share of required and of all columns found, plus the table's own key present, minus two per
 * other table's key carried; a table resembles at all only with half its required columns and
 * at least two columns found.
 */
export function guessTable(headers: string[], fileName = ''): TableGuess {
	const norm = headers.map(normalizeName);
	const stem = normalizeName(fileName.replace(/\.[^.]*$/, ''));
	const scored = CONTRACT.map((t) => {
		const mapping = matchHeaders(headers, t);
		const found = mapping.matches.filter((m) => m.index >= 0);
		const required = t.columns.filter((c) => c.required).length;
		const requiredFound = required - mapping.missing.length;
		const exact = found.filter((m) => m.how === 'exact').length;
		const foreign = foreignKeys(norm, mapping);
		const named = stem.includes(t.name) || stem.includes(t.name.replace(/s$/, ''));
		const ownKey = t.key !== '' && norm.includes(t.key) ? 0.5 : 0;
		const score =
			requiredFound / required +
			found.length / t.columns.length +
			exact * 0.01 +
			(named ? 0.5 : 0) +
			ownKey -
			2 * foreign.length;
		const resembles = requiredFound * 2 >= required && requiredFound > 0 && found.length >= 2;
		const fits = mapping.missing.length === 0 && foreign.length === 0 && found.length >= 2;
		return { t, mapping, score, foreign, named, resembles, fits };
	}).sort((a, b) => b.score - a.score);
	const scores = scored.map((s) => ({
		table: s.t.name,
		score: s.score,
		missing: s.mapping.missing,
		foreign: s.foreign
	}));
	const fitting = scored.filter((s) => s.fits);
	const named = fitting.filter((s) => s.named);
	const chosen = fitting.length === 1 ? fitting[0] : named.length === 1 ? named[0] : undefined;
	if (chosen) {
		const table = chosen.t.name;
		return {
			table,
			mapping: chosen.mapping,
			resembles: table,
			recognition: { code: 'fits' },
			scores
		};
	}
	if (fitting.length > 1) {
		const tables = fitting.map((s) => s.t.name);
		return {
			table: null,
			mapping: null,
			resembles: null,
			recognition: { code: 'ambiguous', tables },
			scores
		};
	}
	const near = scored.find((s) => s.resembles);
	return {
		table: null,
		mapping: near?.mapping ?? null,
		resembles: near?.t.name ?? null,
		recognition: {
			code: 'misfit',
			table: near?.t.name ?? null,
			missing: near?.mapping.missing ?? [],
			foreign: near?.foreign ?? []
		},
		scores
	};
}

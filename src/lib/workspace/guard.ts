/**
 * The workspace guard: the first of two locks that keep the analyst from breaking the dashboard's
 * dataset by accident (the second is the read-only transaction every statement runs in, see
 * run.ts). It reads each statement's leading keywords with the tokenizer (never a regex over raw
 * text, so words in strings, comments and quoted identifiers do not count) and refuses, with a
 * code saying why (refusal-text.ts words it), statements that would change the loaded tables or
 * the shared engine.
 * Rules and rationale: docs/workspace.md.
 */
import {
	tempCopyExampleSql,
	tempObjectExampleSql,
	UPDATE_EXTENSIONS_SQL
} from '$lib/db/queries/workspace';
import { splitStatements, type Token } from './tokenize';

/** The dashboard's live tables and its provenance table. */
export const LIVE_TABLES = ['meetings', 'themes', 'outcomes', 'attendance', '_dataset'] as const;

/** True for a name the dashboard owns: a live table, an internal `_` table, a loader's `stg_` one. */
export function isProtectedName(name: string): boolean {
	const n = name.toLowerCase();
	return (
		(LIVE_TABLES as readonly string[]).includes(n) || n.startsWith('_') || n.startsWith('stg_')
	);
}

/** The guard's answer for a whole script: every statement allowed, or the first one refused. */
export type GuardVerdict =
	| { ok: true; statements: string[] }
	| { ok: false; index: number; total: number; statement: string; refusal: Refusal };

/** Statements that only read (DuckDB also runs them in a read-only transaction). */
const READ = new Set([
	'SELECT',
	'FROM',
	'VALUES',
	'TABLE',
	'DESCRIBE',
	'DESC',
	'SHOW',
	'SUMMARIZE',
	'PIVOT',
	'PIVOT_WIDER',
	'PIVOT_LONGER',
	'UNPIVOT'
]);

/** Statements that change the analyst's own (TEMP) objects; their target is checked. */
const OWN_WRITES = new Set([
	'CREATE',
	'DROP',
	'ALTER',
	'INSERT',
	'UPDATE',
	'DELETE',
	'TRUNCATE',
	'MERGE',
	'COMMENT'
]);

/** Why a well-known statement about the engine or the session is refused (`ws.refused.reason.*`). */
export type ControlReason =
	| 'settings'
	| 'procedures'
	| 'attach'
	| 'detach'
	| 'use'
	| 'install'
	| 'load'
	| 'force'
	| 'checkpoint'
	| 'vacuum'
	| 'copy'
	| 'export'
	| 'import'
	| 'transactions'
	| 'prepare'
	| 'execute'
	| 'deallocate'
	| 'updateExtensions';

/** Well-known statements about the engine or the session, refused with a reason (the rest: unknown). */
const CONTROL: Record<string, ControlReason> = {
	SET: 'settings',
	RESET: 'settings',
	PRAGMA: 'settings',
	CALL: 'procedures',
	ATTACH: 'attach',
	DETACH: 'detach',
	USE: 'use',
	INSTALL: 'install',
	LOAD: 'load',
	FORCE: 'force',
	CHECKPOINT: 'checkpoint',
	VACUUM: 'vacuum',
	COPY: 'copy',
	EXPORT: 'export',
	IMPORT: 'import',
	BEGIN: 'transactions',
	START: 'transactions',
	COMMIT: 'transactions',
	END: 'transactions',
	ROLLBACK: 'transactions',
	ABORT: 'transactions',
	PREPARE: 'prepare',
	EXECUTE: 'execute',
	DEALLOCATE: 'deallocate'
};

/** The statements the workspace runs, named in the refusal of anything else (`{reads}`). */
const READ_LIST =
	'SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN, PIVOT, UNPIVOT';

/**
 * Why one statement is refused, as a code and parameters the interface words
 * (`ws.refused.<code>`, refusal-text.ts). `statement` names the statement (`DROP TABLE`) and, like
 * `table` and `example`, is SQL that stays SQL in every language.
 */
export type Refusal =
	| { code: 'control'; params: { statement: string; reason: ControlReason } }
	| { code: 'unknown'; params: { statement: string; reads: string } }
	| { code: 'noVerb'; params: { reads: string } }
	| { code: 'cannotTell'; params: { statement: string } }
	| { code: 'hidesTable'; params: { statement: string; table: string } }
	| { code: 'ownTable'; params: { statement: string; table: string; example: string } }
	| { code: 'addsToDatabase'; params: { statement: string; example: string } };

const unknown = (statement: string): Refusal => ({
	code: 'unknown',
	params: { statement, reads: READ_LIST }
});

/** Object kinds the analyst may create as TEMP objects (or drop and alter once created). */
const OWN_KINDS = new Set(['TABLE', 'VIEW', 'MACRO', 'FUNCTION', 'SEQUENCE']);

const isWord = (t: Token | undefined, ...words: string[]) =>
	t?.kind === 'word' && (words.length === 0 || words.includes(t.value));

/** A qualified name starting at `i` (`a`, `"a"`, `s.a`, `db.s.a`): its parts and end index. */
function readName(tokens: Token[], i: number): { parts: string[]; next: number } | null {
	const parts: string[] = [];
	let j = i;
	for (;;) {
		const t = tokens[j];
		if (!t || (t.kind !== 'word' && t.kind !== 'quoted'))
			return parts.length ? { parts, next: j } : null;
		parts.push(t.kind === 'word' ? t.value.toLowerCase() : t.value);
		j++;
		if (tokens[j]?.kind === 'punct' && tokens[j]!.value === '.') j++;
		else return { parts, next: j };
	}
}

/** True when a qualified name lives in the temp catalog (`temp.x`, `temp.main.x`). */
const isTempQualified = (parts: string[]) =>
	parts.length > 1 && ['temp', 'temporary'].includes(parts[0]!.toLowerCase());

/** Index of the statement verb after `WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (…), …`. */
function skipWith(tokens: Token[], i: number): number {
	let j = i + 1;
	if (isWord(tokens[j], 'RECURSIVE')) j++;
	const skipParens = (k: number) => {
		let depth = 0;
		do {
			const t = tokens[k];
			if (!t) return k;
			if (t.kind === 'punct' && t.value === '(') depth++;
			if (t.kind === 'punct' && t.value === ')') depth--;
			k++;
		} while (depth > 0);
		return k;
	};
	for (;;) {
		if (!tokens[j] || (tokens[j]!.kind !== 'word' && tokens[j]!.kind !== 'quoted')) return j;
		j++;
		if (tokens[j]?.value === '(') j = skipParens(j);
		if (!isWord(tokens[j], 'AS')) return j;
		j++;
		while (isWord(tokens[j], 'NOT', 'MATERIALIZED')) j++;
		if (tokens[j]?.value === '(') j = skipParens(j);
		if (tokens[j]?.value === ',') j++;
		else return j;
	}
}

/** The index of the verb after leading parentheses, `EXPLAIN [ANALYZE] [(…)]` and `WITH …`. */
function verbIndex(tokens: Token[]): { i: number; parens: boolean } {
	let i = 0;
	while (tokens[i]?.kind === 'punct' && tokens[i]!.value === '(') i++;
	const parens = i > 0;
	// EXPLAIN ANALYZE executes its statement: judge the statement, not the EXPLAIN.
	while (isWord(tokens[i], 'EXPLAIN')) {
		i++;
		if (isWord(tokens[i], 'ANALYZE', 'ANALYSE')) i++;
		if (tokens[i]?.value === '(') while (tokens[i] && tokens[i]!.value !== ')') i++;
		if (tokens[i]?.value === ')') i++;
	}
	if (isWord(tokens[i], 'WITH')) i = skipWith(tokens, i);
	return { i, parens };
}

/**
 * Why one statement is refused, or null when it may run. An allowlist: reading statements, and
 * changes to the analyst's own TEMP objects; anything else, known or not, is refused.
 */
export function refusalReason(tokens: Token[]): Refusal | null {
	const { i, parens } = verbIndex(tokens);
	const verb = tokens[i];
	if (!verb) return { code: 'noVerb', params: { reads: READ_LIST } };
	if (verb.kind !== 'word')
		return unknown(`"${verb.kind === 'quoted' ? verb.value : verb.value.trim()}"`);
	const v = verb.value;
	if (READ.has(v)) return null;
	if (v === 'UPDATE' && isWord(tokens[i + 1], 'EXTENSIONS'))
		return {
			code: 'control',
			params: { statement: UPDATE_EXTENSIONS_SQL, reason: 'updateExtensions' }
		};
	if (v in CONTROL) return { code: 'control', params: { statement: v, reason: CONTROL[v]! } };
	if (!OWN_WRITES.has(v) || parens) return unknown(v);
	return refuseWrite(tokens, i);
}

/** Judge a change by its verb, object kind and target; null when the target is the analyst's. */
function refuseWrite(tokens: Token[], i: number): Refusal | null {
	const v = tokens[i]!.value;
	let j = i + 1;
	let temp = false;
	let kind = '';
	if (v === 'INSERT' || v === 'MERGE') {
		if (isWord(tokens[j], 'OR')) j += 2;
		if (isWord(tokens[j], 'INTO')) j++;
	} else if (v === 'DELETE') {
		if (isWord(tokens[j], 'FROM')) j++;
	} else if (v === 'TRUNCATE') {
		if (isWord(tokens[j], 'TABLE')) j++;
	} else if (v === 'COMMENT') {
		if (isWord(tokens[j], 'ON')) j++;
		kind = tokens[j]?.kind === 'word' ? tokens[j++]!.value : '';
	} else if (v === 'CREATE' || v === 'DROP' || v === 'ALTER') {
		if (isWord(tokens[j], 'OR') && isWord(tokens[j + 1], 'REPLACE')) j += 2;
		while (isWord(tokens[j], 'TEMP', 'TEMPORARY')) {
			temp = true;
			j++;
		}
		if (isWord(tokens[j], 'MACRO') && isWord(tokens[j + 1], 'TABLE')) j++;
		kind = tokens[j]?.kind === 'word' ? tokens[j++]!.value : '';
		if (isWord(tokens[j], 'IF')) j += isWord(tokens[j + 1], 'NOT') ? 3 : 2;
	}
	const label = `${v}${kind ? ` ${kind}` : ''}`;
	if ((v === 'CREATE' || v === 'DROP' || v === 'ALTER' || v === 'COMMENT') && !OWN_KINDS.has(kind))
		return unknown(label);
	const names = targetNames(tokens, j, v);
	if (names.length === 0) return { code: 'cannotTell', params: { statement: label } };
	const hit = names.findIndex((n) => isProtectedName(n[n.length - 1]!));
	if (hit >= 0) {
		const table = names[hit]![names[hit]!.length - 1]!;
		if (v === 'CREATE' || (v === 'ALTER' && hit > 0))
			return { code: 'hidesTable', params: { statement: label, table } };
		const example = tempCopyExampleSql(table);
		return { code: 'ownTable', params: { statement: label, table, example } };
	}
	const first = names[0]!;
	if (v === 'CREATE' && !temp && !isTempQualified(first))
		return {
			code: 'addsToDatabase',
			params: { statement: label, example: tempObjectExampleSql(kind) }
		};
	return null;
}

/** The names a write statement targets: DROP's comma list, or one name plus ALTER's RENAME TO. */
function targetNames(tokens: Token[], j: number, verb: string): string[][] {
	const names: string[][] = [];
	let name = readName(tokens, j);
	while (name) {
		names.push(name.parts);
		if (verb !== 'DROP' || tokens[name.next]?.value !== ',') break;
		name = readName(tokens, name.next + 1);
	}
	if (verb === 'ALTER') {
		const k = tokens.findIndex(
			(t, n) => n > j && isWord(t, 'RENAME') && isWord(tokens[n + 1], 'TO')
		);
		const renamed = k > 0 ? readName(tokens, k + 2) : null;
		if (renamed) names.push(renamed.parts);
	}
	return names;
}

/** Check a script: split it into statements and refuse it whole if any statement is refused. */
export function checkWorkspaceSql(sql: string): GuardVerdict {
	const statements = splitStatements(sql);
	for (const [index, s] of statements.entries()) {
		const refusal = refusalReason(s.tokens);
		if (refusal) return { ok: false, index, total: statements.length, statement: s.text, refusal };
	}
	return { ok: true, statements: statements.map((s) => s.text) };
}

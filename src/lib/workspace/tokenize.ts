/**
 * A small SQL tokenizer for DuckDB's dialect, enough to split statements and read their leading
 * keywords: it skips comments (`--`, nested `/* *\/`), string literals (`'it''s'`, `E'\''`,
 * `$tag$…$tag$`) and quoted identifiers (`"a""b"`) so words inside them are never mistaken for
 * keywords. Not a parser: DuckDB still parses what the guard lets through.
 */

/** What a token is. Comments and whitespace produce no token. */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';

/** A token: `value` is the upper-cased word, the unescaped identifier, or the raw text. */
export interface Token {
	kind: TokenKind;
	value: string;
	/** Offsets into the source text, end exclusive. */
	start: number;
	end: number;
}

/** One statement of a script: its source text (comments inside kept) and its tokens. */
export interface Statement {
	text: string;
	tokens: Token[];
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

/** End (exclusive) of a quoted run opening at `i` with `q`, where a doubled `q` escapes it. */
function endOfQuoted(sql: string, i: number, q: string, backslash = false): number {
	let j = i + 1;
	while (j < sql.length) {
		const c = sql[j];
		if (backslash && c === '\\') j += 2;
		else if (c === q && sql[j + 1] === q) j += 2;
		else if (c === q) return j + 1;
		else j++;
	}
	return sql.length;
}

/** End (exclusive) of a block comment opening at `i`; DuckDB (like Postgres) nests them. */
function endOfBlockComment(sql: string, i: number): number {
	let depth = 0;
	let j = i;
	while (j < sql.length) {
		if (sql.startsWith('/*', j)) {
			depth++;
			j += 2;
		} else if (sql.startsWith('*/', j)) {
			depth--;
			j += 2;
			if (depth === 0) return j;
		} else j++;
	}
	return sql.length;
}

/** Tokens of `sql`, comments and whitespace dropped; unterminated quotes run to the end. */
export function tokenizeSql(sql: string): Token[] {
	const out: Token[] = [];
	let i = 0;
	const push = (kind: TokenKind, end: number, value = sql.slice(i, end)) => {
		out.push({ kind, value, start: i, end });
		i = end;
	};
	while (i < sql.length) {
		const c = sql[i]!;
		if (/\s/.test(c)) i++;
		else if (sql.startsWith('--', i)) {
			const nl = sql.indexOf('\n', i);
			i = nl === -1 ? sql.length : nl + 1;
		} else if (sql.startsWith('/*', i)) i = endOfBlockComment(sql, i);
		else if (c === "'") push('string', endOfQuoted(sql, i, "'"));
		else if ((c === 'e' || c === 'E') && sql[i + 1] === "'")
			push('string', endOfQuoted(sql, i + 1, "'", true));
		else if (c === '"') {
			const end = endOfQuoted(sql, i, '"');
			push('quoted', end, sql.slice(i + 1, end - 1).replace(/""/g, '"'));
		} else if (c === '$') {
			DOLLAR_TAG.lastIndex = i;
			const tag = DOLLAR_TAG.exec(sql);
			if (tag) {
				const close = sql.indexOf(tag[0], i + tag[0].length);
				push('string', close === -1 ? sql.length : close + tag[0].length);
			} else {
				let j = i + 1;
				while (j < sql.length && WORD_PART.test(sql[j]!)) j++;
				push('param', j);
			}
		} else if (WORD_START.test(c)) {
			let j = i + 1;
			while (j < sql.length && WORD_PART.test(sql[j]!)) j++;
			push('word', j, sql.slice(i, j).toUpperCase());
		} else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
			let j = i + 1;
			while (j < sql.length && /[0-9a-zA-Z_.]/.test(sql[j]!)) j++;
			push('number', j);
		} else push('punct', i + 1);
	}
	return out;
}

/** The statements of a script, split at `;` outside strings and comments; empty ones dropped. */
export function splitStatements(sql: string): Statement[] {
	const statements: Statement[] = [];
	let current: Token[] = [];
	const flush = () => {
		if (current.length === 0) return;
		const text = sql.slice(current[0]!.start, current[current.length - 1]!.end);
		statements.push({ text, tokens: current });
		current = [];
	};
	for (const tok of tokenizeSql(sql)) {
		if (tok.kind === 'punct' && tok.value === ';') flush();
		else current.push(tok);
	}
	flush();
	return statements;
}

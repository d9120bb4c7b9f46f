/**
 * A small SQL tokenizer for DuckDB's dialect, enough to split statements and read their leading
 * keywords: it skips comments (`--`, nested `/* *\/`), string literals (`'it''s'`, `E'\''`,
 * `$tag$…$tag$`) and quoted identifiers (`"a""b"`) so words inside them are never mistaken for
 * keywords. Not a parser: DuckDB still parses what the guard lets through.
 *
 * Whitespace is exactly what DuckDB 1.4's parser reads as space, measured on the engine (every
 * code point tried before and after a verb, tests/unit/workspace-guard.spec.ts): ASCII tab, LF,
 * FF, CR, space (not VT), and U+00A0, U+2000–U+200B, U+202F, U+205F, U+2060, U+3000, U+FEFF. Any
 * other character is part of a word or a punctuation token, so an invisible character can never
 * hide a verb from the guard while DuckDB still sees it.
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

/** The characters DuckDB's parser treats as whitespace (see the file comment). */
export const SQL_SPACES =
	'\t\n\f\r \u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u2060\u3000\ufeff';

const SPACE = new RegExp(`[${SQL_SPACES}]`);
const NON_ASCII = `\\u0080-\\uffff`;
const WORD_START = new RegExp(`(?![${SQL_SPACES}])[A-Za-z_${NON_ASCII}]`);
const WORD_PART = new RegExp(`(?![${SQL_SPACES}])[A-Za-z0-9_$${NON_ASCII}]`);
const DOLLAR_TAG = new RegExp(
	`\\$((?![${SQL_SPACES}])[A-Za-z_${NON_ASCII}](?:(?![${SQL_SPACES}])[A-Za-z0-9_${NON_ASCII}])*)?\\$`,
	'y'
);

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

/** End (exclusive) of a `--` comment: DuckDB ends it at LF or CR, which stay outside it. */
function endOfLineComment(sql: string, i: number): number {
	let j = i + 2;
	while (j < sql.length && sql[j] !== '\n' && sql[j] !== '\r') j++;
	return j;
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
		if (SPACE.test(c)) i++;
		else if (sql.startsWith('--', i)) i = endOfLineComment(sql, i);
		else if (sql.startsWith('/*', i)) i = endOfBlockComment(sql, i);
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

/**
 * The text DuckDB is given for `tokens` of `sql`: the tokens as written, and between them only
 * ASCII layout (comments and Unicode spaces become one space, line breaks are kept because they
 * join adjacent string literals). DuckDB then parses exactly the tokens the guard read.
 */
function canonicalText(sql: string, tokens: Token[]): string {
	let text = '';
	for (const [k, tok] of tokens.entries()) {
		if (k > 0) {
			const gap = sql.slice(tokens[k - 1]!.end, tok.start);
			const layout = gap.replace(/[^\n]/g, '');
			text += layout || (gap ? ' ' : '');
		}
		text += sql.slice(tok.start, tok.end);
	}
	return text;
}

/**
 * The statements of a script, split at `;` outside strings and comments; empty ones dropped. Each
 * statement's text is canonical (comments and Unicode spaces between tokens replaced).
 */
export function splitStatements(sql: string): Statement[] {
	const statements: Statement[] = [];
	let current: Token[] = [];
	const flush = () => {
		if (current.length === 0) return;
		statements.push({ text: canonicalText(sql, current), tokens: current });
		current = [];
	};
	for (const tok of tokenizeSql(sql)) {
		if (tok.kind === 'punct' && tok.value === ';') flush();
		else current.push(tok);
	}
	flush();
	return statements;
}

/** SQL text helpers: every identifier and literal built from user data passes through here. */

/** Quote an identifier for DuckDB (`a"b` -> `"a""b"`). */
export function ident(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

/** Quote a string literal for DuckDB (`it's` -> `'it''s'`); NUL bytes are dropped. */
export function literal(value: string): string {
	return `'${value.replace(/\0/g, '').replace(/'/g, "''")}'`;
}

/** A list literal of strings: `['a', 'b']`. */
export function listLiteral(values: readonly string[]): string {
	return `[${values.map(literal).join(', ')}]`;
}

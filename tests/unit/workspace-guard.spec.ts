import { beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/lib/db/rows';
import { localeState } from '../../src/lib/i18n';
import type { SqlConnection } from '../../src/lib/db/types';
import { checkWorkspaceSql, isProtectedName } from '../../src/lib/workspace/guard';
import { refusalText } from '../../src/lib/workspace/refusal-text';
import { SQL_SPACES, splitStatements, tokenizeSql } from '../../src/lib/workspace/tokenize';
import { openNodeEngine } from '../helpers/node-engine';

const allowed = (sql: string) => checkWorkspaceSql(sql).ok;
/** The refusal as the reader sees it (English in unit tests), or null when allowed. */
const message = (sql: string) => {
	const v = checkWorkspaceSql(sql);
	return v.ok ? null : refusalText(v);
};
/** The refusal's code (`control/<reason>` for engine and session control), or null. */
const refusalCode = (sql: string) => {
	const v = checkWorkspaceSql(sql);
	if (v.ok) return null;
	const { code, params } = v.refusal;
	return code === 'control' ? `control/${params.reason}` : code;
};

describe('tokenizer', () => {
	test('words inside strings, comments and quoted identifiers are not keywords', () => {
		const words = tokenizeSql(
			`SELECT 'DROP TABLE x' AS "DELETE", -- DROP outcomes\n/* UPDATE /* nested */ still */ $$DROP$$, $t$ DELETE $t$, E'it\\'s DROP' FROM t`
		)
			.filter((t) => t.kind === 'word')
			.map((t) => t.value);
		expect(words).toEqual(['SELECT', 'AS', 'FROM', 'T']);
	});

	test('a doubled quote stays inside its string or identifier', () => {
		const toks = tokenizeSql(`SELECT 'it''s; DROP', "a""b;c"`);
		expect(toks.map((t) => t.kind)).toEqual(['word', 'string', 'punct', 'quoted']);
		expect(toks[3]!.value).toBe('a"b;c');
	});

	test('statements split at semicolons outside strings and comments; empty ones dropped', () => {
		const parts = splitStatements(`SELECT ';' AS a; -- one; two\n;; SELECT "x;y" FROM t /* ; */;`);
		expect(parts.map((s) => s.text)).toEqual([`SELECT ';' AS a`, `SELECT "x;y" FROM t`]);
	});

	test('positional and named parameters are not dollar quotes', () => {
		expect(tokenizeSql('SELECT $1, $name').map((t) => t.kind)).toEqual([
			'word',
			'param',
			'punct',
			'param'
		]);
	});
});

describe('the guard lets reading through', () => {
	test.each([
		'SELECT * FROM outcomes',
		'select count(*) from meetings',
		'FROM outcomes WHERE status = $$completed$$',
		'WITH recent AS (SELECT * FROM outcomes) SELECT * FROM recent',
		'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r',
		'DESCRIBE outcomes',
		'SUMMARIZE meetings',
		'SHOW TABLES',
		'VALUES (1), (2)',
		'(SELECT 1) UNION (SELECT 2)',
		'EXPLAIN SELECT * FROM outcomes',
		'PIVOT outcomes ON status USING count(*)',
		`SELECT replace(title, 'a', 'b') AS "update", 'DROP TABLE outcomes' FROM outcomes`,
		'-- DROP TABLE outcomes\nSELECT 1',
		'/* DELETE FROM outcomes; */ SELECT 1',
		'SELECT * FROM "outcomes" WHERE title = \'; DROP TABLE outcomes; --\''
	])('%s', (sql) => expect(checkWorkspaceSql(sql)).toMatchObject({ ok: true }));

	test('a statement the guard does not know is refused, saying what the workspace runs', () => {
		expect(checkWorkspaceSql('SELEC 1')).toMatchObject({
			ok: false,
			refusal: { code: 'unknown', params: { statement: 'SELEC' } }
		});
		expect(message('SELEC 1')).toMatch(/^SELEC is refused: the workspace runs reading statements/);
		expect(message('SELEC 1')).toContain('(SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW,');
	});

	test('a script is returned as its statements, comments between them dropped', () => {
		expect(checkWorkspaceSql('SELECT 1; -- note\nSELECT 2;')).toEqual({
			ok: true,
			statements: ['SELECT 1', 'SELECT 2']
		});
	});
});

describe('the guard refuses changes to the loaded tables', () => {
	test.each([
		['DROP TABLE outcomes', 'ownTable', 'DROP TABLE is refused'],
		['drop table if exists Meetings', 'ownTable', '"meetings"'],
		['DROP TABLE "outcomes"', 'ownTable', '"outcomes"'],
		['DROP TABLE "OUTCOMES"', 'ownTable', '"OUTCOMES"'],
		['DROP TABLE main.outcomes', 'ownTable', '"outcomes"'],
		['DROP TABLE memory.main."themes"', 'ownTable', '"themes"'],
		['DROP TABLE my_copy, attendance', 'ownTable', '"attendance"'],
		['DROP VIEW outcomes', 'ownTable', '"outcomes"'],
		['DELETE FROM outcomes WHERE 1 = 1', 'ownTable', 'DELETE is refused'],
		['dElEtE fRoM outcomes', 'ownTable', 'DELETE'],
		["UPDATE outcomes SET status = 'completed'", 'ownTable', 'UPDATE is refused'],
		['INSERT INTO meetings SELECT * FROM meetings', 'ownTable', 'INSERT'],
		['INSERT OR REPLACE INTO _dataset VALUES (1)', 'ownTable', '"_dataset"'],
		['TRUNCATE outcomes', 'ownTable', 'TRUNCATE'],
		['TRUNCATE TABLE outcomes', 'ownTable', 'TRUNCATE'],
		['ALTER TABLE outcomes ADD COLUMN x INTEGER', 'ownTable', 'ALTER TABLE'],
		['ALTER TABLE outcomes RENAME COLUMN title TO name', 'ownTable', 'would change'],
		['CREATE OR REPLACE TABLE outcomes AS SELECT 1', 'hidesTable', 'CREATE TABLE "outcomes"'],
		['CREATE TEMP TABLE outcomes AS SELECT 1', 'hidesTable', 'hide'],
		['CREATE TEMP TABLE temp.meetings AS SELECT 1', 'hidesTable', '"meetings" is refused'],
		['CREATE TABLE temp.main.meetings AS SELECT 1', 'hidesTable', 'hide'],
		['CREATE TEMP VIEW "Themes" AS SELECT 1', 'hidesTable', 'hide'],
		['CREATE TEMP TABLE memory.main.attendance AS SELECT 1', 'hidesTable', 'hide'],
		['CREATE OR REPLACE TEMP MACRO TABLE temp.outcomes() AS SELECT 1', 'hidesTable', 'hide'],
		['ALTER TABLE temp.mine RENAME TO "meetings"', 'hidesTable', 'hide'],
		['DROP TABLE temp.outcomes', 'ownTable', '"outcomes"'],
		['ALTER TABLE mine RENAME TO outcomes', 'hidesTable', 'hide'],
		['COMMENT ON TABLE outcomes IS $$x$$', 'ownTable', 'COMMENT'],
		['MERGE INTO outcomes USING x ON true WHEN MATCHED THEN DELETE', 'ownTable', 'MERGE'],
		['WITH x AS (SELECT 1) DELETE FROM outcomes', 'ownTable', 'DELETE'],
		['EXPLAIN ANALYZE DELETE FROM outcomes', 'ownTable', 'DELETE'],
		['DROP TABLE stg_3_outcomes', 'ownTable', '"stg_3_outcomes"'],
		['DROP SCHEMA main CASCADE', 'unknown', 'DROP SCHEMA is refused'],
		['CREATE TABLE copy AS FROM outcomes', 'addsToDatabase', 'Create TEMP objects'],
		['CREATE OR REPLACE VIEW v AS FROM outcomes', 'addsToDatabase', 'CREATE VIEW is refused'],
		['CREATE MACRO m(x) AS x', 'addsToDatabase', 'CREATE MACRO is refused']
	])('%s', (sql, code, expected) => {
		expect(refusalCode(sql)).toBe(code);
		expect(message(sql)).toContain(expected);
	});

	test('the refusal says how to experiment instead', () => {
		expect(checkWorkspaceSql('DELETE FROM outcomes')).toMatchObject({
			ok: false,
			refusal: {
				code: 'ownTable',
				params: {
					statement: 'DELETE',
					table: 'outcomes',
					example: 'CREATE TEMP TABLE my_outcomes AS FROM outcomes;'
				}
			}
		});
		expect(message('DELETE FROM outcomes')).toBe(
			'DELETE is refused: it would change the dashboard’s table "outcomes". The loaded tables are read-only here; to experiment, copy one first: CREATE TEMP TABLE my_outcomes AS FROM outcomes;'
		);
		expect(message('DROP TABLE _dataset')).toContain(
			'CREATE TEMP TABLE my_dataset AS FROM _dataset;'
		);
	});

	test('a refusal is worded in the reader’s language; its SQL stays SQL', () => {
		const v = checkWorkspaceSql('SET threads = 1');
		expect(v).toMatchObject({
			ok: false,
			refusal: { code: 'control', params: { statement: 'SET', reason: 'settings' } }
		});
		expect(message('SET threads = 1')).toBe(
			'SET is refused: it changes settings the dashboard shares.'
		);
		localeState.current = 'fr';
		try {
			expect(message('SET threads = 1')).toBe(
				'SET est refusé : cette instruction modifie des paramètres que partage le tableau de bord.'
			);
			expect(message('DELETE FROM outcomes')).toContain(
				'CREATE TEMP TABLE my_outcomes AS FROM outcomes;'
			);
		} finally {
			localeState.current = 'en';
		}
	});
});

describe('the guard refuses engine and session control', () => {
	test.each([
		['SET threads = 1', 'control/settings', 'SET is refused'],
		["SET GLOBAL memory_limit = '1MB'", 'control/settings', 'SET'],
		['RESET threads', 'control/settings', 'RESET'],
		['PRAGMA enable_profiling', 'control/settings', 'PRAGMA'],
		["ATTACH ':memory:' AS other", 'control/attach', 'ATTACH'],
		['DETACH other', 'control/detach', 'DETACH'],
		['INSTALL httpfs', 'control/install', 'INSTALL'],
		['LOAD httpfs', 'control/load', 'LOAD'],
		['UPDATE EXTENSIONS', 'control/updateExtensions', 'UPDATE EXTENSIONS'],
		["COPY outcomes FROM 'x.csv'", 'control/copy', 'COPY'],
		["COPY (SELECT 1) TO 'x.csv'", 'control/copy', 'COPY'],
		["EXPORT DATABASE 'dir'", 'control/export', 'EXPORT'],
		['BEGIN TRANSACTION', 'control/transactions', 'BEGIN'],
		['COMMIT', 'control/transactions', 'COMMIT'],
		['CHECKPOINT', 'control/checkpoint', 'CHECKPOINT'],
		['USE other', 'control/use', 'USE'],
		['PREPARE p AS DELETE FROM outcomes', 'control/prepare', 'PREPARE'],
		['CALL pragma_version()', 'control/procedures', 'CALL'],
		['CREATE SECRET s (TYPE s3)', 'unknown', 'CREATE SECRET is refused'],
		['CREATE TEMP SECRET s (TYPE s3)', 'unknown', 'CREATE SECRET is refused'],
		['CREATE TEMP INDEX i ON mine (x)', 'unknown', 'CREATE INDEX is refused'],
		['CREATE TEMP TYPE mood AS ENUM ($$a$$)', 'unknown', 'CREATE TYPE is refused'],
		['DROP SCHEMA s', 'unknown', 'DROP SCHEMA is refused'],
		['"SELECT" 1', 'unknown', '"SELECT" is refused'],
		['(DELETE FROM mine)', 'unknown', 'DELETE is refused']
	])('%s', (sql, code, expected) => {
		expect(refusalCode(sql)).toBe(code);
		expect(message(sql)).toContain(expected);
	});
});

describe('the analyst may work on objects of their own', () => {
	test.each([
		'CREATE TEMP TABLE mine AS SELECT * FROM outcomes',
		'CREATE TEMPORARY VIEW recent AS FROM outcomes WHERE date > DATE $$2024-01-01$$',
		'CREATE OR REPLACE TEMP VIEW v AS SELECT 1',
		'CREATE TEMP TABLE IF NOT EXISTS mine (x INTEGER)',
		'CREATE TEMP MACRO plus1(x) AS x + 1',
		'CREATE TABLE temp.mine AS SELECT 1',
		'INSERT INTO mine VALUES (1)',
		"UPDATE mine SET status = 'x'",
		'DELETE FROM mine',
		'DROP TABLE mine',
		'DROP VIEW IF EXISTS recent',
		'ALTER TABLE mine RENAME TO mine2'
	])('%s', (sql) => expect(checkWorkspaceSql(sql)).toMatchObject({ ok: true }));
});

describe('scripts of several statements', () => {
	test('one refused statement refuses the whole script, naming which one', () => {
		const v = checkWorkspaceSql('SELECT 1;\nCREATE TEMP TABLE t AS SELECT 1;\nDROP TABLE themes;');
		expect(v).toMatchObject({ ok: false, index: 2, statement: 'DROP TABLE themes' });
		expect(v).toMatchObject({
			total: 3,
			refusal: { code: 'ownTable', params: { table: 'themes' } }
		});
		expect(v.ok ? '' : refusalText(v)).toMatch(/^Statement 3: DROP TABLE is refused/);
	});

	test('a DROP hidden after a string containing a semicolon is still seen', () => {
		expect(message(`SELECT 'a;b'; DROP TABLE outcomes`)).toContain('Statement 2');
	});

	test('a DROP inside a string after a comment is not', () => {
		expect(allowed(`SELECT 1; -- ; DROP TABLE outcomes\nSELECT '; DROP TABLE outcomes'`)).toBe(
			true
		);
	});
});

test('protected names: the live tables, internal and staging tables, any case', () => {
	expect(['outcomes', 'MEETINGS', '_dataset', '_x', 'stg_1_themes'].map(isProtectedName)).toEqual([
		true,
		true,
		true,
		true,
		true
	]);
	expect(['mine', 'outcomes_copy', 'my_outcomes'].map(isProtectedName)).toEqual([
		false,
		false,
		false
	]);
});

/** Every way the sweep places a verb: after each of DuckDB's spaces, and after comments. */
const BEFORE_VERB = [
	...[...SQL_SPACES].map((c) => c),
	...[...SQL_SPACES].map((c) => `${c}${c}`),
	'-- note\n',
	'-- note\r',
	'/* note */',
	'/* nested /* note */ */',
	'\u200b/**/\ufeff',
	'(',
	';'
];

describe('the guard cannot be walked around (allowlist)', () => {
	const refusedVerbs = [
		"ATTACH ':memory:' AS evil",
		'USE evil',
		'DETACH memory',
		"SET GLOBAL default_order = 'DESC'",
		'RESET threads',
		'PRAGMA threads = 1',
		"COPY (SELECT 1) TO 'x.csv'",
		"EXPORT DATABASE 'dir'",
		"IMPORT DATABASE 'dir'",
		'LOAD json',
		'INSTALL json',
		'DROP TABLE meetings',
		"UPDATE meetings SET city = 'x'",
		'CHECKPOINT',
		'BEGIN'
	];
	test.each(BEFORE_VERB.map((p) => [JSON.stringify(p), p]))(
		'every engine or data change stays refused after %s',
		(_, prefix) => {
			for (const sql of refusedVerbs) {
				expect(allowed(`${prefix}${sql}`), JSON.stringify(`${prefix}${sql}`)).toBe(false);
				expect(allowed(`SELECT 1;${prefix}${sql}`)).toBe(false);
			}
		}
	);

	test.each(BEFORE_VERB.filter((p) => p !== '(').map((p) => [JSON.stringify(p), p]))(
		'a reading statement still runs after %s',
		(_, prefix) => {
			for (const sql of ['SELECT 1', 'FROM meetings', 'SUMMARIZE meetings', 'VALUES (1)'])
				expect(allowed(`${prefix}${sql}`), JSON.stringify(`${prefix}${sql}`)).toBe(true);
		}
	);

	test('a character DuckDB does not read as space makes a word the guard refuses', () => {
		for (const c of [
			'\u000b',
			'\u0085',
			'\u00ad',
			'\u1680',
			'\u180e',
			'\u2028',
			'\u2029',
			'\u034f'
		])
			expect(message(`${c}ATTACH ':memory:' AS evil`)).toContain('is refused');
	});

	test('the text DuckDB is given has no comments and no Unicode spaces between tokens', () => {
		const v = checkWorkspaceSql(`\u200bSELECT\u3000a,/* x */b -- y\nFROM\ufefft;`);
		expect(v).toEqual({ ok: true, statements: ['SELECT a, b\nFROM t'] });
		expect(checkWorkspaceSql(`SELECT 'a' -- glue\n'b', x::INT`)).toEqual({
			ok: true,
			statements: [`SELECT 'a'\n'b', x::INT`]
		});
	});

	test('a line comment ends at a carriage return, as DuckDB ends it', () => {
		expect(splitStatements(`SELECT 1 -- x\r; ATTACH ':memory:' AS e`)).toHaveLength(2);
	});
});

describe('the tokenizer reads space as DuckDB does (measured on the real engine)', () => {
	let conn: SqlConnection;
	beforeAll(async () => {
		conn = await openNodeEngine();
	});

	test("DuckDB's whitespace is exactly SQL_SPACES, over every BMP code point", async () => {
		const parses = async (sql: string) =>
			conn.query(sql).then(
				() => true,
				() => false
			);
		const spaces: string[] = [];
		for (let cp = 1; cp <= 0xffff; cp++) {
			if (cp >= 0xd800 && cp <= 0xdfff) continue;
			const c = String.fromCharCode(cp);
			if ((await parses(`${c}SELECT 1`)) && (await parses(`SELECT${c}1`))) spaces.push(c);
		}
		expect(spaces.join('')).toBe(SQL_SPACES);
	}, 120_000);

	test('strings, comments and quoted names end where DuckDB ends them', async () => {
		const cases: [string, number][] = [
			[`SELECT E'\\'' AS a; SELECT 2`, 2],
			[`SELECT 'a\\' AS a; SELECT 2`, 2],
			[`SELECT $t$x;y$T$;$t$ AS a; SELECT 2`, 2],
			[`/* /* */ SELECT 1 */ SELECT 2 AS a; SELECT 2`, 2],
			[`SELECT "a"";b" FROM (SELECT 1 AS "a"";b"); SELECT 2`, 2]
		];
		for (const [sql, n] of cases) {
			const statements = splitStatements(sql);
			expect(statements, sql).toHaveLength(n);
			// Each piece is one statement for DuckDB too: it runs alone and gives one result.
			for (const s of statements) await conn.query(s.text);
		}
	});

	test('after set-up the engine refuses any change of settings, whoever sends it', async () => {
		await expect(conn.query('SET threads = 1')).rejects.toThrow(/configuration has been locked/);
		await expect(conn.query('SET autoload_known_extensions = true')).rejects.toThrow(/locked/);
		const [row] = await queryRows<{ v: string }>(
			conn,
			"SELECT current_setting('autoinstall_known_extensions')::VARCHAR AS v"
		);
		expect(row!.v).toBe('false');
	});
});

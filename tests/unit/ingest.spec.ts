/**
 * Loading real exports on the real DuckDB-WASM engine: each bad fixture's message, each dialect
 * decoded right, and hostile text kept as plain data. Fixtures: tests/fixtures/README.md.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { initDatasetSql } from '../../src/lib/db/queries/dataset';
import { problemText } from '../../src/lib/ingest/problem-text';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import {
	commitBatch,
	discardBatch,
	prepareBatch,
	type BatchReport,
	type InputFile
} from '../../src/lib/ingest/load';
import { fixture } from '../helpers/files';
import { loadSample as loadSampleInto } from '../helpers/fixture-db';
import { decodeParquetNode, openNodeEngine } from '../helpers/node-engine';

let conn: SqlConnection;
beforeAll(async () => {
	conn = await openNodeEngine();
	await conn.query(initDatasetSql());
	await loadSample();
});

async function loadSample() {
	expect(await loadSampleInto(conn)).toBe(0);
}

const prepare = (files: InputFile[]) =>
	prepareBatch(conn, { files, decodeParquet: decodeParquetNode });

/** Prepare the fixtures, hand the report to `check`, then discard: nothing live changes. */
async function inspect(paths: string[], check: (b: BatchReport) => Promise<void> | void) {
	await inspectInputs(paths.map(fixture), check);
}

async function inspectInputs(files: InputFile[], check: (b: BatchReport) => Promise<void> | void) {
	const batch = await prepare(files);
	try {
		await check(batch);
	} finally {
		await discardBatch(conn, batch);
	}
}

const rows = <T>(sql: string) => queryRows<T>(conn, sql);
const problems = (b: BatchReport) =>
	b.problems.map(
		(p) => `${p.severity} row ${p.row} ${p.column}=${p.value ?? ''}: ${problemText(p.reason, 'en')}`
	);

describe('a file that cannot be loaded gets one clear sentence and loads nothing', () => {
	test.each([
		[
			'bad/outcomes.xlsx',
			'outcomes.xlsx is not a CSV or Parquet file: it is a ZIP archive or an Excel workbook. Save it as CSV (or Parquet) and load that.'
		],
		['bad/image.csv', 'image.csv is not a CSV or Parquet file (it contains binary data).'],
		['bad/empty.csv', 'empty.csv is empty.'],
		['bad/meetings-header-only.csv', 'meetings-header-only.csv has a header but no data rows.'],
		[
			'bad/outcomes-truncated.parquet',
			'outcomes-truncated.parquet is a Parquet file that is truncated or damaged (its footer is missing).'
		]
	])('%s', async (path, message) => {
		await inspect([path], (b) => {
			expect(b.files[0]!.error).toBe(message);
			expect(b.tables).toEqual([]);
			expect(b.files[0]!.rowsLoaded).toBe(0);
		});
	});

	test.each([
		['bad/no-table.csv', { code: 'misfit', table: null, missing: [], foreign: [] }],
		[
			'bad/meetings-missing-date.csv',
			{ code: 'misfit', table: 'meetings', missing: ['date'], foreign: [] }
		]
	])('%s is refused with a code the interface words', async (path, refusal) => {
		await inspect([path], (b) => {
			expect(b.files[0]!.refusal).toEqual(refusal);
			expect(b.files[0]!.error).toBeTruthy();
			expect(b.tables).toEqual([]);
			expect(b.files[0]!.rowsLoaded).toBe(0);
		});
	});

	test('a partial outcomes export named themes.csv is refused and the loaded themes stay', async () => {
		const text = 'outcome_id,theme_id,title\nO-900,accessibility,Partial export\n';
		const count = () => rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM themes');
		const before = await count();
		expect(before[0]!.n).toBeGreaterThan(1);
		const batch = await prepare([{ name: 'themes.csv', bytes: new TextEncoder().encode(text) }]);
		try {
			expect(batch.files[0]!.refusal).toEqual({
				code: 'misfit',
				table: 'outcomes',
				missing: ['date', 'status', 'sectors'],
				foreign: []
			});
			expect(batch.tables).toEqual([]);
		} finally {
			await discardBatch(conn, batch);
		}
		expect(await count()).toEqual(before);
	});

	test('a CSV named .parquet is read by its content, as CSV', async () => {
		const text = 'meeting_no,date\n900,2024-01-02\n';
		await inspectInputs(
			[{ name: 'meetings.parquet', bytes: new TextEncoder().encode(text) }],
			(b) => {
				expect(b.files[0]).toMatchObject({ kind: 'csv', table: 'meetings', rowsLoaded: 1 });
			}
		);
	});

	test('a bad file beside good ones fails alone; the good ones still load', async () => {
		await inspect(['bad/empty.csv', 'good/meetings-bom-crlf.csv'], (b) => {
			expect(b.files.map((f) => f.error ?? 'ok')).toEqual(['empty.csv is empty.', 'ok']);
			expect(b.tables.map((t) => [t.table, t.rows])).toEqual([['meetings', 2]]);
		});
	});
});

describe('row problems name file, spreadsheet row, column, value and reason', () => {
	test.each([
		[
			'bad/meetings-ragged.csv',
			[
				'error row 3 =: row has 4 fields, the header has 6',
				"error row 4 =: row has more fields than the header's 6"
			],
			2
		],
		// Row 2 has a line break inside a quoted cell: still one spreadsheet row.
		['bad/meetings-not-a-number.csv', ['error row 3 meeting_no=12a: not a whole number'], 1],
		['bad/meetings-negative-count.csv', ['error row 2 participants=-5: negative count'], 1],
		[
			'bad/meetings-unknown-format.csv',
			[
				'error row 2 format=teleconference: unknown value; expected one of in_person, virtual, hybrid'
			],
			1
		],
		[
			'bad/outcomes-unknown-status.csv',
			[
				'error row 2 status=finished: unknown value; expected one of planned, in_progress, completed, cancelled'
			],
			1
		],
		[
			'bad/outcomes-unknown-sector.csv',
			[
				'error row 3 sectors=BR;ITU-X: unknown sector code(s): ITU-X',
				'error row 4 lead_sector=Ministry: unknown sector code; expected BR, TSB, BDT or GS (or an alias)'
			],
			1
		],
		[
			'bad/meetings-duplicate-key.csv',
			['error row 4 meeting_no=7: duplicate meeting_no: first in meetings-duplicate-key.csv row 2'],
			2
		],
		[
			'bad/meetings-impossible-date.csv',
			[
				'error row 2 date=31/02/2021: not a valid date (use 2022-09-20, 20/09/2022 or 20 September 2022)'
			],
			1
		],
		// The blank line is row 3 in a spreadsheet, so the bad row after it is row 4.
		['bad/meetings-blank-line.csv', ['error row 4 participants=many: not a whole number'], 2]
	])('%s', async (path, expected, loaded) => {
		await inspect([path], (b) => {
			expect(problems(b)).toEqual(expected);
			expect(b.problems.every((p) => p.file === path.split('/')[1])).toBe(true);
			expect(b.errorCount).toBe(expected.length);
			expect(b.files[0]!.rowsLoaded).toBe(loaded);
			expect(b.files[0]!.rowsRejected).toBe(b.files[0]!.rowsRead - loaded);
		});
	});

	test('ragged rows are left out, not padded: only the whole rows reach the staging table', async () => {
		await inspect(['bad/meetings-ragged.csv'], async (b) => {
			expect(b.files[0]!.rowsRead).toBe(4);
			const kept = await rows<{ n: number }>(
				`SELECT meeting_no::INTEGER AS n FROM "${b.tables[0]!.staging}" ORDER BY 1`
			);
			expect(kept.map((r) => r.n)).toEqual([1, 4]);
		});
	});

	test('enum and status aliases are accepted: "In person" and "Done"', async () => {
		await inspect(
			['bad/meetings-unknown-format.csv', 'bad/outcomes-unknown-status.csv'],
			async (b) => {
				const [m, o] = b.tables.map((t) => t.staging);
				expect(await rows(`SELECT format FROM "${m}"`)).toEqual([{ format: 'in_person' }]);
				expect(await rows(`SELECT status FROM "${o}"`)).toEqual([{ status: 'completed' }]);
			}
		);
	});

	test('outcomes pointing to an unknown meeting or theme load, with a warning each', async () => {
		await inspect(['bad/outcomes-orphans.csv'], (b) => {
			expect(problems(b)).toEqual([
				'warning row 3 meeting_no=999: no loaded meeting has this meeting_no',
				'warning row 4 theme_id=underwater-basket-weaving: no loaded theme has this theme_id'
			]);
			expect([b.errorCount, b.warningCount, b.files[0]!.rowsLoaded]).toEqual([0, 2, 3]);
		});
	});

	test('outcomes are checked against the meetings of the same batch when it has some', async () => {
		await inspect(['good/meetings-bom-crlf.csv', 'good/outcomes-quoted.csv'], (b) => {
			// Meetings 11 and 12 come in this batch; the sample's themes are live.
			expect(problems(b)).toEqual([]);
		});
	});
});

describe('hostile text is plain data', () => {
	test('a javascript: link is dropped with a warning and its row still loads', async () => {
		await inspect(['bad/themes-javascript-link.csv'], async (b) => {
			expect(problems(b)).toEqual([
				'warning row 2 webpage=javascript:alert(1): link dropped: only http:// and https:// addresses are accepted'
			]);
			expect(await rows(`SELECT theme_id, webpage FROM "${b.tables[0]!.staging}"`)).toEqual([
				{ theme_id: 'accessibility', webpage: null },
				{ theme_id: 'gender', webpage: 'https://www.itu.int/gender' }
			]);
		});
	});

	test('SQL-looking values and headers are stored verbatim and run nothing', async () => {
		const batch = await prepare([fixture('bad/themes-sql-text.csv')]);
		expect(batch.errorCount).toBe(0);
		await commitBatch(conn, batch, { source: 'upload' });
		expect(await rows(`SELECT * FROM themes ORDER BY theme_id`)).toEqual([
			{
				theme_id: 'plain',
				name: 'Plain',
				lead_sector: 'BR',
				focal_point: null,
				webpage: null,
				drop_table_themes: 'ok'
			},
			{
				theme_id: "x'); DROP TABLE meetings; --",
				name: "Robert'); DROP TABLE outcomes;--",
				lead_sector: 'TSB',
				focal_point: '<img src=x onerror=alert(1)>',
				webpage: null,
				drop_table_themes: "'; SELECT 1; --"
			}
		]);
		const counts = await rows<{ m: number; o: number }>(
			`SELECT (SELECT count(*) FROM meetings)::INTEGER AS m, (SELECT count(*) FROM outcomes)::INTEGER AS o`
		);
		expect(counts).toEqual([{ m: 46, o: 219 }]);
		await loadSample();
	});
});

describe('dialects', () => {
	test('semicolon, comma and tab files load into their tables with typed values', async () => {
		const batch = await prepare(
			['good/outcomes-tab.tsv', 'good/meetings-semicolon.csv', 'good/themes-comma.csv'].map(fixture)
		);
		expect([batch.errorCount, batch.warningCount]).toEqual([0, 0]);
		expect(batch.files.map((f) => [f.table, f.delimiter])).toEqual([
			['outcomes', '\t'],
			['meetings', ';'],
			['themes', ',']
		]);
		await commitBatch(conn, batch, { source: 'upload' });
		expect(
			await rows(
				`SELECT meeting_no, date::VARCHAR AS date, format, location, participants FROM meetings ORDER BY 1`
			)
		).toEqual([
			{
				meeting_no: 1,
				date: '2015-03-10',
				format: 'in_person',
				location: 'Geneva',
				participants: 30
			},
			{
				meeting_no: 2,
				date: '2015-06-02',
				format: 'hybrid',
				location: 'Geneva;CICG',
				participants: 41
			},
			{
				meeting_no: 3,
				date: '2022-09-20',
				format: 'virtual',
				location: 'Virtual',
				participants: 52
			}
		]);
		expect(
			await rows(
				`SELECT outcome_id, title, status, sectors, lead_sector, priority FROM outcomes ORDER BY 1`
			)
		).toEqual([
			{
				outcome_id: 'O-1',
				title: 'Accessibility webpage',
				status: 'completed',
				sectors: ['BR', 'TSB'],
				lead_sector: 'TSB',
				priority: 'high'
			},
			{
				outcome_id: 'O-2',
				title: 'Gender plan\nwith two lines',
				status: 'in_progress',
				sectors: ['BDT', 'BR', 'GS'],
				lead_sector: 'GS',
				priority: 'low'
			},
			{
				outcome_id: 'O-3',
				title: 'AI report',
				status: 'planned',
				sectors: ['TSB'],
				lead_sector: 'TSB',
				priority: null
			},
			{
				outcome_id: 'O-4',
				title: 'Cancelled thing',
				status: 'cancelled',
				sectors: ['BR', 'TSB'],
				lead_sector: 'BR',
				priority: null
			}
		]);
		await loadSample();
	});

	test('UTF-8 with BOM and CRLF: clean header, no stray carriage returns', async () => {
		await inspect(['good/meetings-bom-crlf.csv'], async (b) => {
			expect(b.files[0]!.headers[0]).toBe('meeting_no');
			expect(b.files[0]!.encoding).toBe('utf-8');
			expect(
				await rows(`SELECT chair, participants FROM "${b.tables[0]!.staging}" ORDER BY 1`)
			).toEqual([
				{ chair: 'Deputy Secretary-General', participants: 20 },
				{ chair: 'Director, TSB', participants: 25 }
			]);
		});
	});

	test.each([
		['good/themes-utf16le.txt', 'utf-16le', '\t'],
		['good/themes-utf16be.csv', 'utf-16be', ';']
	])('%s (UTF-16 with BOM) decodes accents and maps synonyms', async (path, encoding, delim) => {
		await inspect([path], async (b) => {
			expect([b.files[0]!.encoding, b.files[0]!.delimiter, b.files[0]!.table]).toEqual([
				encoding,
				delim,
				'themes'
			]);
			expect(
				await rows(`SELECT theme_id, name, lead_sector, webpage FROM "${b.tables[0]!.staging}"`)
			).toEqual([
				{
					theme_id: 'accessibility',
					name: 'Accessibility',
					lead_sector: 'TSB',
					webpage: 'https://www.itu.int/accessibility'
				},
				{ theme_id: 'gender', name: 'Égalité des genres', lead_sector: 'GS', webpage: null }
			]);
		});
	});

	test('Windows-1252 is recognised and decoded: Genève, Réunion, Zürich – €', async () => {
		await inspect(['good/meetings-windows1252.csv'], async (b) => {
			expect(b.files[0]!.encoding).toBe('windows-1252');
			expect(
				await rows(`SELECT chair, location FROM "${b.tables[0]!.staging}" ORDER BY meeting_no`)
			).toEqual([
				{ chair: 'Directeur du BDT', location: 'Genève' },
				{ chair: 'Vice-Secrétaire général', location: 'Saint-Denis, Réunion' },
				{ chair: 'Président', location: 'Zürich – €' }
			]);
		});
	});

	test('quoted delimiters, doubled quotes and line breaks inside a cell', async () => {
		await inspect(['good/outcomes-quoted.csv'], async (b) => {
			expect([b.errorCount, b.warningCount, b.files[0]!.rowsLoaded]).toEqual([0, 0, 3]);
			expect(
				await rows(
					`SELECT title, sectors, document FROM "${b.tables[0]!.staging}" ORDER BY outcome_id`
				)
			).toEqual([
				{
					title: 'Guidelines, checklists and "easy-read" summaries',
					sectors: ['BDT', 'TSB'],
					document: null
				},
				{
					title: 'Two-line title\ncontinued here',
					sectors: ['BR', 'GS'],
					document: 'C16/1, Rev.1'
				},
				{ title: 'Plain', sectors: ['GS'], document: null }
			]);
		});
	});

	test('Parquet: timestamps become dates, lists become sectors, rows are numbered from 2', async () => {
		await inspect(['good/outcomes.parquet'], async (b) => {
			expect(b.files[0]!.kind).toBe('parquet');
			expect(b.files[0]!.rowsLoaded).toBe(5);
			// P-* outcomes point to meetings 101-104, not in the sample: one warning per record.
			const meetingWarnings = b.problems.filter((p) => p.column === 'meeting_no');
			expect(meetingWarnings.map((p) => p.row)).toEqual([2, 3, 4, 5, 6]);
			expect(
				await rows(
					`SELECT outcome_id, date::VARCHAR AS date, sectors FROM "${b.tables[0]!.staging}" WHERE outcome_id = 'P-3'`
				)
			).toEqual([{ outcome_id: 'P-3', date: '2024-02-01', sectors: ['BDT', 'BR', 'TSB'] }]);
		});
	});
});

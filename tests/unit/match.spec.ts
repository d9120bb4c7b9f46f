/** Recognising exports: header normalisation, synonyms, sector aliases and the table guess. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { getTable } from '../../src/lib/contract/contract';
import { matchHeaders, normalizeName, normalizeSector } from '../../src/lib/contract/match';
import { guessTable } from '../../src/lib/contract/recognise';

const header = (path: string) =>
	readFileSync(new URL(path, import.meta.url), 'utf8')
		.split('\n')[0]!
		.split(',');

describe('header normalisation', () => {
	test.each([
		['Meeting No.', 'meeting_no'],
		['\uFEFFDate ', 'date'],
		['  Lead Sector ', 'lead_sector'],
		['THEME-ID', 'theme_id'],
		['Réunion', 'reunion'],
		['(Participants)', 'participants'],
		['   ', '']
	])('%j reads as %j', (raw, norm) => expect(normalizeName(raw)).toBe(norm));

	test('sector aliases resolve to the four codes; anything else is unknown', () => {
		expect(
			['ITU-T', 'itu r', 'Development', 'General Secretariat', 'sg', 'BR', 'Ministry', ''].map(
				normalizeSector
			)
		).toEqual(['TSB', 'BR', 'BDT', 'GS', 'GS', 'BR', null, null]);
	});
});

describe('matching a header onto a table', () => {
	test('exact names and synonyms are both found, and the report says which', () => {
		const m = matchHeaders(
			['Meeting No.', 'Meeting Date', 'Mode', 'Chair', 'Venue', 'Attendees'],
			getTable('meetings')
		);
		expect(m.matches.map((x) => `${x.column}<-${x.header}:${x.how}`)).toEqual([
			'meeting_no<-Meeting No.:exact',
			'date<-Meeting Date:synonym',
			'format<-Mode:synonym',
			'chair<-Chair:exact',
			'location<-Venue:synonym',
			'participants<-Attendees:synonym'
		]);
		expect(m.missing).toEqual([]);
		expect(m.extras).toEqual([]);
	});

	test('an exact name wins over a synonym anywhere: `id` does not steal outcome_id', () => {
		const m = matchHeaders(['id', 'outcome_id', 'date', 'theme'], getTable('outcomes'));
		expect(m.matches.find((x) => x.column === 'outcome_id')).toMatchObject({
			index: 1,
			how: 'exact'
		});
		expect(m.extras).toEqual([{ index: 0, header: 'id', name: 'id' }]);
		expect(m.missing).toEqual(['title', 'status', 'sectors']);
	});

	test('a hand mapping overrides the guess, and -1 unmaps a column', () => {
		const m = matchHeaders(['No', 'When', 'Chair'], getTable('meetings'), {
			date: 1,
			chair: -1
		});
		expect(m.matches.filter((x) => x.how !== 'missing').map((x) => [x.column, x.how])).toEqual([
			['meeting_no', 'synonym'],
			['date', 'manual']
		]);
		expect(m.extras.map((e) => e.name)).toEqual(['chair_extra']);
	});

	test('extra columns keep a usable name: normalised, prefixed when numeric, numbered when blank', () => {
		const m = matchHeaders(
			['theme_id', 'name', 'Budget (CHF)', '2024 target', '', 'Theme Name'],
			getTable('themes')
		);
		expect(m.extras.map((e) => e.name)).toEqual([
			'budget_chf',
			'c_2024_target',
			'column_5',
			'theme_name'
		]);
	});
});

describe('guessing the table of a file', () => {
	test.each(['meetings', 'themes', 'outcomes', 'attendance'])(
		'the sample %s header is recognised',
		(t) => expect(guessTable(header(`../../data/${t}.csv`), 'export.csv').table).toBe(t)
	);

	test('a header of unrelated columns matches no table and resembles none', () => {
		const g = guessTable(['name', 'email', 'phone'], 'contacts.csv');
		expect(g.table).toBeNull();
		expect(g.recognition).toEqual({ code: 'misfit', table: null, missing: [], foreign: [] });
		expect(g.scores).toHaveLength(4);
	});

	test('a header missing a required column goes into no table, and the gap is named', () => {
		const g = guessTable(['Meeting No.', 'Chair', 'Location', 'Participants']);
		expect(g.table).toBeNull();
		expect(g.resembles).toBe('meetings');
		expect(g.recognition).toEqual({
			code: 'misfit',
			table: 'meetings',
			missing: ['date'],
			foreign: []
		});
	});

	test('a partial outcomes export is refused, not filed as themes (title is a synonym of name)', () => {
		const g = guessTable(['outcome_id', 'theme_id', 'title'], 'themes.csv');
		expect(g.table).toBeNull();
		expect(g.recognition).toEqual({
			code: 'misfit',
			table: 'outcomes',
			missing: ['date', 'status', 'sectors'],
			foreign: []
		});
	});

	test('a table whose columns are all there is refused when the header carries another table key', () => {
		const g = guessTable(['theme_id', 'name', 'meeting_no']);
		expect(g.table).toBeNull();
		expect(g.recognition).toEqual({
			code: 'misfit',
			table: 'themes',
			missing: [],
			foreign: ['meeting_no']
		});
	});

	test('meeting_no with no date fits neither meetings nor attendance; the name picks the look-alike', () => {
		const plain = guessTable(['meeting_no', 'participants'], 'export.csv');
		expect(plain.table).toBeNull();
		expect(plain.recognition).toMatchObject({
			code: 'misfit',
			table: 'meetings',
			missing: ['date']
		});
		const named = guessTable(['meeting_no', 'participants'], 'attendance 2024.csv');
		expect(named.recognition).toMatchObject({ table: 'attendance', missing: ['sector'] });
	});

	test('a header that fits two tables asks, unless the file name names one of them', () => {
		const both = ['meeting_no', 'date', 'sector', 'participants'];
		expect(guessTable(both, 'export.csv')).toMatchObject({
			table: null,
			recognition: { code: 'ambiguous', tables: expect.arrayContaining(['meetings', 'attendance']) }
		});
		expect(guessTable(both, 'ISC-TF meetings 2024.csv').table).toBe('meetings');
		expect(guessTable(both, 'attendance.csv').table).toBe('attendance');
	});

	test('the sample outcomes header carries meeting_no and theme_id yet fits only outcomes', () => {
		const g = guessTable(header('../../data/outcomes.csv'), 'meetings.csv');
		expect(g.table).toBe('outcomes');
		expect(g.recognition).toEqual({ code: 'fits' });
	});

	test('scores come best first, for the "change table" choice', () => {
		const g = guessTable(header('../../data/outcomes.csv'));
		expect(g.scores[0]!.table).toBe('outcomes');
		const s = g.scores.map((x) => x.score);
		expect(s).toEqual([...s].sort((a, b) => b - a));
	});
});

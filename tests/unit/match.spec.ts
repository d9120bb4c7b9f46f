/** Recognising exports: header normalisation, synonyms, sector aliases and the table guess. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { getTable } from '../../src/lib/contract/contract';
import {
	guessTable,
	matchHeaders,
	normalizeName,
	normalizeSector
} from '../../src/lib/contract/match';

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

	test('a header of unrelated columns matches no table', () => {
		const g = guessTable(['name', 'email', 'phone'], 'contacts.csv');
		expect(g.table).toBeNull();
		expect(g.scores).toHaveLength(4);
	});

	test('a header missing a required column is still recognised, and the gap named', () => {
		const g = guessTable(['Meeting No.', 'Chair', 'Location', 'Participants']);
		expect(g.table).toBe('meetings');
		expect(g.mapping?.missing).toEqual(['date']);
	});

	test('the file name breaks a near tie between meetings and attendance', () => {
		expect(guessTable(['meeting_no', 'participants'], 'export.csv').table).toBe('attendance');
		expect(guessTable(['meeting_no', 'participants'], 'ISC-TF meetings 2024.csv').table).toBe(
			'meetings'
		);
	});

	test('scores come best first, for the "change table" choice', () => {
		const g = guessTable(header('../../data/outcomes.csv'));
		expect(g.scores[0]!.table).toBe('outcomes');
		const s = g.scores.map((x) => x.score);
		expect(s).toEqual([...s].sort((a, b) => b - a));
	});
});

/**
 * Generated exports full of awkward cells, for the fast-versus-precise test: every column drawn
 * from a pool of canonical and non-canonical spellings (aliases, padded text, other date formats,
 * numbers DuckDB's cast accepts but the contract does not), with duplicates, blank lines, ragged
 * rows and quoted line breaks. Seeded, so a failure can be replayed.
 */
import { createRandom } from '../../scripts/lib/random.mjs';
import type { InputFile } from '../../src/lib/ingest/load';

const INTS = [
	'1',
	'2',
	'3',
	'46',
	'+5',
	'05',
	' 7 ',
	'5.0',
	'5.7',
	'1e3',
	'1_000',
	'0x10',
	'-0',
	'',
	'  ',
	'999',
	'12a',
	'1234567890123456',
	'123456789012345',
	'-3',
	'0'
];
const DATES = [
	'2022-09-20',
	'2022-9-20',
	'20/09/2022',
	'20 September 2022',
	'20 Sep 2022',
	'2022-09-20 10:00:00',
	'2022-09-20T10:00:00Z',
	'2022-09-20T10:00:00.5+02:00',
	' 2022-09-20',
	'31/02/2021',
	'2022/09/20',
	'',
	'0022-09-20',
	'2022-02-30',
	'20220920',
	'2016-01-12'
];
const SECTOR = [
	'BR',
	'TSB',
	'BDT',
	'GS',
	'ITU-T',
	'tsb',
	'Ministry',
	'',
	' GS',
	'General Secretariat'
];
const SECTORS = [
	'BR',
	'TSB;BDT',
	'BR,GS',
	'GS|BR|TSB',
	'BR; TSB',
	'ITU-T;BR',
	'BR;BR',
	'BR;ITU-X',
	'',
	';',
	'BR;',
	'tsb',
	'BDT;TSB;BR;GS',
	'BR;TSB|GS',
	' BR '
];
const TEXT = [
	'Plain',
	' spaced ',
	'',
	'Two\nlines',
	'Quote "q", comma',
	'\tTabbed',
	'=HYPERLINK("x")',
	'Égalité'
];

type Pools = Record<string, string[]>;

const TABLES: { name: string; key?: [string, (i: number) => string]; pools: Pools }[] = [
	{
		name: 'meetings',
		key: ['meeting_no', (i) => String(i + 1)],
		pools: {
			date: DATES,
			format: ['in_person', 'In person', 'virtual', 'Hybrid ', 'teleconference', ''],
			chair: TEXT,
			location: TEXT,
			participants: [...INTS, '-5', 'many']
		}
	},
	{
		name: 'themes',
		key: ['theme_id', (i) => `theme-${i}`],
		pools: {
			name: TEXT,
			lead_sector: SECTOR,
			focal_point: TEXT,
			webpage: [
				'https://x.org',
				'http://y.org/a',
				' https://z.org ',
				'javascript:alert(1)',
				'ftp://a',
				'',
				'HTTPS://UP.ORG'
			]
		}
	},
	{
		name: 'outcomes',
		key: ['outcome_id', (i) => `O-${i}`],
		pools: {
			meeting_no: INTS,
			date: DATES,
			theme_id: ['theme-1', 'theme-2', ' theme-3 ', 'gender', 'underwater', ''],
			title: TEXT,
			type: ['action', 'Action', 'decision ', '', 'meeting'],
			status: ['completed', 'Done', 'ongoing', 'In Progress', 'finished', '', ' planned'],
			lead_sector: SECTOR,
			sectors: SECTORS,
			document: ['', 'C22/35', ' x '],
			due_date: DATES,
			completed_date: DATES,
			priority: ['high', '', ' low ']
		}
	},
	{
		name: 'attendance',
		pools: { meeting_no: INTS, sector: SECTOR, unit: TEXT, participants: [...INTS, '-5'] }
	}
];

const quote = (v: string) => (/[,"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The four tables as messy CSV files of about `rows` rows each (themes: a tenth of that). */
export function messyFiles(o: { seed: number; rows: number }): InputFile[] {
	const random = createRandom(o.seed);
	const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
	return TABLES.map((t) => {
		const cols = [...(t.key ? [t.key[0]] : []), ...Object.keys(t.pools)];
		const lines = [cols.join(',')];
		const n = t.name === 'themes' ? Math.ceil(o.rows / 10) : o.rows;
		for (let i = 0; i < n; i++) {
			const cells = cols.map((c) => {
				if (c !== t.key?.[0]) return pick(t.pools[c]!);
				const r = random();
				// Mostly unique keys; some repeat an earlier one, some are blank or padded.
				return r < 0.05
					? t.key[1](Math.floor(random() * (i + 1)))
					: r < 0.07
						? ''
						: r < 0.09
							? ` ${t.key[1](i)} `
							: t.key[1](i);
			});
			const r = random();
			if (r < 0.02) cells.pop();
			else if (r < 0.04) cells.push('extra');
			lines.push(cells.map(quote).join(','));
			if (random() < 0.02) lines.push('');
		}
		return {
			name: `${t.name}-messy-${o.seed}.csv`,
			bytes: new TextEncoder().encode(lines.join('\n') + '\n')
		};
	});
}

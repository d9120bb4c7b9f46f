/**
 * Writes the bundled sample dataset to data/: the four contract tables (meetings, themes,
 * outcomes, attendance) as CSV and as Parquet. Modelled on the ISC-TF report to TSAG; everything
 * not named in that report is synthetic. Deterministic: a fixed seed, no clock, no Math.random,
 * so two runs give byte-identical files. Run with `npm run data:sample`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { createRandom } from './lib/random.mjs';

const SEED = 191; // Resolution 191 (Rev. Bucharest, 2022), the ISC-TF's mandate
const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
const SECTORS = ['BR', 'TSB', 'BDT', 'GS'];
const DAY_MS = 86_400_000;
// The last meeting in the report; outcomes cannot be completed after it.
const AS_OF = '2022-09-20';

const random = createRandom(SEED);

/** A random integer in [min, max], inclusive. */
const randomInt = (min, max) => min + Math.floor(random() * (max - min + 1));
/** A random element of `items`. */
const pick = (items) => items[Math.floor(random() * items.length)];
/** A key of `weights` ({ key: weight }), drawn in proportion to its weight. */
function pickWeighted(weights) {
	const entries = Object.entries(weights);
	let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
	for (const [key, w] of entries) if ((r -= w) < 0) return key;
	return entries[entries.length - 1][0];
}
/** `n` as at least two digits. */
const pad2 = (n) => String(n).padStart(2, '0');
/** ISO date (yyyy-mm-dd) `days` after the ISO date `iso`, in UTC. */
const addDays = (iso, days) =>
	new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** Whole days from ISO date `a` to ISO date `b`. */
const daysBetween = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** Rows of a `|`-separated text table, one row a line, cells trimmed. */
const parseTable = (text) =>
	text
		.trim()
		.split('\n')
		.map((line) => line.split('|').map((cell) => cell.trim()));
/** A text table as { first cell: the other cells }. */
const parseLookup = (text) =>
	Object.fromEntries(parseTable(text).map(([key, ...cells]) => [key, cells]));

// Per year: meetings (46 in all, March 2015 to 20 September 2022), synthetic outcomes (growing,
// so "is coordination growing" shows a trend) and status weights: older outcomes are mostly done.
const YEAR_TABLE = `
year | meetings | outcomes | completed | in_progress | planned | cancelled
2015 |        5 |       10 |        92 |           2 |       0 |         6
2016 |        6 |       14 |        90 |           4 |       0 |         6
2017 |        6 |       19 |        88 |           7 |       0 |         5
2018 |        7 |       24 |        85 |          10 |       0 |         5
2019 |        6 |       29 |        78 |          15 |       2 |         5
2020 |        6 |       33 |        68 |          22 |       4 |         6
2021 |        6 |       38 |        48 |          36 |      12 |         4
2022 |        4 |       42 |        18 |          42 |      38 |         2`;
const STATUSES = ['completed', 'in_progress', 'planned', 'cancelled'];
const YEARS = parseTable(YEAR_TABLE)
	.slice(1)
	.map(([year, meetings, outcomes, ...weights]) => ({
		year,
		meetings: Number(meetings),
		outcomes: Number(outcomes),
		statusWeights: Object.fromEntries(STATUSES.map((s, i) => [s, Number(weights[i])]))
	}));
const DIRECTORS = ['Director of BR', 'Director of TSB', 'Director of BDT'];

/** The 46 meetings: spread over each year, Tuesday to Thursday, format following COVID. */
function generateMeetings() {
	const meetings = [];
	for (const { year, meetings: count } of YEARS) {
		const [first, last] = year === '2015' ? [3, 12] : year === '2022' ? [1, 9] : [1, 12];
		for (let i = 0; i < count; i++) {
			const month = first + Math.round((i * (last - first)) / (count - 1));
			let date = `${year}-${pad2(month)}-${pad2(randomInt(4, 24))}`;
			while (![2, 3, 4].includes(new Date(date).getUTCDay())) date = addDays(date, 1);
			meetings.push({ meeting_no: meetings.length + 1, date });
		}
	}
	meetings[45].date = AS_OF;
	return meetings.map((m) => {
		const isLast = m.meeting_no === 46;
		const format =
			m.date < '2020-03-01' ? 'in_person' : m.date < '2022-03-01' || isLast ? 'virtual' : 'hybrid';
		const location = { in_person: 'Geneva', virtual: 'Virtual', hybrid: 'Geneva and online' };
		const growth = (m.meeting_no / 46) * 22;
		const participants = Math.min(60, Math.max(20, Math.round(24 + growth + randomInt(-4, 6))));
		const chair = isLast || random() < 0.88 ? 'Deputy Secretary-General' : pick(DIRECTORS);
		return { ...m, format, chair, location: location[format], participants };
	});
}

// Themes: id | name | lead sector | illustrative focal point role | webpage path (illustrative).
const THEME_TABLE = `
accessibility         | Accessibility                            | BDT | Senior Programme Officer, Digital Inclusion  | en/action/accessibility
standards-gap         | Bridging the Standards Gap               | TSB | Counsellor, Study Groups                     | en/ITU-T/gap
communications        | Communications & Web Editorial           | GS  | Head, Corporate Communication                | en/mediacentre
community-networks    | Community Networks                       | BDT | Programme Officer, Digital Networks          | en/ITU-D/Technology/community-networks
emergency-telecom     | Emergency Telecommunications             | BDT | Head, Emergency Telecommunications           | en/ITU-D/Emergency-Telecommunications
emerging-trends-ai    | Emerging Trends and AI                   | TSB | Counsellor, Technology Watch                 | en/ITU-T/ai
environment-ssc       | Environment and Smart Sustainable Cities | TSB | Counsellor, Environment and Circular Economy | en/action/environment-and-climate-change
events                | Events Coordination                      | GS  | Head, Conferences and Events                 | en/events
gender                | Gender                                   | GS  | Gender Focal Point, Strategic Planning       | en/action/gender-equality
geospatial            | Geospatial                               | BR  | Counsellor, Space Services                   | en/ITU-R/space
membership            | Membership                               | GS  | Head, Membership                             | en/membership
resource-mobilization | Resource Mobilization and SMEs           | BDT | Head, Partnerships                           | en/ITU-D/partners
multilingualism       | Multilingualism                          | GS  | Head, Languages and Publications             | en/general-secretariat/multilingualism`;

// Subjects that synthetic outcome titles are about, per theme.
const SUBJECTS = parseLookup(`
accessibility         | accessible meetings | captioning and sign language services | accessible ITU documents
standards-gap         | fellowships for standards meetings | regional groups of Study Groups | conformity and interoperability
communications        | joint press releases | the social media calendar | web editorial guidelines | ITU News coverage
community-networks    | community networks | rural connectivity | last-mile connectivity | spectrum for community networks
emergency-telecom     | early warning systems | disaster connectivity maps | national emergency telecommunication plans
emerging-trends-ai    | artificial intelligence | AI for Good | IMT-2020 and 5G | the Internet of Things
environment-ssc       | e-waste | smart sustainable cities | climate change and ICTs | energy efficiency of ICTs
events                | the conference calendar | regional events | the WSIS Forum | meeting room planning
gender                | gender mainstreaming | Girls in ICT Day | women in standardization | gender-balanced panels
geospatial            | space sustainability | satellite orbit and spectrum data | geospatial data for connectivity mapping
membership            | Sector Member outreach | Academia membership | the member satisfaction survey | Associates
resource-mobilization | voluntary contributions | SME participation | private sector partnerships | donor reporting
multilingualism       | translation of publications | the ITU terminology database | multilingual web content`);
const THEMES = parseTable(THEME_TABLE).map(([theme_id, name, lead_sector, focal_point, path]) => {
	const webpage = `https://www.itu.int/${path}`;
	return { theme_id, name, lead_sector, focal_point, webpage, subjects: SUBJECTS[theme_id] };
});

// Synthetic title patterns by outcome type; `{s}` is a theme subject.
const PATTERNS = parseLookup(`
decision    | Joint approach on {s} agreed | Inter-sector focal points for {s} designated
action      | Joint workplan on {s}        | Shared activity calendar for {s} | Common contact list on {s}
report      | Mapping of Sector activities on {s} | Progress report on {s} to the advisory groups
publication | Joint brochure on {s}        | Guidelines on {s} | Web content on {s} aligned
event       | Joint workshop on {s}        | Side event on {s} | Joint webinar series on {s}
other       | Survey of staff on {s}       | Lessons learned on {s}`);
const TYPE_WEIGHTS = { decision: 2, action: 5, report: 3, publication: 3, event: 3, other: 1 };

// The outcomes named in the ISC-TF report: meeting | theme | title | type | status | lead |
// sectors | document | due date. Their meetings, themes, sectors and dates are illustrative.
const NAMED_TABLE = `
 8 | emergency-telecom  | Thematic webpage on Emergency Telecommunications                      | publication | completed   | BDT | BR;TSB;BDT;GS |        |
13 | environment-ssc    | Thematic webpage on Environment and climate change                    | publication | completed   | TSB | BR;TSB;BDT;GS |        |
15 | gender             | Thematic webpage on Gender Equality                                   | publication | completed   | GS  | BR;TSB;BDT;GS |        |
19 | multilingualism    | Thematic webpage on Multilingualism                                   | publication | completed   | GS  | TSB;BDT;GS    |        |
22 | emerging-trends-ai | Secretariat Inter-sectoral Working Group chaired by the Director of BR | decision   | completed   | BR  | BR;TSB;BDT;GS |        |
25 | membership         | Annual reporting to Council                                           | report      | in_progress | GS  | BR;TSB;BDT;GS | C22/35 |
33 | events             | Zoom integrated with the CRM for remote participation                 | action      | completed   | GS  | BR;TSB;BDT;GS |        |
37 | events             | Conference Coordination Group for WTSA, WTDC and PP-22                | decision    | completed   | GS  | BR;TSB;BDT;GS |        |
43 | membership         | JIU implementation report to Council                                  | report      | completed   | GS  | BR;TSB;BDT;GS | C22/61 |
46 | events             | PP-22 in Bucharest reviewing Resolution 191                           | event       | planned     | GS  | BR;TSB;BDT;GS |        | 2022-10-14`;

/** Sectors involved with `lead`: 1 to 4 codes, mostly 2 or more, in canonical order. */
function pickSectors(lead) {
	const count = Number(pickWeighted({ 1: 14, 2: 36, 3: 30, 4: 20 }));
	const others = SECTORS.filter((s) => s !== lead);
	const chosen = new Set([lead]);
	while (chosen.size < count) chosen.add(pick(others));
	return SECTORS.filter((s) => chosen.has(s)).join(';');
}

/** Synthetic outcomes per year plus the named ones, sorted by meeting and numbered O-001... */
function generateOutcomes(meetings, themes) {
	const named = parseTable(NAMED_TABLE);
	const rows = named.map(([no, theme_id, title, type, status, lead, sectors, document, due]) => {
		const date = meetings[Number(no) - 1].date;
		const completed_date = status === 'completed' ? addDays(date, randomInt(20, 75)) : '';
		const row = { meeting_no: Number(no), date, theme_id, title, type, status };
		return { ...row, lead_sector: lead, sectors, document, due_date: due, completed_date };
	});
	const titles = new Set(rows.map((r) => r.title));
	for (const { year, outcomes: count, statusWeights } of YEARS) {
		const yearMeetings = meetings.filter((m) => m.date.startsWith(year));
		for (let i = 0; i < count; i++) {
			const meeting = pick(yearMeetings);
			let theme, type, title;
			// Draw again on a repeated title, so every title is unique.
			do {
				theme = pick(themes);
				type = pickWeighted(TYPE_WEIGHTS);
				title = pick(PATTERNS[type]).replace('{s}', pick(theme.subjects));
			} while (titles.has(title));
			titles.add(title);
			const lead = random() < 0.85 ? theme.lead_sector : pick(SECTORS);
			const hasDue = random() < 0.75;
			const due_date = hasDue ? addDays(meeting.date, randomInt(6, 40) * 7) : '';
			let status = pickWeighted(statusWeights);
			const room = daysBetween(meeting.date, AS_OF);
			if (status === 'completed' && room < 14) status = 'in_progress';
			// Completed within two months after the due date (or about a year), never after AS_OF.
			const latest = hasDue ? daysBetween(meeting.date, due_date) + 60 : 400;
			const completed_date = addDays(meeting.date, randomInt(14, Math.min(room, latest)));
			rows.push({
				meeting_no: meeting.meeting_no,
				date: meeting.date,
				theme_id: theme.theme_id,
				title,
				type,
				status,
				lead_sector: lead,
				sectors: pickSectors(lead),
				document: '',
				hasDocument: ['report', 'publication'].includes(type) && random() < 0.5,
				due_date,
				completed_date: status === 'completed' ? completed_date : ''
			});
		}
	}
	rows.sort((a, b) => a.meeting_no - b.meeting_no);
	// Synthetic document references are numbered per year in meeting order.
	const documentsPerYear = {};
	for (const r of rows.filter((r) => r.hasDocument)) {
		const yy = r.date.slice(2, 4);
		documentsPerYear[yy] = (documentsPerYear[yy] ?? 0) + 1;
		r.document = `ISC-TF-${yy}/${pad2(documentsPerYear[yy])}`;
	}
	return rows.map((r, i) => ({ outcome_id: `O-${String(i + 1).padStart(3, '0')}`, ...r }));
}

// Units that send staff to the meetings, per sector (illustrative).
const UNITS = parseLookup(`
BR  | Director's office  | Space Services          | Terrestrial Services         | Study Groups
TSB | Director's office  | Study Groups            | Policy and Technology Watch  | Operations and Planning
BDT | Director's office  | Projects                | Digital Networks and Society | Partnerships
GS  | Strategic Planning | Corporate Communication | Conferences and Publications | Membership`);

/** One attendance row per sector per meeting; each meeting's rows sum to its participants. */
function generateAttendance(meetings) {
	return meetings.flatMap((m) => {
		const counts = { BR: 2, TSB: 2, BDT: 2, GS: 2 };
		for (let i = 8; i < m.participants; i++)
			counts[pickWeighted({ BR: 2, TSB: 3, BDT: 3, GS: 4 })]++;
		return SECTORS.map((sector) => ({
			meeting_no: m.meeting_no,
			sector,
			unit: pick(UNITS[sector]),
			participants: counts[sector]
		}));
	});
}

/** RFC 4180 CSV text (LF line ends) of `rows` with the given column order. */
function toCsv(rows, columns) {
	const quote = (v) => {
		const s = String(v ?? '');
		return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
	};
	return (
		[columns, ...rows.map((r) => columns.map((c) => r[c]))]
			.map((cells) => cells.map(quote).join(','))
			.join('\n') + '\n'
	);
}

// Columns per table in contract order, with their Parquet types (VARCHAR unless given);
// `sectors` is read as text and split on ';' into a VARCHAR[] list.
const SCHEMAS = {
	meetings: 'meeting_no INTEGER, date DATE, format, chair, location, participants INTEGER',
	themes: 'theme_id, name, lead_sector, focal_point, webpage',
	outcomes: `outcome_id, meeting_no INTEGER, date DATE, theme_id, title, type, status, lead_sector,
		sectors, document, due_date DATE, completed_date DATE`,
	attendance: 'meeting_no INTEGER, sector, unit, participants INTEGER'
};
/** [name, type] pairs of a table's columns, from SCHEMAS. */
const columnsOf = (table) =>
	SCHEMAS[table].split(',').map((c) => [...c.trim().split(/\s+/), 'VARCHAR'].slice(0, 2));

/** Converts each data/<table>.csv to data/<table>.parquet with the types in SCHEMAS. */
async function writeParquet() {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const literal = (s) => `'${s.replaceAll("'", "''")}'`;
	for (const table of Object.keys(SCHEMAS)) {
		const columns = columnsOf(table);
		const types = columns.map(([c, t]) => `${literal(c)}: ${literal(t)}`).join(', ');
		const select = columns
			.map(([c]) => (c === 'sectors' ? `string_split(sectors, ';') AS sectors` : `"${c}"`))
			.join(', ');
		const csv = literal(`${DATA_DIR}${table}.csv`);
		await connection.run(
			`COPY (SELECT ${select} FROM read_csv(${csv}, header = true, delim = ',', quote = '"',
				escape = '"', auto_detect = false, columns = {${types}}))
			TO ${literal(`${DATA_DIR}${table}.parquet`)} (FORMAT parquet, COMPRESSION snappy)`
		);
	}
	connection.closeSync();
	instance.closeSync();
}

const meetings = generateMeetings();
const tables = {
	meetings,
	themes: THEMES,
	outcomes: generateOutcomes(meetings, THEMES),
	attendance: generateAttendance(meetings)
};
mkdirSync(DATA_DIR, { recursive: true });
for (const [table, rows] of Object.entries(tables)) {
	const names = columnsOf(table).map(([name]) => name);
	writeFileSync(`${DATA_DIR}${table}.csv`, toCsv(rows, names));
	console.log(`data/${table}.csv: ${rows.length} rows`);
}
await writeParquet();
console.log('data/*.parquet written');

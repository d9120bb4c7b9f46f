/**
 * Deterministic benchmark datasets: N outcomes plus matching meetings, themes and attendance, as
 * CSV and Parquet in bench/data/<size>/. A seeded PRNG (mulberry32), no clock: the same size and
 * seed give byte-identical CSV. A manifest records seed, generator version and file sizes; a size
 * whose files all match it is not written again.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createRandom } from '../../scripts/lib/random.mjs';

/** Bumped whenever the generated content changes, so old files are regenerated. */
export const GENERATOR_VERSION = 1;
/** Issue 7, the benchmark's issue; each size adds its row count. */
export const SEED = 7;
/** The four contract tables, in upload order. */
export const TABLES = ['meetings', 'themes', 'outcomes', 'attendance'];

const SECTORS = ['BR', 'TSB', 'BDT', 'GS'];
const TYPES = { decision: 2, action: 5, report: 3, publication: 3, event: 3, other: 1 };
const FIRST_YEAR = 2015;
const YEARS = 10;
// 20 themes: the sample's 13 and 7 more; lead sector, weight (some themes are much busier).
const THEMES =
	`accessibility BDT 5|standards-gap TSB 4|communications GS 6|community-networks BDT 3|
emergency-telecom BDT 4|emerging-trends-ai TSB 9|environment-ssc TSB 6|events GS 8|gender GS 5|
geospatial BR 3|membership GS 4|resource-mobilization BDT 3|multilingualism GS 2|spectrum-outreach BR 3|
cybersecurity TSB 5|digital-skills BDT 4|space-sustainability BR 2|youth GS 2|smes BDT 1|quantum TSB 1`
		.split('|')
		.map((s) => s.trim().split(' '))
		.map(([id, lead, w]) => ({ id, lead, weight: Number(w) }));
const SUBJECTS = ['joint workplans', 'regional events', 'web content', 'study groups', 'surveys'];
const PATTERNS = ['Joint approach on', 'Progress report on', 'Guidelines on', 'Workshop on'];

/** Draw from `{key: weight}` with `random`. */
function weighted(random, entries) {
	const total = entries.reduce((s, [, w]) => s + w, 0);
	let r = random() * total;
	for (const [k, w] of entries) if ((r -= w) < 0) return k;
	return entries.at(-1)[0];
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;
const START = Date.UTC(FIRST_YEAR, 0, 1);
const SPAN = Date.UTC(FIRST_YEAR + YEARS, 0, 1) - START - DAY;

/** `count` meetings, evenly spread over the ten years. */
function meetings(random, count) {
	const rows = [];
	for (let i = 0; i < count; i++) {
		const date = iso(START + Math.floor((i * SPAN) / Math.max(1, count - 1) / DAY) * DAY);
		const format = date < '2020-03-01' ? 'in_person' : date < '2022-03-01' ? 'virtual' : 'hybrid';
		const location = { in_person: 'Geneva', virtual: 'Virtual', hybrid: 'Geneva and online' };
		const participants = 20 + Math.floor(random() * 41);
		const chair = random() < 0.85 ? 'Deputy Secretary-General' : 'Director of BDT';
		rows.push([i + 1, date, format, chair, location[format], participants]);
	}
	return rows;
}

/** Sectors involved: the lead plus 0..3 others, in canonical order, `;`-separated. */
function sectors(random, lead) {
	const n = Number(
		weighted(random, [
			['1', 14],
			['2', 36],
			['3', 30],
			['4', 20]
		])
	);
	const chosen = new Set([lead]);
	while (chosen.size < n) chosen.add(SECTORS[Math.floor(random() * 4)]);
	return SECTORS.filter((s) => chosen.has(s)).join(';');
}

/** CSV line of plain cells (none of ours needs quoting). */
const line = (cells) => `${cells.map((c) => c ?? '').join(',')}\n`;

async function writeOutcomes(file, random, n, meetingRows) {
	const out = createWriteStream(file);
	out.write(
		'outcome_id,meeting_no,date,theme_id,title,type,status,lead_sector,sectors,document,due_date,completed_date\n'
	);
	const themes = THEMES.map((t) => [t, t.weight]);
	const types = Object.entries(TYPES);
	let chunk = '';
	for (let i = 1; i <= n; i++) {
		const m = meetingRows[Math.floor(random() * meetingRows.length)];
		const theme = weighted(random, themes);
		const type = weighted(random, types);
		const age = (FIRST_YEAR + YEARS - Number(m[1].slice(0, 4))) / YEARS;
		const status = weighted(random, [
			['completed', 15 + 75 * age],
			['in_progress', 40 - 25 * age],
			['planned', 35 - 33 * age],
			['cancelled', 5]
		]);
		const lead = random() < 0.85 ? theme.lead : SECTORS[Math.floor(random() * 4)];
		const dateMs = Date.parse(m[1]);
		const due = random() < 0.75 ? iso(dateMs + (6 + Math.floor(random() * 35)) * 7 * DAY) : '';
		const done =
			status === 'completed' ? iso(dateMs + (14 + Math.floor(random() * 300)) * DAY) : '';
		const doc = type === 'report' && random() < 0.5 ? `ISC-TF-${m[1].slice(2, 4)}/${i % 997}` : '';
		const title = `${PATTERNS[i % 4]} ${SUBJECTS[Math.floor(random() * 5)]} ${i % 1000}`;
		const id = `O-${String(i).padStart(7, '0')}`;
		const involved = sectors(random, lead);
		chunk += line([id, m[0], m[1], theme.id, title, type, status, lead, involved, doc, due, done]);
		if (chunk.length > 1 << 20) {
			if (!out.write(chunk)) await once(out, 'drain');
			chunk = '';
		}
	}
	out.end(chunk);
	await once(out, 'finish');
}

const COLUMNS = {
	meetings: 'meeting_no INTEGER, date DATE, format, chair, location, participants INTEGER',
	themes: 'theme_id, name, lead_sector, focal_point, webpage',
	outcomes: `outcome_id, meeting_no INTEGER, date DATE, theme_id, title, type, status, lead_sector,
		sectors, document, due_date DATE, completed_date DATE`,
	attendance: 'meeting_no INTEGER, sector, unit, participants INTEGER'
};

/** [name, DuckDB type] of each column of `table` as generated. */
export const columnsOf = (table) =>
	COLUMNS[table].split(',').map((c) => [...c.trim().split(/\s+/), 'VARCHAR'].slice(0, 2));

/** read_csv(...) of a generated CSV with its exact types (no sniffing). */
export function readCsvSql(table, file) {
	const types = columnsOf(table)
		.map(([c, t]) => `'${c}': '${t}'`)
		.join(', ');
	return `read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = {${types}})`;
}

/** SELECT list turning the CSV's `sectors` text into a list, as the Parquet files store it. */
export const selectList = (table) =>
	columnsOf(table)
		.map(([c]) => (c === 'sectors' ? `string_split(sectors, ';') AS sectors` : `"${c}"`))
		.join(', ');

async function writeParquet(dir) {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	for (const t of TABLES) {
		const src = readCsvSql(t, path.join(dir, `${t}.csv`));
		await conn.run(
			`COPY (SELECT ${selectList(t)} FROM ${src}) TO '${path.join(dir, `${t}.parquet`)}' (FORMAT parquet, COMPRESSION snappy)`
		);
	}
	conn.closeSync();
	db.closeSync();
}

function manifestOk(dir, want) {
	const file = path.join(dir, 'manifest.json');
	if (!existsSync(file)) return false;
	const m = JSON.parse(readFileSync(file, 'utf8'));
	if (m.generator !== want.generator || m.seed !== want.seed || m.outcomes !== want.outcomes)
		return false;
	return Object.entries(m.files ?? {}).every(
		([f, bytes]) => existsSync(path.join(dir, f)) && statSync(path.join(dir, f)).size === bytes
	);
}

/**
 * Write (unless already there) the dataset with `outcomes` rows into `dir`. Returns its manifest:
 * row counts per table, file sizes, and whether it was generated now.
 */
export async function ensureDataset(dir, outcomes) {
	const want = { generator: GENERATOR_VERSION, seed: SEED + outcomes, outcomes };
	if (manifestOk(dir, want))
		return { ...JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')), fresh: false };
	mkdirSync(dir, { recursive: true });
	const random = createRandom(want.seed);
	const meetingRows = meetings(random, Math.max(46, Math.round(outcomes / 100)));
	const themeRows = THEMES.map((t) => [
		...[t.id, t.id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), t.lead],
		...[`Focal point ${t.lead}`, `https://www.itu.int/en/action/${t.id}`]
	]);
	const attendance = meetingRows.flatMap((m) =>
		SECTORS.map((s) => [m[0], s, `${s} unit ${1 + Math.floor(random() * 3)}`, 2 + (m[5] % 9)])
	);
	const head = (t) =>
		`${columnsOf(t)
			.map(([c]) => c)
			.join(',')}\n`;
	await writeFile(
		path.join(dir, 'meetings.csv'),
		head('meetings') + meetingRows.map(line).join('')
	);
	await writeFile(path.join(dir, 'themes.csv'), head('themes') + themeRows.map(line).join(''));
	await writeFile(
		path.join(dir, 'attendance.csv'),
		head('attendance') + attendance.map(line).join('')
	);
	await writeOutcomes(path.join(dir, 'outcomes.csv'), random, outcomes, meetingRows);
	await writeParquet(dir);
	const rows = {
		meetings: meetingRows.length,
		themes: THEMES.length,
		outcomes,
		attendance: attendance.length
	};
	const files = {};
	for (const t of TABLES)
		for (const ext of ['csv', 'parquet'])
			files[`${t}.${ext}`] = statSync(path.join(dir, `${t}.${ext}`)).size;
	const manifest = { ...want, rows, files };
	await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, '\t'));
	return { ...manifest, fresh: true };
}

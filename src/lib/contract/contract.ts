/**
 * Data contract v1 as data: the four tables Intersect reads, their columns, types, synonyms and
 * enums. Everything that recognises, validates or documents an export reads it from here.
 */

/** A column's value type; `sectors` is a list of sector codes, `url` an http(s) address. */
export type ColumnType =
	'integer' | 'count' | 'text' | 'date' | 'enum' | 'sector' | 'sectors' | 'url';

/** One column of a contract table. */
export interface ContractColumn {
	name: string;
	type: ColumnType;
	required: boolean;
	synonyms: string[];
	/** Accepted canonical values for `enum` columns. */
	values?: string[];
	/** Extra spellings of enum values: alias (normalised) -> canonical value. */
	aliases?: Record<string, string>;
	/** The column's values must be unique within the table. */
	unique?: boolean;
	/** Values must match a row of this table's key, else a warning. */
	references?: TableName;
	/** One line for docs and the template. */
	note?: string;
	/** An example value, used by the CSV template. */
	example: string;
}

/** A contract table. */
export interface ContractTable {
	name: TableName;
	optional: boolean;
	/** Column that identifies a row; duplicates are errors. */
	key: string;
	columns: ContractColumn[];
	description: string;
}

/** The four table names of the contract. */
export type TableName = 'meetings' | 'themes' | 'outcomes' | 'attendance';

/** Canonical sector codes, in display order. */
export const SECTORS = ['BR', 'TSB', 'BDT', 'GS'] as const;
/** A canonical sector code. */
export type Sector = (typeof SECTORS)[number];

/** Sector aliases (canonical code -> accepted spellings), matched like headers. */
export const SECTOR_ALIASES: Record<Sector, string[]> = {
	BR: ['BR', 'ITU-R', 'R', 'Radiocommunication', 'Radiocommunication Bureau'],
	TSB: ['TSB', 'ITU-T', 'T', 'Standardization', 'Telecommunication Standardization Bureau'],
	BDT: ['BDT', 'ITU-D', 'D', 'Development', 'Telecommunication Development Bureau'],
	GS: ['GS', 'General Secretariat', 'SG']
};

/** Meeting formats. */
export const FORMATS = ['in_person', 'virtual', 'hybrid'] as const;
/** Outcome statuses, in lifecycle order. */
export const STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
/** Outcome types. */
export const OUTCOME_TYPES = [
	'decision',
	'action',
	'report',
	'publication',
	'event',
	'other'
] as const;

/** Separators accepted between sector codes in a `sectors` cell. */
export const SECTOR_LIST_SEPARATORS = /[;,|]/;

const col = (c: Omit<ContractColumn, 'synonyms' | 'required'> & Partial<ContractColumn>) =>
	({ synonyms: [], required: false, ...c }) as ContractColumn;

/** The contract: the four tables in load order (referenced tables first). */
export const CONTRACT: ContractTable[] = [
	{
		name: 'meetings',
		optional: false,
		key: 'meeting_no',
		description: 'One row per ISC-TF meeting.',
		columns: [
			col({
				name: 'meeting_no',
				type: 'integer',
				required: true,
				unique: true,
				synonyms: ['meeting_number', 'meeting', 'meeting_id', 'no', 'number'],
				note: 'integer >= 1, unique',
				example: '46'
			}),
			col({
				name: 'date',
				type: 'date',
				required: true,
				synonyms: ['meeting_date'],
				example: '2022-09-20'
			}),
			col({
				name: 'format',
				type: 'enum',
				values: [...FORMATS],
				synonyms: ['mode'],
				note: 'empty = unknown',
				example: 'virtual'
			}),
			col({ name: 'chair', type: 'text', example: 'Deputy Secretary-General' }),
			col({ name: 'location', type: 'text', synonyms: ['venue'], example: 'Virtual' }),
			col({
				name: 'participants',
				type: 'count',
				synonyms: ['attendees', 'participant_count'],
				example: '38'
			})
		]
	},
	{
		name: 'themes',
		optional: false,
		key: 'theme_id',
		description: 'One row per thematic area.',
		columns: [
			col({
				name: 'theme_id',
				type: 'text',
				required: true,
				unique: true,
				synonyms: ['theme', 'id', 'slug'],
				example: 'accessibility'
			}),
			col({
				name: 'name',
				type: 'text',
				required: true,
				synonyms: ['theme_name', 'title'],
				example: 'Accessibility'
			}),
			col({
				name: 'lead_sector',
				type: 'sector',
				synonyms: ['lead', 'sector'],
				example: 'TSB'
			}),
			col({ name: 'focal_point', type: 'text', example: 'Focal point name' }),
			col({
				name: 'webpage',
				type: 'url',
				synonyms: ['url', 'link'],
				note: 'http(s) only; any other scheme is rejected',
				example: 'https://www.itu.int/accessibility'
			})
		]
	},
	{
		name: 'outcomes',
		optional: false,
		key: 'outcome_id',
		description: 'One row per outcome (decision, action, report, ...) of the task force.',
		columns: [
			col({
				name: 'outcome_id',
				type: 'text',
				required: true,
				unique: true,
				synonyms: ['id'],
				example: 'O-001'
			}),
			col({
				name: 'meeting_no',
				type: 'integer',
				references: 'meetings',
				note: 'must match a loaded meeting, else a warning',
				example: '46'
			}),
			col({
				name: 'date',
				type: 'date',
				required: true,
				synonyms: ['outcome_date'],
				example: '2022-09-20'
			}),
			col({
				name: 'theme_id',
				type: 'text',
				required: true,
				synonyms: ['theme'],
				references: 'themes',
				note: 'must match a loaded theme, else a warning',
				example: 'accessibility'
			}),
			col({
				name: 'title',
				type: 'text',
				required: true,
				synonyms: ['outcome', 'description'],
				example: 'Annual report to Council'
			}),
			col({
				name: 'type',
				type: 'enum',
				values: [...OUTCOME_TYPES],
				synonyms: ['category'],
				example: 'report'
			}),
			col({
				name: 'status',
				type: 'enum',
				required: true,
				values: [...STATUSES],
				aliases: { done: 'completed', ongoing: 'in_progress' },
				note: '`done` = completed, `ongoing` = in_progress',
				example: 'completed'
			}),
			col({ name: 'lead_sector', type: 'sector', example: 'GS' }),
			col({
				name: 'sectors',
				type: 'sectors',
				required: true,
				synonyms: ['sectors_involved'],
				note: 'one or more sector codes separated by ; , or |',
				example: 'BR;TSB;BDT'
			}),
			col({ name: 'document', type: 'text', synonyms: ['document_ref'], example: 'C22/35' }),
			col({ name: 'due_date', type: 'date', example: '2022-12-31' }),
			col({ name: 'completed_date', type: 'date', example: '2022-09-20' })
		]
	},
	{
		name: 'attendance',
		optional: true,
		key: '',
		description: 'Optional: participants per sector (and unit) per meeting.',
		columns: [
			col({
				name: 'meeting_no',
				type: 'integer',
				required: true,
				references: 'meetings',
				example: '46'
			}),
			col({ name: 'sector', type: 'sector', required: true, example: 'BDT' }),
			col({ name: 'unit', type: 'text', synonyms: ['department'], example: 'Projects' }),
			col({
				name: 'participants',
				type: 'count',
				required: true,
				synonyms: ['attendees'],
				example: '5'
			})
		]
	}
];

/** The contract table called `name`. */
export function getTable(name: TableName): ContractTable {
	const t = CONTRACT.find((x) => x.name === name);
	if (!t) throw new Error(`Unknown table ${name}`);
	return t;
}

/** Table names in load order. */
export const TABLE_NAMES: TableName[] = CONTRACT.map((t) => t.name);

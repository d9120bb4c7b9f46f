/** The shapes a prepared batch is reported in: per file, per staging table, and as a whole. */
import type { TableName } from '../contract/contract';
import type { HeaderMapping } from '../contract/match';
import type { Recognition } from '../contract/recognise';
import type { LoadMode } from '../db/queries/dataset';
import type { ProblemRow } from '../db/queries/validate';
import type { InputFile } from './decode';
import type { FileProblem } from './file-error-text';
import type { RawFile } from './stage';

/** What happened to one file. */
export interface FileReport {
	file: string;
	kind: 'csv' | 'parquet' | null;
	table: TableName | null;
	/** How the table was decided: guessed from the header, or chosen by the analyst. */
	tableChosen: boolean;
	mapping: HeaderMapping | null;
	headers: string[];
	preview: string[][];
	encoding?: string;
	delimiter?: string;
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	/** A file-level failure: the file cannot be loaded as it is (in the language of the load). */
	error?: string;
	/** Why the file has no table to go into (with `error`): the UI words it. */
	refusal?: Refusal;
	/** The same failure as a code, when it is one (the UI words it in the current language). */
	errorCode?: FileProblem;
}

/** A file refused for its table: it fits none (or not the one chosen), or several. */
export type Refusal = Exclude<Recognition, { code: 'fits' }>;

/** A staging table of a prepared batch: what a commit puts live. */
export interface BatchTable {
	table: TableName;
	rows: number;
	files: string[];
	staging: string;
}

/** The result of preparing a batch: per-file reports, problems, and what a commit would change. */
export interface BatchReport {
	id: string;
	mode: LoadMode;
	files: FileReport[];
	/** The inputs, in order (kept to re-validate with other choices and to persist). */
	inputs: InputFile[];
	/** Problems, errors and warnings, first `PROBLEM_LIMIT` of them. */
	problems: ProblemRow[];
	errorCount: number;
	warningCount: number;
	/** Tables a commit changes, with their new row counts and source files. */
	tables: BatchTable[];
	/** Each file's staged raw table (null when the file could not be read), kept until commit. */
	staged: (RawFile | null)[];
}

/** At most this many problems are listed; the counts stay exact. */
export const PROBLEM_LIMIT = 5000;

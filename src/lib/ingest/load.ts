/**
 * Loading a batch of files: decode and stage each one, recognise its table, validate every row in
 * SQL into one staging table per contract table (validate-batch.ts), then swap the staging tables
 * in atomically on commit (commit.ts). Nothing touches the live tables until `commitBatch`; a
 * failure, a cancel or `discardBatch` leaves them as they were.
 */
import type { LoadMode } from '../db/queries/dataset';
import { dropTableSql } from '../db/queries/staging';
import type { ParquetDecoder, SqlConnection } from '../db/types';
import {
	inPlaceDecoder,
	type FileDecoder,
	type FileOverride,
	type InputFile,
	type LoadProgress
} from './decode';
import { FileError } from './detect';
import { fileErrorText } from './file-error-text';
import { releaseStaged, stageCsv, stageParquet, stagingError, type RawFile } from './stage';
import type { BatchReport, FileReport } from './batch';
import { validateStaged, type ValidationPath } from './validate-batch';

export type { FileOverride, InputFile, LoadProgress } from './decode';
export { commitBatch, discardBatch } from './commit';
export { checkLoadRisk, isRisky, type LoadRisk } from './references';
export { PROBLEM_LIMIT, type BatchReport, type BatchTable, type FileReport } from './batch';

let batchCounter = 0;

/** Options shared by the batch functions. */
export interface BatchOptions {
	/** How files are decoded; default: in this thread with `decodeParquet`. */
	decode?: FileDecoder;
	decodeParquet?: ParquetDecoder;
	overrides?: Record<string, FileOverride>;
	mode?: LoadMode;
	onProgress?: (p: LoadProgress) => void;
	signal?: AbortSignal;
	/** `precise` checks every cell as text: the fast path's reference (tests). Default `fast`. */
	path?: ValidationPath;
}

function emptyReport(file: string): FileReport {
	return {
		file,
		kind: null,
		table: null,
		tableChosen: false,
		mapping: null,
		headers: [],
		preview: [],
		rowsRead: 0,
		rowsLoaded: 0,
		rowsRejected: 0
	};
}

/** Decode and stage every file as a raw text table; a file that fails gets its one sentence. */
async function stageFiles(
	conn: SqlConnection,
	id: string,
	files: InputFile[],
	o: BatchOptions
): Promise<{ reports: FileReport[]; staged: (RawFile | null)[] }> {
	if (!o.decode && !o.decodeParquet) throw new Error('prepareBatch needs decode or decodeParquet');
	const decode = o.decode ?? inPlaceDecoder(o.decodeParquet!);
	const reports = files.map((f) => emptyReport(f.name));
	const staged: (RawFile | null)[] = files.map(() => null);
	try {
		for (const [index, f] of files.entries()) {
			const report = reports[index]!;
			try {
				const decoded = await decode(f, { onProgress: o.onProgress, signal: o.signal });
				o.signal?.throwIfAborted();
				report.kind = decoded.kind;
				o.onProgress?.({ stage: 'parsing', file: f.name, fraction: 0 });
				const raw = `raw_${id}_${index}`;
				const r =
					decoded.kind === 'parquet'
						? await stageParquet(conn, { decoded, raw })
						: await stageCsv(conn, { decoded, raw });
				staged[index] = r;
				Object.assign(report, {
					headers: r.headers,
					preview: r.preview,
					encoding: r.encoding,
					delimiter: r.delimiter,
					rowsRead: r.rowsRead
				});
			} catch (e) {
				if (o.signal?.aborted) throw o.signal.reason;
				const err = e instanceof FileError ? e : stagingError(f.name, 'table', e);
				report.error = fileErrorText(err);
				report.errorCode = { code: err.code, params: { ...err.params } };
				report.rowsRejected = report.rowsRead;
			}
			o.signal?.throwIfAborted();
		}
	} catch (e) {
		await dropRaw(conn, staged);
		throw e;
	}
	return { reports, staged };
}

const dropRaw = releaseStaged;

/**
 * Decode, stage, recognise and validate files; nothing live changes. The raw tables stay for
 * `revalidateBatch`. Call commitBatch or discardBatch after. Throws the signal's reason on abort.
 */
export async function prepareBatch(
	conn: SqlConnection,
	o: BatchOptions & { files: InputFile[] }
): Promise<BatchReport> {
	const id = `b${++batchCounter}_${Date.now().toString(36)}`;
	const { reports, staged } = await stageFiles(conn, id, o.files, o);
	const inputs = o.files.map((f) => ({ ...f, override: f.override ?? o.overrides?.[f.name] }));
	const batch: BatchReport = {
		id,
		mode: o.mode ?? 'replace',
		files: reports,
		inputs,
		problems: [],
		errorCount: 0,
		warningCount: 0,
		tables: [],
		staged
	};
	try {
		return await validateStaged(conn, batch, o);
	} catch (e) {
		await dropRaw(conn, staged);
		throw e;
	}
}

/**
 * Validate a prepared batch again with other choices (a file's table, hand-mapped columns, the
 * load mode), reusing its staged raw tables. Returns a new report; the old one is spent.
 */
export async function revalidateBatch(
	conn: SqlConnection,
	batch: BatchReport,
	o: {
		overrides: Record<number, FileOverride>;
		mode: LoadMode;
		signal?: AbortSignal;
		onProgress?: (p: LoadProgress) => void;
		path?: ValidationPath;
	}
): Promise<BatchReport> {
	for (const t of batch.tables) await conn.query(dropTableSql(t.staging));
	const inputs = batch.inputs.map((f, i) => ({ ...f, override: o.overrides[i] ?? f.override }));
	const files = batch.files.map((f, i) =>
		batch.staged[i] ? { ...f, error: undefined, errorCode: undefined } : f
	);
	return validateStaged(conn, { ...batch, inputs, files, mode: o.mode, tables: [] }, o);
}

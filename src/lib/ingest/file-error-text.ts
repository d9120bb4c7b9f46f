/**
 * A file-level failure (FileError's code and parameters) in words: catalogue `load.file.<code>`,
 * in the active language unless `locale` is given. Main thread only (the decode worker sends
 * codes, never sentences).
 */
import { t, type Locale, type MessageKey } from '../i18n';
import type { FileErrorCode } from './detect';

/** A file-level failure as data: what `FileReport.errorCode` keeps for the UI. */
export interface FileProblem {
	code: FileErrorCode;
	params: Record<string, string | number>;
}

/** The sentence for `e` (`outcomes.xlsx is not a CSV or Parquet file…`), numbers in the language. */
export function fileErrorText(
	e: { file: string; code: FileErrorCode; params: Readonly<Record<string, string | number>> },
	locale?: Locale
): string {
	return t(`load.file.${e.code}` as MessageKey, { ...e.params, file: e.file }, locale);
}

/**
 * A row problem's reason in words: the `reason` column holds a code and positional parameters
 * (`db/queries/problems.ts` `problemReason`); the catalogue's `problem.<code>` words it in the
 * active language unless `locale` is given. Text that is not a known code is shown as it is.
 */
import { REASON_SEP } from '../db/queries/problems';
import { hasMessage, t, type Locale } from '../i18n';

/** Parameter names of each code, in the order the SQL writes them. */
const PARAMS: Record<string, readonly string[]> = {
	unknownEnum: ['values'],
	unknownSectors: ['codes'],
	duplicate: ['column', 'file', 'row'],
	duplicateLoaded: ['column', 'table'],
	noMeeting: ['column'],
	noTheme: ['column'],
	fewerFields: ['found', 'expected'],
	moreFields: ['expected'],
	other: ['detail']
};

/** The sentence for a problem's `reason` (`not a whole number`, `duplicate meeting_no: …`). */
export function problemText(reason: string, locale?: Locale): string {
	const [code = '', ...values] = reason.split(REASON_SEP);
	const key = `problem.${code}`;
	if (!hasMessage(key)) return reason;
	const params = Object.fromEntries((PARAMS[code] ?? []).map((n, i) => [n, values[i] ?? '']));
	return t(key, params, locale);
}

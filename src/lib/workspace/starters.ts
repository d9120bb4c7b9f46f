/**
 * A starter query as the editor shows it: its SQL after a comment that explains it, in the
 * reader's language (`ws.starter.<id>.comment`). Keywords, tables and columns stay SQL.
 */
import { withComment, type StarterQuery } from '$lib/db/queries/workspace';
import { t, type MessageKey } from '$lib/i18n';

/** The starter's SQL with its explaining comment in the active language. */
export function starterText(q: StarterQuery): string {
	return withComment(q.sql, t(`ws.starter.${q.id}.comment` as MessageKey));
}

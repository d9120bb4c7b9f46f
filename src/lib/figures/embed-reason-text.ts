/** Why an embed link's numbers were refused, in the reader's language (`fig.embed.reason.*`). */
import { xt, type ExportMessageKey } from '$lib/i18n';
import type { EmbedError } from './embed-payload';

/** The reason of `e` as a clause (`row 3: year is not a valid value`), for `fig.embed.*` sentences. */
export function embedReasonText(e: EmbedError): string {
	return xt(`embed.reason.${e.reason}` as ExportMessageKey, e.params);
}

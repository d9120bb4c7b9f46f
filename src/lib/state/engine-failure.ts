/** The sentence shown when the engine cannot start: the browser lacks a feature, or the start failed. */
import { EngineUnsupportedError } from '$lib/db/engine-stage';
import { formatList, t } from '$lib/i18n';

/** The reader's sentence for an engine start failure `e` (unsupported browser, or the error's message). */
export function engineFailureText(e: unknown): string {
	if (e instanceof EngineUnsupportedError)
		return t('engine.unsupported', { missing: formatList(e.missing) });
	return t('engine.failed', { message: e instanceof Error ? e.message : String(e) });
}

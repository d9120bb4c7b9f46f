/** The guard's refusal in the reader's language (`ws.refused.*`); SQL in it stays SQL. */
import { t, type MessageKey } from '$lib/i18n';
import type { GuardVerdict, Refusal } from './guard';

/** One statement's refusal as a sentence (`DROP TABLE is refused: …`). */
export function refusalSentence(r: Refusal): string {
	if (r.code === 'control') {
		const reason = t(`ws.refused.reason.${r.params.reason}` as MessageKey);
		return t('ws.refused.control', { statement: r.params.statement, reason });
	}
	return t(`ws.refused.${r.code}` as MessageKey, r.params);
}

/** A refused script's message: the sentence, after `Statement n:` when the script has several. */
export function refusalText(v: Extract<GuardVerdict, { ok: false }>): string {
	const sentence = refusalSentence(v.refusal);
	return v.total > 1 ? statementText(v.index, sentence) : sentence;
}

/** `Statement n: message`, for a script of several statements (`index` counts from 0). */
export function statementText(index: number, message: string): string {
	return t('ws.statementN', { n: index + 1, message });
}

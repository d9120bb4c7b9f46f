/** The sentences a save ends with: storage full or failing, another tab's load merged in. */
import { lt } from '$lib/i18n';
import { QuotaError, type SaveResult } from './persist';

/** Alerts after a save (its result, or what it threw); none when it simply succeeded. */
export function saveAlerts(r: SaveResult | unknown): string[] {
	if (r instanceof QuotaError) return [lt('storage.full')];
	if (r instanceof Error || !(r as SaveResult)?.version)
		return [lt('storage.failed', { message: r instanceof Error ? r.message : String(r) })];
	const s = r as SaveResult;
	const out: string[] = [];
	if (s.conflicts.length) out.push(lt('tabs.conflict', { tables: s.conflicts.join(', ') }));
	else if (s.merged) out.push(lt('tabs.merged'));
	return out;
}

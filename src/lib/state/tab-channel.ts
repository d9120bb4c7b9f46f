/**
 * Telling the app's other tabs that the stored dataset changed (BroadcastChannel), so they can
 * offer to show it instead of silently showing an older one. Where BroadcastChannel is missing,
 * nothing is announced and nothing breaks.
 */

/** What a tab announces after it stored a new current version. */
export interface DatasetAnnouncement {
	/** The files of the load (empty: the sample, or a version chosen from the history). */
	files: string[];
	/** The stored current version's id. */
	id: string;
}

const NAME = 'intersect-dataset';

/** Open the channel: `onmessage` hears other tabs; returns the function that announces. */
export function openTabChannel(
	onmessage: (a: DatasetAnnouncement) => void
): (a: DatasetAnnouncement) => void {
	if (typeof BroadcastChannel === 'undefined') return () => undefined;
	const channel = new BroadcastChannel(NAME);
	channel.onmessage = (e: MessageEvent<DatasetAnnouncement>) => onmessage(e.data);
	// Plain copies (state proxies cannot be cloned); an announcement that fails is not a failed load.
	return (a) => {
		try {
			channel.postMessage({ files: [...a.files], id: a.id });
		} catch {
			/* the other tabs simply are not told */
		}
	};
}

/**
 * Copying figures and text to the clipboard, with a clear message when the browser refuses
 * (no Clipboard API outside a secure context, no image support, or permission denied).
 */
import { xt } from '$lib/i18n';

/** A copy the browser refused, with the sentence to show. */
export class ClipboardError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ClipboardError';
	}
}

/** The sentence for a failed copy: denied, unsupported, or the browser's own message. */
export function clipboardMessage(e: unknown, what: 'image' | 'text'): string {
	const name = (e as { name?: string } | null)?.name;
	if (name === 'NotAllowedError' || name === 'SecurityError') return xt('clipboard.denied');
	if (name === 'NotSupportedError' || name === 'DataError')
		return what === 'image' ? xt('clipboard.unsupported') : xt('clipboard.unsupportedText');
	return xt('export.failed', { message: e instanceof Error ? e.message : String(e) });
}

/**
 * Put a PNG on the clipboard. `png` may still be rendering: the ClipboardItem takes the promise,
 * so the click's user activation is used before any await (Safari needs that).
 */
export async function copyImage(png: Promise<Blob>): Promise<void> {
	if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
		png.catch(() => undefined);
		throw new ClipboardError(xt('clipboard.unsupported'));
	}
	try {
		await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
	} catch (e) {
		throw new ClipboardError(clipboardMessage(e, 'image'));
	}
}

/** Put text on the clipboard. */
export async function copyText(text: string): Promise<void> {
	if (!navigator.clipboard?.writeText) throw new ClipboardError(xt('clipboard.unsupportedText'));
	try {
		await navigator.clipboard.writeText(text);
	} catch (e) {
		throw new ClipboardError(clipboardMessage(e, 'text'));
	}
}

/**
 * The decode step off the main thread: read a File, detect its kind, decode CSV text to UTF-8
 * and sniff its header, or decode Parquet to Arrow IPC. The result's bytes are transferred back.
 */
import { parquetDecoderAt } from '../db/parquet-wasm';
import { decodeBytes, MAX_FILE_BYTES, type LoadProgress } from './decode';
import { FileError } from './detect';
import { isOutOfMemory, tooBigError } from './errors';
import type { DecodeReply, DecodeRequest } from './decode-protocol';

const post = (reply: DecodeReply, transfer: Transferable[] = []) =>
	(self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (e: MessageEvent<DecodeRequest>) => {
	const { id, name, blob, bytes, parquetWasm } = e.data;
	let last = 0;
	const onProgress = (p: LoadProgress) => {
		// At most ~20 messages a second: progress is for eyes, not for bookkeeping.
		const now = performance.now();
		if (p.fraction > 0 && p.fraction < 1 && now - last < 50) return;
		last = now;
		post({ id, type: 'progress', progress: p });
	};
	try {
		onProgress({ stage: 'reading', file: name, fraction: 0 });
		if (blob && blob.size > MAX_FILE_BYTES) throw tooBigError(name, blob.size);
		const data = bytes ?? new Uint8Array(await blob!.arrayBuffer());
		const decoded = await decodeBytes({
			name,
			bytes: data,
			decodeParquet: parquetDecoderAt(parquetWasm),
			onProgress
		});
		const out = decoded.kind === 'csv' ? decoded.utf8 : decoded.ipc;
		post({ id, type: 'done', decoded }, [out.buffer as ArrayBuffer]);
	} catch (err) {
		const fe =
			err instanceof FileError
				? err
				: isOutOfMemory(err)
					? tooBigError(name, blob?.size ?? bytes?.length)
					: new FileError(name, 'unreadable', {
							detail: String(err instanceof Error ? err.message : err)
						});
		post({ id, type: 'error', code: fe.code, params: { ...fe.params } });
	}
};

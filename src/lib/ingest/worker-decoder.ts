/**
 * A FileDecoder that runs decode.worker.ts: file reading, encoding detection, transcoding and
 * Parquet decoding happen off the main thread. One worker is kept and reused; cancelling a
 * decode terminates it (the next decode starts a fresh one).
 */
import { parquetWasmUrl } from '$lib/db/parquet';
import type { FileDecoder } from './decode';
import type { DecodeReply, DecodeRequest } from './decode-protocol';
import { FileError } from './detect';

let worker: Worker | null = null;
let seq = 0;

function getWorker(): Worker {
	worker ??= new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
	return worker;
}

/** Decode files in the shared decode worker. */
export const workerDecoder: FileDecoder = (file, o) =>
	new Promise((resolve, reject) => {
		o.signal?.throwIfAborted();
		const w = getWorker();
		const id = ++seq;
		const done = () => {
			w.removeEventListener('message', onMessage);
			w.removeEventListener('error', onError);
			o.signal?.removeEventListener('abort', onAbort);
		};
		const onMessage = (e: MessageEvent<DecodeReply>) => {
			const r = e.data;
			if (r.id !== id) return;
			if (r.type === 'progress') return o.onProgress?.(r.progress);
			done();
			if (r.type === 'done') resolve(r.decoded);
			else reject(new FileError(file.name, r.code, r.params));
		};
		const onError = (e: ErrorEvent) => {
			done();
			w.terminate();
			if (worker === w) worker = null;
			reject(new FileError(file.name, 'unreadable', { detail: e.message }));
		};
		const onAbort = () => {
			done();
			w.terminate();
			if (worker === w) worker = null;
			reject(o.signal!.reason);
		};
		w.addEventListener('message', onMessage);
		w.addEventListener('error', onError);
		o.signal?.addEventListener('abort', onAbort, { once: true });
		const parquetWasm = parquetWasmUrl();
		const request: DecodeRequest = file.blob
			? { id, name: file.name, blob: file.blob, parquetWasm }
			: { id, name: file.name, bytes: file.bytes, parquetWasm };
		w.postMessage(request);
	});

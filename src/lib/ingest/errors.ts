/** Recognising failures that mean "this file does not fit in memory", and saying so plainly. */
import { FileError } from './detect';

// DuckDB: "Out of Memory Error: ..."; V8: "Array buffer allocation failed", "Invalid array
// length", "Invalid string length"; wasm: "WebAssembly.Memory.grow(): Maximum memory size exceeded".
const OUT_OF_MEMORY =
	/out of memory|array buffer allocation failed|invalid (typed )?array length|invalid string length|maximum memory size exceeded/i;

/** True when `e` says the tab or the engine ran out of memory. */
export function isOutOfMemory(e: unknown): boolean {
	return OUT_OF_MEMORY.test(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
}

/** The error for a file that does not fit in the tab's memory (`bytes`: its size, if known). */
export function tooBigError(file: string, bytes?: number): FileError {
	return bytes === undefined
		? new FileError(file, 'tooBig')
		: new FileError(file, 'tooBigSize', { mb: Math.round(bytes / 1024 ** 2) });
}

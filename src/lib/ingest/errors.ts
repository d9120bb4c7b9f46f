/** Recognising failures that mean "this file does not fit in memory", and saying so plainly. */

// DuckDB: "Out of Memory Error: ..."; V8: "Array buffer allocation failed", "Invalid array
// length", "Invalid string length"; wasm: "WebAssembly.Memory.grow(): Maximum memory size exceeded".
const OUT_OF_MEMORY =
	/out of memory|array buffer allocation failed|invalid (typed )?array length|invalid string length|maximum memory size exceeded/i;

/** True when `e` says the tab or the engine ran out of memory. */
export function isOutOfMemory(e: unknown): boolean {
	return OUT_OF_MEMORY.test(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
}

/** The message for a file that does not fit in the tab's memory (`bytes`: its size, if known). */
export function tooBigMessage(file: string, bytes?: number): string {
	const size =
		bytes === undefined ? '' : ` (${Math.round(bytes / 1024 ** 2).toLocaleString('en-GB')} MB)`;
	return `${file}${size} is too big to load in this browser tab's memory. Nothing was loaded; split the file or load it as Parquet.`;
}

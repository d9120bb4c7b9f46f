/** Deterministic randomness for generated data (the sample and the benchmark sets). */

/** A mulberry32 PRNG seeded with `seed`: returns a function giving floats in [0, 1). */
export function createRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A mulberry32 PRNG seeded with `seed`: returns a function giving floats in [0, 1). */
export function createRandom(seed: number): () => number;

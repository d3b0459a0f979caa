// Seeded pseudo-random numbers: the same seed gives the same stream on the
// server and in the browser (32-bit integer generator, never Math.random).

/** A 32-bit mix of a seed and a stream label, so independent streams never overlap. */
export function mixSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a small, fast generator of uniform numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box–Muller) from a uniform generator. */
export function createGaussian(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u = 1 - uniform(); // (0, 1]: log is finite
    const v = uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
}

/**
 * Multiplicative noise with mean 1 and the given coefficient of variation
 * (log-normal), so a loss multiplied by it stays positive however noisy.
 * Returns the map from a standard normal draw to the factor.
 * @example lognormalNoise(0.1)(0) // → 0.995 (the median; the mean over draws is 1)
 */
export function lognormalNoise(cv: number): (gaussian: number) => number {
  const sigma2 = Math.log(1 + cv * cv);
  const sigma = Math.sqrt(sigma2);
  const shift = sigma2 / 2;
  return (gaussian) => Math.exp(sigma * gaussian - shift);
}

// fast-check generators of simulator settings, shared by the property tests.
// Ranges follow PRODUCT.md's settings table; edges (min, max) are always included.
import fc from "fast-check";
import { SETTINGS_LIMITS, type Settings } from "../schema";

const { images, repeats, epochs, batchSize, seed } = SETTINGS_LIMITS;

/** A whole number in [min, max], edges included. */
export function intIn(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min, max });
}

/** A number in [min, max] without NaN, edges included. */
export function fractionIn(min = 0, max = 1): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(min, max), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

/** A positive number spread evenly on a log scale between min and max (learning rates), edges included. */
export function logUniform(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(min, max),
    fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map((x) => Math.min(max, Math.max(min, Math.exp(x)))),
  );
}

export const seedArb = fc.oneof(fc.constantFrom(seed.min, seed.max), fc.integer({ min: seed.min, max: seed.max }));

/** Any learning rate the schema accepts, including the tiniest positive double. */
export const anyLearningRateArb = fc.oneof(
  { weight: 8, arbitrary: logUniform(1e-8, SETTINGS_LIMITS.learningRate.max) },
  { weight: 1, arbitrary: fc.constantFrom(Number.MIN_VALUE, 1e-300, 1e-12) },
);

/** Any text-encoder learning rate the schema accepts, with "frozen" (0) often. */
export const anyTextEncoderRateArb = fc.oneof(fc.constant(0), logUniform(1e-9, SETTINGS_LIMITS.textEncoderLearningRate.max));

/** Any valid, fully resolved settings: every field over its whole range. */
export const anySettingsArb: fc.Arbitrary<Settings> = fc.record({
  name: fc.constant("property run"),
  images: intIn(images.min, images.max),
  repeats: intIn(repeats.min, repeats.max),
  epochs: intIn(epochs.min, epochs.max),
  batchSize: intIn(batchSize.min, batchSize.max),
  learningRate: anyLearningRateArb,
  textEncoderLearningRate: anyTextEncoderRateArb,
  captionQuality: fractionIn(),
  datasetSimilarity: fractionIn(),
  seed: seedArb,
});

/** Settings around the article's recipes: realistic rather than extreme. */
export const typicalSettingsArb: fc.Arbitrary<Settings> = fc.record({
  name: fc.constant("typical run"),
  images: intIn(5, 200),
  repeats: intIn(5, 40),
  epochs: intIn(3, 30),
  batchSize: intIn(1, 4),
  learningRate: logUniform(2e-5, 4e-4),
  textEncoderLearningRate: fc.constantFrom(0, 5e-6, 1e-5, 2e-5, 5e-5),
  captionQuality: fractionIn(),
  datasetSimilarity: fractionIn(),
  seed: seedArb,
});

/** Two different numbers from a range, smaller first, at least `gap` apart. */
export function orderedPair(arb: fc.Arbitrary<number>, gap: number): fc.Arbitrary<[number, number]> {
  return fc
    .tuple(arb, arb)
    .filter(([a, b]) => Math.abs(a - b) >= gap)
    .map(([a, b]) => (a < b ? [a, b] : [b, a]));
}

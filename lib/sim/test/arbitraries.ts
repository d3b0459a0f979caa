// fast-check generators of simulator settings, shared by the property tests.
// Ranges follow PRODUCT.md's settings table; edges (min, max) are always included.
import fc from "fast-check";
import { countSteps, LEARNING_RATE_LIMITS, SETTINGS_DEFAULTS, SETTINGS_LIMITS, type Settings } from "../schema";
import { LR_SCHEDULERS, MODEL_FAMILIES, OPTIMIZERS, type Optimizer } from "../types";

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
export const anyLearningRateArb = fc.oneof({ weight: 8, arbitrary: logUniform(1e-8, SETTINGS_LIMITS.learningRate.max) }, { weight: 1, arbitrary: fc.constantFrom(Number.MIN_VALUE, 1e-300, 1e-12) });

/** Any text-encoder learning rate the schema accepts, with "frozen" (0) often. */
export const anyTextEncoderRateArb = fc.oneof(fc.constant(0), logUniform(1e-9, SETTINGS_LIMITS.textEncoderLearningRate.max));

/** Any LoRA alpha the schema accepts: above 0, at most 256. */
export const anyNetworkAlphaArb = fc.oneof(fc.constantFrom(SETTINGS_LIMITS.networkAlpha.max, 1e-3), logUniform(1e-3, SETTINGS_LIMITS.networkAlpha.max), intIn(1, 256));

/** A learning rate that fits the optimizer: Prodigy's multiplier, or the rate itself. */
export function learningRateFor(optimizer: Optimizer, rate: fc.Arbitrary<number> = anyLearningRateArb): fc.Arbitrary<number> {
  return optimizer === "prodigy" ? logUniform(LEARNING_RATE_LIMITS.prodigy.min, LEARNING_RATE_LIMITS.prodigy.max) : rate;
}

/** The simulator-2 settings on top of the article's ten, valid together (LR fits the optimizer, warm-up fits the run). */
function withNetworkSettings<T extends Omit<Settings, "networkDim" | "networkAlpha" | "optimizer" | "lrScheduler" | "warmupSteps" | "modelFamily">>(
  base: fc.Arbitrary<T>,
  rate: fc.Arbitrary<number>,
  alpha: fc.Arbitrary<number>,
  /** Read `alpha` as a multiple of the dim (typical runs) rather than as the alpha itself. */
  alphaPerDim = false,
): fc.Arbitrary<Settings> {
  return fc
    .record({
      base,
      networkDim: fc.oneof(fc.constantFrom(SETTINGS_LIMITS.networkDim.min, SETTINGS_LIMITS.networkDim.max, 32), intIn(SETTINGS_LIMITS.networkDim.min, SETTINGS_LIMITS.networkDim.max)),
      networkAlpha: alpha,
      optimizer: fc.constantFrom(...OPTIMIZERS),
      lrScheduler: fc.constantFrom(...LR_SCHEDULERS),
      warmupFraction: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
      modelFamily: fc.constantFrom(...MODEL_FAMILIES),
    })
    .chain(({ base, warmupFraction, ...rest }) =>
      learningRateFor(rest.optimizer, rate).map((learningRate) => ({
        ...base,
        ...rest,
        networkAlpha: alphaPerDim ? Math.min(SETTINGS_LIMITS.networkAlpha.max, rest.networkAlpha * rest.networkDim) : rest.networkAlpha,
        learningRate,
        warmupSteps: Math.floor(warmupFraction * countSteps(base).totalSteps),
      })),
    );
}

/** The defaults of the settings simulator 2 added: the article's own (dim 32, alpha 16, AdamW8bit, constant, SDXL). */
export const NETWORK_DEFAULTS = {
  networkDim: SETTINGS_DEFAULTS.networkDim,
  networkAlpha: SETTINGS_DEFAULTS.networkAlpha,
  optimizer: SETTINGS_DEFAULTS.optimizer,
  lrScheduler: SETTINGS_DEFAULTS.lrScheduler,
  warmupSteps: SETTINGS_DEFAULTS.warmupSteps,
  modelFamily: SETTINGS_DEFAULTS.modelFamily,
} satisfies Partial<Settings>;

/** The article's ten settings, every one over its whole range. */
const anyArticleArb = fc.record({
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

/** Any valid, fully resolved settings: every field, the simulator-2 ones included, over its whole range. */
export const anyNetworkSettingsArb: fc.Arbitrary<Settings> = withNetworkSettings(anyArticleArb, anyLearningRateArb, anyNetworkAlphaArb);

/** The article's ten settings over their whole range, the others at their defaults (where the article's laws are stated). */
export const anySettingsArb: fc.Arbitrary<Settings> = anyArticleArb.map((settings) => ({ ...settings, ...NETWORK_DEFAULTS }));

/** The article's ten settings around its recipes: realistic rather than extreme. */
const typicalArticleArb = fc.record({
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

/** Settings around the article's recipes, at the defaults of the settings the article does not set (dim 32, alpha 16, AdamW8bit, constant). */
export const typicalSettingsArb: fc.Arbitrary<Settings> = typicalArticleArb.map((settings) => ({ ...settings, ...NETWORK_DEFAULTS }));

/** Typical settings with any simulator-2 settings: any rank, alpha from dim/16 to 2 × dim, any optimizer, schedule, warm-up and base model. */
export const typicalNetworkSettingsArb: fc.Arbitrary<Settings> = withNetworkSettings(typicalArticleArb, logUniform(2e-5, 4e-4), logUniform(1 / 16, 2), true);

/** Two different numbers from a range, smaller first, at least `gap` apart. */
export function orderedPair(arb: fc.Arbitrary<number>, gap: number): fc.Arbitrary<[number, number]> {
  return fc
    .tuple(arb, arb)
    .filter(([a, b]) => Math.abs(a - b) >= gap)
    .map(([a, b]) => (a < b ? [a, b] : [b, a]));
}

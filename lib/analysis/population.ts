// A simulated population: a few thousand runs sampled around chosen settings,
// to ask which settings matter before any training. Deterministic by seed;
// each run is simulated without its loss curve (checkpoints only). Every
// setting but the name and the seed can vary, the network (rank, alpha), the
// optimizer, the schedule, warm-up and the base model included; the choice
// settings are drawn uniformly from their options.
import { countSteps, LEARNING_RATE_LIMITS, PRODIGY_DEFAULT_LEARNING_RATE, SETTINGS_DEFAULTS, simulate, SETTINGS_LIMITS } from "@/lib/sim";
import { LR_SCHEDULERS, MODEL_FAMILIES, OPTIMIZERS } from "@/lib/sim/types";
import { type NumericPopulationKey, type PopulationCentre, type PopulationKey } from "./keys";
import { createRandom, mixSeed } from "@/lib/sim/random";

export { CHOICE_OPTIONS, isChoiceKey, POPULATION_KEYS, settingValue, type ChoicePopulationKey, type NumericPopulationKey, type PopulationCentre, type PopulationKey } from "./keys";

/** How far around the centre each setting is drawn. */
export interface SpreadRule {
  /** "factor": log-uniform between centre ÷ f and centre × f; "width": uniform within ± w. */
  kind: "factor" | "width";
  amount: number;
  integer: boolean;
  min: number;
  max: number;
}

export const POPULATION_SPREAD: Record<Exclude<NumericPopulationKey, "warmupSteps">, SpreadRule> = {
  images: { kind: "factor", amount: 2, integer: true, ...SETTINGS_LIMITS.images },
  repeats: { kind: "factor", amount: 2, integer: true, ...SETTINGS_LIMITS.repeats },
  epochs: { kind: "factor", amount: 2, integer: true, ...SETTINGS_LIMITS.epochs },
  batchSize: { kind: "factor", amount: 4, integer: true, ...SETTINGS_LIMITS.batchSize },
  learningRate: { kind: "factor", amount: 4, integer: false, min: 1e-7, max: SETTINGS_LIMITS.learningRate.max },
  textEncoderLearningRate: { kind: "factor", amount: 4, integer: false, ...SETTINGS_LIMITS.textEncoderLearningRate },
  captionQuality: { kind: "width", amount: 0.3, integer: false, ...SETTINGS_LIMITS.captionQuality },
  datasetSimilarity: { kind: "width", amount: 0.3, integer: false, ...SETTINGS_LIMITS.datasetSimilarity },
  networkDim: { kind: "factor", amount: 4, integer: true, ...SETTINGS_LIMITS.networkDim },
  networkAlpha: { kind: "factor", amount: 4, integer: false, min: 0.5, max: SETTINGS_LIMITS.networkAlpha.max },
};

/** Prodigy's learning rate is a multiplier around 1, drawn within this factor. */
const PRODIGY_SPREAD: SpreadRule = { kind: "factor", amount: 4, integer: false, ...LEARNING_RATE_LIMITS.prodigy };

/**
 * Warm-up is drawn uniformly from 0 to twice the centre's, and at least up to
 * this many steps, whatever the run's length (so it stays independent of the
 * step counts); only a run shorter than its draw has it cut to its total steps.
 */
export const WARMUP_SPREAD_STEPS = 300;

/** A frozen text encoder stays in the population this often when the centre trains it (and the reverse). */
export const TEXT_ENCODER_FREEZE_SHARE = 0.25;
/** When the centre freezes the text encoder, trained draws sit around this rate. */
const TEXT_ENCODER_TRAINED_CENTRE = 1e-5;

export const POPULATION_SIZE = { min: 100, max: 5000, default: 2000 } as const;

export interface PopulationSpec {
  centre: PopulationCentre;
  /** The settings drawn around the centre; the others stay at the centre. */
  vary: readonly PopulationKey[];
  size: number;
  seed: number;
}

/** One simulated run of a population, reduced to what the analysis views read. */
export interface PopulationRun {
  settings: PopulationCentre;
  /** Highest quality any checkpoint reaches. */
  bestQuality: number;
  /** The epoch of that checkpoint. */
  bestEpoch: number;
  /** Overfit risk of the last checkpoint. */
  finalOverfitRisk: number;
}

/**
 * Samples `size` runs around the centre, each setting in `vary` drawn
 * independently (the independence the importance measure assumes), each run
 * with its own noise seed. Same spec, same population. Two settings depend on
 * others to stay valid: the learning rate follows the optimizer (Prodigy takes
 * a multiplier around 1, the others a rate), and warm-up never exceeds the
 * run's total steps.
 * @example samplePopulation({ centre, vary: ["learningRate", "epochs"], size: 2000, seed: 1 }).length // → 2000
 */
export function samplePopulation(spec: PopulationSpec): PopulationRun[] {
  const size = Math.round(Math.min(POPULATION_SIZE.max, Math.max(1, spec.size)));
  const random = createRandom(mixSeed(spec.seed, 0x9090));
  const vary = new Set(spec.vary);
  const runs: PopulationRun[] = new Array(size);
  for (let n = 0; n < size; n++) {
    const settings = drawSettings(spec.centre, vary, random);
    const seed = Math.floor(random() * SETTINGS_LIMITS.seed.max);
    const result = simulate({ ...settings, name: "population", seed }, { lossCurve: false });
    let best = result.checkpoints[0];
    for (const checkpoint of result.checkpoints) if (checkpoint.quality > best.quality) best = checkpoint;
    runs[n] = {
      settings,
      bestQuality: best.quality,
      bestEpoch: best.epoch,
      finalOverfitRisk: result.checkpoints[result.checkpoints.length - 1].overfitRisk,
    };
  }
  return runs;
}

function drawSettings(centre: PopulationCentre, vary: ReadonlySet<PopulationKey>, random: () => number): PopulationCentre {
  const settings: PopulationCentre = { ...centre };
  for (const key of ["images", "repeats", "epochs", "batchSize", "textEncoderLearningRate", "captionQuality", "datasetSimilarity", "networkDim", "networkAlpha"] as const) {
    if (vary.has(key)) settings[key] = drawNumber(key, centre[key], random);
  }
  if (vary.has("optimizer")) settings.optimizer = pick(OPTIMIZERS, random);
  if (vary.has("lrScheduler")) settings.lrScheduler = pick(LR_SCHEDULERS, random);
  if (vary.has("modelFamily")) settings.modelFamily = pick(MODEL_FAMILIES, random);

  // The learning rate means a rate, or with Prodigy a multiplier: a centre of the other kind is replaced by that kind's usual value.
  const prodigy = settings.optimizer === "prodigy";
  const lrCentre = prodigy === (centre.optimizer === "prodigy") ? centre.learningRate : prodigy ? PRODIGY_DEFAULT_LEARNING_RATE : SETTINGS_DEFAULTS.learningRate;
  settings.learningRate = vary.has("learningRate") ? drawWithin(prodigy ? PRODIGY_SPREAD : POPULATION_SPREAD.learningRate, lrCentre, random) : lrCentre;

  if (vary.has("warmupSteps")) settings.warmupSteps = Math.round(random() * warmupRange(centre.warmupSteps).to);
  settings.warmupSteps = Math.min(settings.warmupSteps, countSteps(settings).totalSteps);
  return settings;
}

/** The range warm-up steps are drawn from: 0 to twice the centre's, at least to WARMUP_SPREAD_STEPS (a run cuts it to its total steps). */
export function warmupRange(centre: number): { from: number; to: number } {
  return { from: 0, to: Math.min(SETTINGS_LIMITS.warmupSteps.max, Math.max(2 * centre, WARMUP_SPREAD_STEPS)) };
}

/** The range a numeric setting is drawn from around a centre value (before rounding). Warm-up depends on the run: see warmupRange. */
export function spreadRange(key: Exclude<NumericPopulationKey, "warmupSteps">, centre: number): { from: number; to: number } {
  const rule = POPULATION_SPREAD[key];
  if (key === "textEncoderLearningRate" && centre === 0) return spreadRange(key, TEXT_ENCODER_TRAINED_CENTRE);
  return ruleRange(rule, centre);
}

function ruleRange(rule: SpreadRule, centre: number): { from: number; to: number } {
  const from = rule.kind === "factor" ? centre / rule.amount : centre - rule.amount;
  const to = rule.kind === "factor" ? centre * rule.amount : centre + rule.amount;
  return { from: Math.max(rule.min, from), to: Math.min(rule.max, to) };
}

function drawNumber(key: Exclude<NumericPopulationKey, "warmupSteps" | "learningRate">, centre: number, random: () => number): number {
  if (key === "textEncoderLearningRate") {
    // Frozen or trained is a choice people make, so both stay in the population.
    const frozenShare = centre === 0 ? 1 - TEXT_ENCODER_FREEZE_SHARE : TEXT_ENCODER_FREEZE_SHARE;
    if (random() < frozenShare) return 0;
    return drawWithin(POPULATION_SPREAD[key], centre === 0 ? TEXT_ENCODER_TRAINED_CENTRE : centre, random);
  }
  return drawWithin(POPULATION_SPREAD[key], centre, random);
}

function drawWithin(rule: SpreadRule, centre: number, random: () => number): number {
  const { from, to } = ruleRange(rule, centre);
  const u = random();
  let value = rule.kind === "factor" && from > 0 ? Math.exp(Math.log(from) + u * (Math.log(to) - Math.log(from))) : from + u * (to - from);
  if (rule.integer) value = Math.round(value);
  return Math.min(rule.max, Math.max(rule.min, value));
}

function pick<T>(options: readonly T[], random: () => number): T {
  return options[Math.min(options.length - 1, Math.floor(random() * options.length))];
}

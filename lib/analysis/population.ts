// A simulated population: a few thousand runs sampled around chosen settings,
// to ask which settings matter before any real training. Deterministic by
// seed; each run is simulated without its loss curve (checkpoints only).
import { simulate, SETTINGS_LIMITS, type Settings } from "@/lib/sim";
import { createRandom, mixSeed } from "@/lib/sim/random";

/** The settings a population can vary (every numeric setting but the seed). */
export const POPULATION_KEYS = ["images", "repeats", "epochs", "batchSize", "learningRate", "textEncoderLearningRate", "captionQuality", "datasetSimilarity"] as const;

export type PopulationKey = (typeof POPULATION_KEYS)[number];

export type PopulationCentre = Pick<Settings, PopulationKey>;

/** How far around the centre each setting is drawn. */
export interface SpreadRule {
  /** "factor": log-uniform between centre ÷ f and centre × f; "width": uniform within ± w. */
  kind: "factor" | "width";
  amount: number;
  integer: boolean;
  min: number;
  max: number;
}

export const POPULATION_SPREAD: Record<PopulationKey, SpreadRule> = {
  images: { kind: "factor", amount: 2, integer: true, ...SETTINGS_LIMITS.images },
  repeats: { kind: "factor", amount: 2, integer: true, ...SETTINGS_LIMITS.repeats },
  epochs: { kind: "factor", amount: 2, integer: true, ...SETTINGS_LIMITS.epochs },
  batchSize: { kind: "factor", amount: 4, integer: true, ...SETTINGS_LIMITS.batchSize },
  learningRate: { kind: "factor", amount: 4, integer: false, min: 1e-7, max: SETTINGS_LIMITS.learningRate.max },
  textEncoderLearningRate: { kind: "factor", amount: 4, integer: false, ...SETTINGS_LIMITS.textEncoderLearningRate },
  captionQuality: { kind: "width", amount: 0.3, integer: false, ...SETTINGS_LIMITS.captionQuality },
  datasetSimilarity: { kind: "width", amount: 0.3, integer: false, ...SETTINGS_LIMITS.datasetSimilarity },
};

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
 * with its own noise seed. Same spec, same population.
 * @example samplePopulation({ centre, vary: ["learningRate", "epochs"], size: 2000, seed: 1 }).length // → 2000
 */
export function samplePopulation(spec: PopulationSpec): PopulationRun[] {
  const size = Math.round(Math.min(POPULATION_SIZE.max, Math.max(1, spec.size)));
  const random = createRandom(mixSeed(spec.seed, 0x9090));
  const varied = POPULATION_KEYS.filter((key) => spec.vary.includes(key));
  const runs: PopulationRun[] = new Array(size);
  for (let n = 0; n < size; n++) {
    const settings: PopulationCentre = { ...spec.centre };
    for (const key of varied) settings[key] = drawSetting(key, spec.centre[key], random);
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

/** The range a setting is drawn from around a centre value (before rounding). */
export function spreadRange(key: PopulationKey, centre: number): { from: number; to: number } {
  const rule = POPULATION_SPREAD[key];
  if (key === "textEncoderLearningRate" && centre === 0) return spreadRange(key, TEXT_ENCODER_TRAINED_CENTRE);
  const from = rule.kind === "factor" ? centre / rule.amount : centre - rule.amount;
  const to = rule.kind === "factor" ? centre * rule.amount : centre + rule.amount;
  return { from: Math.max(rule.min, from), to: Math.min(rule.max, to) };
}

function drawSetting(key: PopulationKey, centre: number, random: () => number): number {
  const rule = POPULATION_SPREAD[key];
  if (key === "textEncoderLearningRate") {
    // Frozen or trained is a choice people make, so both stay in the population.
    const frozenShare = centre === 0 ? 1 - TEXT_ENCODER_FREEZE_SHARE : TEXT_ENCODER_FREEZE_SHARE;
    if (random() < frozenShare) return 0;
  }
  const { from, to } = spreadRange(key, centre);
  const u = random();
  let value = rule.kind === "factor" && from > 0 ? Math.exp(Math.log(from) + u * (Math.log(to) - Math.log(from))) : from + u * (to - from);
  if (rule.integer) value = Math.round(value);
  return Math.min(rule.max, Math.max(rule.min, value));
}

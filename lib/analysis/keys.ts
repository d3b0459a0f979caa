// The settings a population varies and how a setting reads as a number (a
// choice as its option's position): no simulator and no schema, so the
// browser's parallel-coordinates code can use them.
import type { Settings } from "@/lib/sim/schema";
import { LR_SCHEDULERS, MODEL_FAMILIES, OPTIMIZERS } from "@/lib/sim/types";

/** The settings a population can vary (every setting but the name and the seed), in the registry's order. */
export const POPULATION_KEYS = [
  "images",
  "repeats",
  "epochs",
  "batchSize",
  "learningRate",
  "textEncoderLearningRate",
  "captionQuality",
  "datasetSimilarity",
  "networkDim",
  "networkAlpha",
  "optimizer",
  "lrScheduler",
  "warmupSteps",
  "modelFamily",
] as const;

export type PopulationKey = (typeof POPULATION_KEYS)[number];

/** The settings chosen from a list: on an axis and in the importance measure they are their option's position. */
export const CHOICE_OPTIONS = {
  optimizer: OPTIMIZERS,
  lrScheduler: LR_SCHEDULERS,
  modelFamily: MODEL_FAMILIES,
} as const;

export type ChoicePopulationKey = keyof typeof CHOICE_OPTIONS;
export type NumericPopulationKey = Exclude<PopulationKey, ChoicePopulationKey>;

export function isChoiceKey(key: PopulationKey): key is ChoicePopulationKey {
  return Object.hasOwn(CHOICE_OPTIONS, key);
}

export type PopulationCentre = Pick<Settings, PopulationKey>;

/**
 * A setting as a number: numbers as they are, a choice as its option's position (0, 1, 2…).
 * @example settingValue({ ...centre, optimizer: "prodigy" }, "optimizer") // → 2
 */
export function settingValue(settings: PopulationCentre, key: PopulationKey): number {
  if (isChoiceKey(key)) return (CHOICE_OPTIONS[key] as readonly string[]).indexOf(settings[key]);
  return settings[key];
}

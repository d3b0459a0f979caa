// The settings a population varies and how a setting reads as a number (a
// choice as its option's position): no simulator and no schema, so the
// browser's parallel-coordinates code can use them.
import type { Settings } from "@/lib/sim/settings";
import { SETTING_KEYS, type SettingKey } from "@/lib/sim/settings";
import { LR_SCHEDULERS, MODEL_FAMILIES, OPTIMIZERS } from "@/lib/sim/types";

/** A setting a population can vary: every setting but the name and the seed. */
export type PopulationKey = Exclude<SettingKey, "name" | "seed">;

/** The settings a population can vary, in the registry's order. */
export const POPULATION_KEYS: readonly PopulationKey[] = SETTING_KEYS.filter((key): key is PopulationKey => key !== "name" && key !== "seed");

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

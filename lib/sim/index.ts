// Epoch Lab's simulator: pure TypeScript (no framework, database or DOM), so
// the server, the forms and the in-browser playground run the same model.
export { simulate, MAX_CURVE_POINTS } from "./simulate";
// Zod-free: the schema the API and the forms validate with is "@/lib/sim/schema".
export {
  cleanText,
  resolveSettings,
  completeSettings,
  countSteps,
  defaultRunName,
  formatRate,
  randomSeed,
  checkSettings,
  settingProblem,
  SettingsError,
  SETTINGS_DEFAULTS,
  SETTINGS_LIMITS,
  SETTING_KEYS,
  pickSettings,
  LEARNING_RATE_LIMITS,
  PRODIGY_DEFAULT_LEARNING_RATE,
  learningRateProblem,
  warmupProblem,
} from "./settings";
export type { Settings, SettingsInput, SettingKey, FieldErrors } from "./settings";
export { adviseSettings, ARTICLE } from "./advise";
export type { Advice, SettingsAdvice } from "./advise";
export { MODEL, REFERENCE_LR, REFERENCE_TE_LR, dosePerEpochOf, optimalDoseOf } from "./model";
export { VERDICTS, OPTIMIZERS, LR_SCHEDULERS, MODEL_FAMILIES, OPTIMIZER_LABELS, LR_SCHEDULER_LABELS, MODEL_FAMILY_LABELS } from "./types";
export type { Checkpoint, LossPoint, SimulationResult, Verdict, BatchRule, SimulateOptions, Optimizer, LrScheduler, ModelFamily } from "./types";

/**
 * Which model produced a run. Version 1 knew the article's ten settings only;
 * version 2 adds rank and alpha, the optimizer, the schedule and warm-up and the
 * base model, and is calibrated against public runs (docs/simulator.md).
 */
export const SIMULATOR_VERSION = 2;
export * from "./registry";

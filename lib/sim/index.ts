// Epoch Lab's simulator: pure TypeScript (no framework, database or DOM), so
// the server, the forms and the in-browser playground run the same model.
export { simulate, MAX_CURVE_POINTS } from "./simulate";
export {
  settingsInputSchema,
  nameSchema,
  cleanText,
  resolveSettings,
  completeSettings,
  countSteps,
  defaultRunName,
  formatRate,
  fieldErrorsFrom,
  randomSeed,
  SettingsError,
  SETTINGS_DEFAULTS,
  SETTINGS_LIMITS,
  SETTING_KEYS,
  pickSettings,
} from "./schema";
export type { Settings, SettingsInput, SettingKey, FieldErrors } from "./schema";
export { adviseSettings, ARTICLE } from "./advise";
export type { Advice, SettingsAdvice } from "./advise";
export { MODEL, REFERENCE_LR, REFERENCE_TE_LR, dosePerEpochOf, optimalDoseOf } from "./model";
export { VERDICTS } from "./types";
export type { Checkpoint, LossPoint, SimulationResult, Verdict, BatchRule, SimulateOptions } from "./types";

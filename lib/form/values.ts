// The new-run form's text values ↔ settings input: one conversion used by the
// browser (live readout, warnings, preview) and by the server action, so both
// validate exactly the same object with lib/sim's schema.
import { formatRate, SETTINGS_DEFAULTS, SETTING_KEYS, type SettingKey } from "@/lib/sim";

export type FormValues = Record<SettingKey, string>;

/**
 * The form's starting values: the article's defaults, no image count yet, the
 * given seed; then any values given (a cloned run's settings) over them.
 */
export function initialFormValues(seed: number, given: Partial<FormValues> = {}): FormValues {
  const defaults: FormValues = {
    name: "",
    images: "",
    repeats: String(SETTINGS_DEFAULTS.repeats),
    epochs: String(SETTINGS_DEFAULTS.epochs),
    batchSize: String(SETTINGS_DEFAULTS.batchSize),
    learningRate: formatRate(SETTINGS_DEFAULTS.learningRate),
    textEncoderLearningRate: formatRate(SETTINGS_DEFAULTS.textEncoderLearningRate),
    captionQuality: String(SETTINGS_DEFAULTS.captionQuality),
    datasetSimilarity: String(SETTINGS_DEFAULTS.datasetSimilarity),
    seed: String(seed),
    networkDim: String(SETTINGS_DEFAULTS.networkDim),
    networkAlpha: String(SETTINGS_DEFAULTS.networkAlpha),
    optimizer: SETTINGS_DEFAULTS.optimizer,
    lrScheduler: SETTINGS_DEFAULTS.lrScheduler,
    warmupSteps: String(SETTINGS_DEFAULTS.warmupSteps),
    modelFamily: SETTINGS_DEFAULTS.modelFamily,
  };
  return { ...defaults, ...given };
}

/** Reads the setting fields of a submitted form as strings (anything else is ignored). */
export function formValuesFrom(formData: { get(name: string): unknown }): Partial<FormValues> {
  const values: Partial<FormValues> = {};
  for (const key of SETTING_KEYS) {
    const value = formData.get(key);
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

/**
 * Form strings → the object settingsInputSchema validates: blank fields are
 * left out (defaults apply; a blank name is generated), numbers are parsed
 * ("1e-4" and "0.0001" alike), and text that is not a number stays text so the
 * schema names the field.
 * @example settingsInputFrom({ images: "10", learningRate: "2e-4", name: " " }) // → { images: 10, learningRate: 0.0002 }
 */
export function settingsInputFrom(values: Partial<FormValues>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const raw = values[key];
    if (raw === undefined || raw.trim() === "") continue;
    if (key === "name") {
      input.name = raw;
      continue;
    }
    const number = Number(raw.trim());
    input[key] = Number.isFinite(number) ? number : raw;
  }
  return input;
}

/**
 * One message per field for a form's input. Unlike lib/sim's fieldErrorsFrom,
 * a field that was filled in with text that is not a number gets the field's
 * own message ("images must be a whole number from 1 to 1000"), not "is required".
 */
export function formFieldErrors(
  input: Record<string, unknown>,
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
  fallback: Record<string, string>,
): Record<string, string> {
  const errors = { ...fallback };
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "_";
    if (Object.hasOwn(input, key) && /is required$/.test(errors[key] ?? "")) errors[key] = issue.message;
  }
  return errors;
}

// The settings of a run without a validation library: limits, defaults, the
// messages, and the check that fills in defaults or names every bad field. The
// simulator, the charts and every page read this; lib/sim/schema.ts builds the
// zod schema the API and the forms validate with from the same limits and
// messages (a property test checks both accept and reject exactly alike), so
// pages that only simulate or format never download zod.
import { formatRate } from "./format-rate";
import { LR_SCHEDULERS, MODEL_FAMILIES, OPTIMIZER_LABELS, OPTIMIZERS, type LrScheduler, type ModelFamily, type Optimizer } from "./types";

export const SETTINGS_LIMITS = {
  images: { min: 1, max: 1000 },
  repeats: { min: 1, max: 100 },
  epochs: { min: 1, max: 100 },
  batchSize: { min: 1, max: 32 },
  learningRate: { min: 0, max: 0.01 },
  textEncoderLearningRate: { min: 0, max: 0.001 },
  captionQuality: { min: 0, max: 1 },
  datasetSimilarity: { min: 0, max: 1 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  name: { min: 1, max: 100 },
  networkDim: { min: 1, max: 256 },
  /** Above 0 (exclusive), at most 256. */
  networkAlpha: { min: 0, max: 256 },
  /** At most the run's total steps; 10,000,000 is the longest run the other limits allow. */
  warmupSteps: { min: 0, max: 10_000_000 },
} as const;

/**
 * The learning rate means different things by optimizer: Prodigy finds its own
 * step size and takes the learning rate as a multiplier on it (1 is usual);
 * every other optimizer takes the rate itself. `min` is exclusive for `rate`.
 */
export const LEARNING_RATE_LIMITS = {
  rate: { min: 0, max: 0.01 },
  prodigy: { min: 0.1, max: 10 },
} as const;

/** The article's defaults (Scenario's trainer), filled in for every omitted setting. */
export const SETTINGS_DEFAULTS = {
  repeats: 20,
  epochs: 10,
  batchSize: 1,
  learningRate: 1e-4,
  textEncoderLearningRate: 1e-5,
  captionQuality: 0.7,
  datasetSimilarity: 0.4,
  networkDim: 32,
  networkAlpha: 16,
  optimizer: "adamw8bit",
  lrScheduler: "constant",
  warmupSteps: 0,
  modelFamily: "sdxl",
} as const satisfies Partial<Settings>;

/** The learning rate filled in when Prodigy is chosen without one: its usual multiplier. */
export const PRODIGY_DEFAULT_LEARNING_RATE = 1;

export const SETTING_KEYS = [
  "name",
  "images",
  "repeats",
  "epochs",
  "batchSize",
  "learningRate",
  "textEncoderLearningRate",
  "captionQuality",
  "datasetSimilarity",
  "seed",
  "networkDim",
  "networkAlpha",
  "optimizer",
  "lrScheduler",
  "warmupSteps",
  "modelFamily",
] as const;

export type SettingKey = (typeof SETTING_KEYS)[number];

/** Just the settings of a larger object (a stored run, a summary), as one plain Settings object. */
export function pickSettings(source: Settings): Settings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, source[key]])) as unknown as Settings;
}

/** Each setting's message when it is wrong: the same words from the zod schema and from `checkSettings`. */
export const integerMessage = (field: string, min: number, max: number) => `${field} must be a whole number from ${min} to ${max}`;
export const fractionMessage = (field: string, meaning: string) => `${field} must be a number from 0 to 1 (${meaning})`;
export const choiceMessage = (field: string, choices: readonly string[]) => `${field} must be one of ${choices.map((choice) => `"${choice}"`).join(", ")}`;
export const LEARNING_RATE_MESSAGE = "learningRate must be a number above 0 and at most 0.01 (for example 1e-4), or a multiplier from 0.1 to 10 with optimizer prodigy";
export const NETWORK_ALPHA_MESSAGE = "networkAlpha must be a number above 0 and at most 256 (updates are scaled by alpha / dim; half the dim is usual)";
export const TEXT_ENCODER_MESSAGE = "textEncoderLearningRate must be a number from 0 (frozen) to 0.001 (for example 1e-5)";
export const NAME_MESSAGE = "name must be 1 to 100 characters";
export const FRACTION_MEANINGS = { captionQuality: "0 no captions, 1 detailed and consistent", datasetSimilarity: "0 very varied, 1 near-duplicates" } as const;

/** Whether a learning rate fits an optimizer, and the message naming `learningRate` when it does not. */
export function learningRateProblem(learningRate: number, optimizer: Optimizer): string | null {
  if (optimizer === "prodigy") {
    const { min, max } = LEARNING_RATE_LIMITS.prodigy;
    if (learningRate >= min && learningRate <= max) return null;
    return `learningRate ${learningRate} does not fit Prodigy: with Prodigy it is a multiplier on the step size Prodigy finds, from ${min} to ${max} (1 is usual)`;
  }
  const { min, max } = LEARNING_RATE_LIMITS.rate;
  if (learningRate > min && learningRate <= max) return null;
  return `learningRate ${learningRate} does not fit ${OPTIMIZER_LABELS[optimizer]}: it must be above 0 and at most ${max} (for example 1e-4); only Prodigy takes a multiplier such as 1`;
}

/** The warm-up message naming `warmupSteps` when it is longer than the run, else null. */
export function warmupProblem(warmupSteps: number, totalSteps: number): string | null {
  return warmupSteps <= totalSteps ? null : `warmupSteps (${warmupSteps}) is longer than the run: it must be at most the run's ${totalSteps} total steps`;
}

const isWhole = (value: unknown, min: number, max: number): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as it will be stored and shown: line breaks as "\n", no other control
 * characters, no lone surrogates (which HTML cannot carry, so a page would not
 * match its own data). Names are single lines: their breaks become spaces.
 */
export function cleanText(value: string, { singleLine = false } = {}): string {
  const text = value.replace(LONE_SURROGATE, "\uFFFD").replace(/\r\n?/g, "\n");
  return singleLine ? text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, " ") : text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "");
}

/** The fields the step count reads, each null unless valid (absent ones take their defaults). */
export function stepFieldsOf(value: Record<string, unknown>) {
  const valid = (key: "images" | "repeats" | "epochs" | "batchSize" | "warmupSteps", fallback: number | null) => {
    const given = value[key] === undefined ? fallback : value[key];
    return isWhole(given, SETTINGS_LIMITS[key].min, SETTINGS_LIMITS[key].max) ? given : null;
  };
  return {
    images: valid("images", null),
    repeats: valid("repeats", SETTINGS_DEFAULTS.repeats),
    epochs: valid("epochs", SETTINGS_DEFAULTS.epochs),
    batchSize: valid("batchSize", SETTINGS_DEFAULTS.batchSize),
    warmupSteps: value.warmupSteps === undefined ? null : valid("warmupSteps", null),
  };
}

/** Settings as a client sends them: everything but `images` optional (the zod schema's input, checked in schema.ts). */
export interface SettingsInput {
  name?: string | undefined;
  images: number;
  repeats?: number | undefined;
  epochs?: number | undefined;
  batchSize?: number | undefined;
  learningRate?: number | undefined;
  textEncoderLearningRate?: number | undefined;
  captionQuality?: number | undefined;
  datasetSimilarity?: number | undefined;
  seed?: number | undefined;
  networkDim?: number | undefined;
  networkAlpha?: number | undefined;
  optimizer?: Optimizer | undefined;
  lrScheduler?: LrScheduler | undefined;
  warmupSteps?: number | undefined;
  modelFamily?: ModelFamily | undefined;
}

/** Settings with every default filled in: what the simulator runs and what a run stores. */
export interface Settings {
  name: string;
  images: number;
  repeats: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  textEncoderLearningRate: number;
  captionQuality: number;
  datasetSimilarity: number;
  seed: number;
  /** LoRA rank (kohya `network_dim`). */
  networkDim: number;
  /** LoRA alpha: updates are scaled by networkAlpha / networkDim. */
  networkAlpha: number;
  optimizer: Optimizer;
  lrScheduler: LrScheduler;
  /** Steps of linear warm-up from 0, at most the run's total steps. */
  warmupSteps: number;
  modelFamily: ModelFamily;
}

/** Field name → human message; `_` holds errors that belong to no single field. */
export type FieldErrors = Record<string, string>;

/** Thrown by `resolveSettings` for invalid input; `fields` names each bad field. */
export class SettingsError extends Error {
  readonly fields: FieldErrors;
  constructor(fields: FieldErrors) {
    const names = Object.keys(fields);
    super(names.length === 1 ? fields[names[0]] : `Invalid settings: ${names.join(", ")}`);
    this.name = "SettingsError";
    this.fields = fields;
  }
}

/** A seed for a run that did not ask for one: random, from the platform's CSPRNG (never Math.random). */
export function randomSeed(): number {
  const values = new Uint32Array(1);
  globalThis.crypto.getRandomValues(values);
  return values[0] & 0x7fffffff;
}

/** The label a run gets when it has no name, e.g. "10 images · 20×10 · LR 1e-4 · batch 1". */
export function defaultRunName(settings: Pick<Settings, "images" | "repeats" | "epochs" | "learningRate" | "batchSize">): string {
  return `${settings.images} images · ${settings.repeats}×${settings.epochs} · LR ${formatRate(settings.learningRate)} · batch ${settings.batchSize}`;
}

export { formatRate };

/**
 * Validates settings and fills in the defaults: the one source of truth for
 * what a run is. Throws `SettingsError` naming every bad field.
 * @example resolveSettings({ images: 10 }) // → { images: 10, repeats: 20, epochs: 10, …, seed: <random> }
 */
export function resolveSettings(input: unknown, options: { seed?: () => number } = {}): Settings {
  const valid = acceptValidSettings(input);
  if (valid !== null) return completeSettings(valid, options);
  const checked = checkSettings(input);
  if (!checked.ok) throw new SettingsError(checked.errors);
  return completeSettings(checked.settings, options);
}

type ParsedSettings = SettingsInput;
type ChoiceKey = "optimizer" | "lrScheduler" | "modelFamily";
type NumericKey = Exclude<SettingKey, "name" | ChoiceKey>;

const CHOICES: Record<ChoiceKey, readonly string[]> = { optimizer: OPTIMIZERS, lrScheduler: LR_SCHEDULERS, modelFamily: MODEL_FAMILIES };

const NUMERIC_RULES: Record<NumericKey, { integer: boolean; min: number; max: number; aboveMin?: boolean }> = {
  images: { integer: true, ...SETTINGS_LIMITS.images },
  repeats: { integer: true, ...SETTINGS_LIMITS.repeats },
  epochs: { integer: true, ...SETTINGS_LIMITS.epochs },
  batchSize: { integer: true, ...SETTINGS_LIMITS.batchSize },
  learningRate: { integer: false, min: 0, max: LEARNING_RATE_LIMITS.prodigy.max, aboveMin: true },
  textEncoderLearningRate: { integer: false, ...SETTINGS_LIMITS.textEncoderLearningRate },
  captionQuality: { integer: false, ...SETTINGS_LIMITS.captionQuality },
  datasetSimilarity: { integer: false, ...SETTINGS_LIMITS.datasetSimilarity },
  seed: { integer: true, ...SETTINGS_LIMITS.seed },
  networkDim: { integer: true, ...SETTINGS_LIMITS.networkDim },
  networkAlpha: { integer: false, ...SETTINGS_LIMITS.networkAlpha, aboveMin: true },
  warmupSteps: { integer: true, ...SETTINGS_LIMITS.warmupSteps },
};

/**
 * The fast path of `resolveSettings`: plain objects that are valid as they are
 * (the playground and sweeps simulate thousands per second) skip zod. Returns
 * null for anything else, which zod then parses and explains; it accepts
 * exactly what `settingsInputSchema` accepts (a property test checks this).
 */
function acceptValidSettings(input: unknown): ParsedSettings | null {
  if (typeof input !== "object" || input === null) return null;
  const prototype = Object.getPrototypeOf(input);
  if (prototype !== Object.prototype && prototype !== null) return null;
  const record = input as Record<string, unknown>;
  const parsed: Partial<Record<SettingKey, unknown>> = {};
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) {
      if (key === "images" || !(SETTING_KEYS as readonly string[]).includes(key)) return null;
      continue;
    }
    if (key === "name") {
      if (typeof value !== "string") return null;
      const name = cleanText(value, { singleLine: true }).trim();
      if (name.length < SETTINGS_LIMITS.name.min || name.length > SETTINGS_LIMITS.name.max) return null;
      parsed.name = name;
      continue;
    }
    if (key === "optimizer" || key === "lrScheduler" || key === "modelFamily") {
      if (typeof value !== "string" || !CHOICES[key].includes(value)) return null;
      parsed[key] = value;
      continue;
    }
    if (!Object.hasOwn(NUMERIC_RULES, key) || typeof value !== "number" || !Number.isFinite(value)) return null;
    const rule = NUMERIC_RULES[key as NumericKey];
    if (rule.integer && !Number.isInteger(value)) return null;
    if ((rule.aboveMin ? value <= rule.min : value < rule.min) || value > rule.max) return null;
    parsed[key as NumericKey] = value;
  }
  if (parsed.images === undefined) return null;
  const settings = parsed as ParsedSettings;
  if (settings.learningRate !== undefined && learningRateProblem(settings.learningRate, settings.optimizer ?? SETTINGS_DEFAULTS.optimizer) !== null) return null;
  if (settings.warmupSteps !== undefined) {
    const { totalSteps } = countSteps({
      images: settings.images,
      repeats: settings.repeats ?? SETTINGS_DEFAULTS.repeats,
      epochs: settings.epochs ?? SETTINGS_DEFAULTS.epochs,
      batchSize: settings.batchSize ?? SETTINGS_DEFAULTS.batchSize,
    });
    if (settings.warmupSteps > totalSteps) return null;
  }
  return settings;
}

/** Fills defaults into already-validated input. */
export function completeSettings(input: SettingsInput, options: { seed?: () => number } = {}): Settings {
  const base = {
    images: input.images,
    repeats: input.repeats ?? SETTINGS_DEFAULTS.repeats,
    epochs: input.epochs ?? SETTINGS_DEFAULTS.epochs,
    batchSize: input.batchSize ?? SETTINGS_DEFAULTS.batchSize,
    learningRate: input.learningRate ?? (input.optimizer === "prodigy" ? PRODIGY_DEFAULT_LEARNING_RATE : SETTINGS_DEFAULTS.learningRate),
    textEncoderLearningRate: input.textEncoderLearningRate ?? SETTINGS_DEFAULTS.textEncoderLearningRate,
    captionQuality: input.captionQuality ?? SETTINGS_DEFAULTS.captionQuality,
    datasetSimilarity: input.datasetSimilarity ?? SETTINGS_DEFAULTS.datasetSimilarity,
    networkDim: input.networkDim ?? SETTINGS_DEFAULTS.networkDim,
    networkAlpha: input.networkAlpha ?? SETTINGS_DEFAULTS.networkAlpha,
    optimizer: input.optimizer ?? SETTINGS_DEFAULTS.optimizer,
    lrScheduler: input.lrScheduler ?? SETTINGS_DEFAULTS.lrScheduler,
    warmupSteps: input.warmupSteps ?? SETTINGS_DEFAULTS.warmupSteps,
    modelFamily: input.modelFamily ?? SETTINGS_DEFAULTS.modelFamily,
  };
  return {
    name: input.name ?? defaultRunName(base),
    ...base,
    seed: input.seed ?? (options.seed ?? randomSeed)(),
  };
}

/** Steps per epoch and in all, kohya's convention: ceil(images × repeats / batch) per epoch. */
export function countSteps(settings: Pick<Settings, "images" | "repeats" | "epochs" | "batchSize">) {
  const stepsPerEpoch = Math.ceil((settings.images * settings.repeats) / settings.batchSize);
  return { stepsPerEpoch, totalSteps: stepsPerEpoch * settings.epochs };
}

/** A setting's message when its value is wrong, and whether zod would stop there (a wrong type) or go on to the checks across fields (a value out of range). */
function fieldProblem(key: SettingKey, value: unknown): { message: string; aborts: boolean } | null {
  if (key === "name") {
    if (typeof value !== "string") return { message: NAME_MESSAGE, aborts: true };
    const length = cleanText(value, { singleLine: true }).trim().length;
    return length < SETTINGS_LIMITS.name.min || length > SETTINGS_LIMITS.name.max ? { message: NAME_MESSAGE, aborts: false } : null;
  }
  if (key === "optimizer" || key === "lrScheduler" || key === "modelFamily") {
    return typeof value === "string" && CHOICES[key].includes(value) ? null : { message: choiceMessage(key, CHOICES[key]), aborts: true };
  }
  const rule = NUMERIC_RULES[key];
  const message = numericMessage(key);
  if (typeof value !== "number" || !Number.isFinite(value)) return { message, aborts: true };
  if (rule.integer && !Number.isInteger(value)) return { message, aborts: true };
  if ((rule.aboveMin ? value <= rule.min : value < rule.min) || value > rule.max) return { message, aborts: false };
  return null;
}

/** One setting's message when its value is wrong on its own (the checks across fields aside), else null. */
export function settingProblem(key: SettingKey, value: unknown): string | null {
  return fieldProblem(key, value)?.message ?? null;
}

function numericMessage(key: NumericKey): string {
  if (key === "learningRate") return LEARNING_RATE_MESSAGE;
  if (key === "textEncoderLearningRate") return TEXT_ENCODER_MESSAGE;
  if (key === "networkAlpha") return NETWORK_ALPHA_MESSAGE;
  if (key === "captionQuality" || key === "datasetSimilarity") return fractionMessage(key, FRACTION_MEANINGS[key]);
  return integerMessage(key, SETTINGS_LIMITS[key].min, SETTINGS_LIMITS[key].max);
}

const KNOWN_KEYS: ReadonlySet<string> = new Set(SETTING_KEYS);

/**
 * Settings input checked field by field, as `settingsInputSchema` checks it and
 * with its messages: the valid settings (name cleaned), or one message per bad
 * field (`_` when the input is not an object at all). The checks across fields
 * (learning rate for the optimizer, warm-up within the run) run only when no
 * field has the wrong type, as in the schema.
 */
export function checkSettings(input: unknown): { ok: true; settings: SettingsInput } | { ok: false; errors: FieldErrors } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { ok: false, errors: { _: "Expected a JSON object of settings" } };
  const record = input as Record<string, unknown>;
  const errors = new Map<string, string>();
  const settings: Record<string, unknown> = {};
  let aborted = false;
  for (const key of SETTING_KEYS) {
    const value = record[key];
    if (value === undefined) {
      if (key === "images") {
        errors.set(key, "images is required");
        aborted = true;
      }
      continue;
    }
    const problem = fieldProblem(key, value);
    if (problem === null) settings[key] = key === "name" ? cleanText(value as string, { singleLine: true }).trim() : value;
    else {
      errors.set(key, problem.message);
      aborted ||= problem.aborts;
    }
  }
  for (const key in record) if (!KNOWN_KEYS.has(key) && !errors.has(key)) errors.set(key, `${key} is not a known field`);
  if (!aborted) {
    const optimizer = (record.optimizer ?? SETTINGS_DEFAULTS.optimizer) as Optimizer;
    const learningRate = record.learningRate;
    if (typeof learningRate === "number" && learningRate > 0 && learningRate <= LEARNING_RATE_LIMITS.prodigy.max && !errors.has("learningRate")) {
      const problem = learningRateProblem(learningRate, optimizer);
      if (problem !== null) errors.set("learningRate", problem);
    }
    const { images, repeats, epochs, batchSize, warmupSteps } = stepFieldsOf(record);
    if (images !== null && repeats !== null && epochs !== null && batchSize !== null && warmupSteps !== null && !errors.has("warmupSteps")) {
      const problem = warmupProblem(warmupSteps, countSteps({ images, repeats, epochs, batchSize }).totalSteps);
      if (problem !== null) errors.set("warmupSteps", problem);
    }
  }
  return errors.size > 0 ? { ok: false, errors: Object.fromEntries(errors) } : { ok: true, settings: settings as unknown as SettingsInput };
}

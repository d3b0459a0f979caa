// The settings of a run: one zod schema, shared by the API, the forms and the
// playground, so every entry point accepts and rejects exactly the same input.
import { z } from "zod";

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
} as const;

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
] as const;

export type SettingKey = (typeof SETTING_KEYS)[number];

/** Just the settings of a larger object (a stored run, a summary), as one plain Settings object. */
export function pickSettings(source: Settings): Settings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, source[key]])) as unknown as Settings;
}

function integerField(field: string, min: number, max: number) {
  const message = `${field} must be a whole number from ${min} to ${max}`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

function fractionField(field: string, meaning: string) {
  const message = `${field} must be a number from 0 to 1 (${meaning})`;
  return z.number({ error: message }).min(0, { error: message }).max(1, { error: message });
}

const learningRateMessage = "learningRate must be a number above 0 and at most 0.01 (for example 1e-4)";
const textEncoderMessage = "textEncoderLearningRate must be a number from 0 (frozen) to 0.001 (for example 1e-5)";
const nameMessage = "name must be 1 to 100 characters";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as it will be stored and shown: line breaks as "\n", no other control
 * characters, no lone surrogates (which HTML cannot carry, so a page would not
 * match its own data). Names are single lines: their breaks become spaces.
 */
export function cleanText(value: string, { singleLine = false } = {}): string {
  const text = value.replace(LONE_SURROGATE, "\uFFFD").replace(/\r\n?/g, "\n");
  return singleLine
    ? text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, " ")
    : text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "");
}

export const nameSchema = z
  .string({ error: nameMessage })
  .overwrite((value) => cleanText(value, { singleLine: true }))
  .trim()
  .min(SETTINGS_LIMITS.name.min, { error: nameMessage })
  .max(SETTINGS_LIMITS.name.max, { error: nameMessage });

/** Settings as a client sends them: everything but `images` optional, unknown fields rejected. */
export const settingsInputSchema = z.strictObject({
  name: nameSchema.optional(),
  images: integerField("images", SETTINGS_LIMITS.images.min, SETTINGS_LIMITS.images.max),
  repeats: integerField("repeats", SETTINGS_LIMITS.repeats.min, SETTINGS_LIMITS.repeats.max).optional(),
  epochs: integerField("epochs", SETTINGS_LIMITS.epochs.min, SETTINGS_LIMITS.epochs.max).optional(),
  batchSize: integerField("batchSize", SETTINGS_LIMITS.batchSize.min, SETTINGS_LIMITS.batchSize.max).optional(),
  learningRate: z
    .number({ error: learningRateMessage })
    .gt(0, { error: learningRateMessage })
    .max(SETTINGS_LIMITS.learningRate.max, { error: learningRateMessage })
    .optional(),
  textEncoderLearningRate: z
    .number({ error: textEncoderMessage })
    .min(0, { error: textEncoderMessage })
    .max(SETTINGS_LIMITS.textEncoderLearningRate.max, { error: textEncoderMessage })
    .optional(),
  captionQuality: fractionField("captionQuality", "0 no captions, 1 detailed and consistent").optional(),
  datasetSimilarity: fractionField("datasetSimilarity", "0 very varied, 1 near-duplicates").optional(),
  seed: integerField("seed", SETTINGS_LIMITS.seed.min, SETTINGS_LIMITS.seed.max).optional(),
});

export type SettingsInput = z.input<typeof settingsInputSchema>;

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

/**
 * Turns zod issues into one message per field (the first issue of each field wins).
 * Built from a Map so field names such as "toString" or "__proto__" become
 * plain own keys instead of colliding with Object.prototype.
 */
export function fieldErrorsFrom(error: z.ZodError, input?: unknown): FieldErrors {
  // zod 4 does not report the offending input, so "missing" is read off the input itself when given.
  const given = (key: string) =>
    typeof input === "object" && input !== null ? Object.prototype.hasOwnProperty.call(input, key) && (input as Record<string, unknown>)[key] !== undefined : null;
  const fields = new Map<string, string>();
  const add = (key: string, message: string) => {
    if (!fields.has(key)) fields.set(key, message);
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(key, `${key} is not a known field`);
      continue;
    }
    const key = issue.path.length > 0 ? String(issue.path[0]) : "_";
    const present = given(key);
    const missing = issue.code === "invalid_type" && (present === null ? issue.input === undefined : !present);
    add(key, key === "_" ? "Expected a JSON object of settings" : missing ? `${key} is required` : issue.message);
  }
  return Object.fromEntries(fields);
}

/** A seed for a run that did not ask for one: random, from the platform's CSPRNG (never Math.random). */
export function randomSeed(): number {
  const values = new Uint32Array(1);
  globalThis.crypto.getRandomValues(values);
  return values[0] & 0x7fffffff;
}

/** The label a run gets when it has no name, e.g. "10 images · 20×10 · LR 1e-4 · batch 1". */
export function defaultRunName(settings: Omit<Settings, "name" | "seed">): string {
  return `${settings.images} images · ${settings.repeats}×${settings.epochs} · LR ${formatRate(settings.learningRate)} · batch ${settings.batchSize}`;
}

/** Recent labels: sweeps and the playground name thousands of runs with a handful of rates. */
const RATE_LABELS = new Map<number, string>();

/** Compact learning-rate notation as trainers write it: 0.0001 → "1e-4", 0.00025 → "2.5e-4". */
export function formatRate(rate: number): string {
  let label = RATE_LABELS.get(rate);
  if (label === undefined) {
    const [mantissa, exponent] = rate.toExponential().split("e");
    label = rate === 0 ? "0" : `${Number(Number(mantissa).toPrecision(3))}e${Number(exponent)}`;
    if (RATE_LABELS.size >= 256) RATE_LABELS.clear();
    RATE_LABELS.set(rate, label);
  }
  return label;
}

/**
 * Validates settings and fills in the defaults: the one source of truth for
 * what a run is. Throws `SettingsError` naming every bad field.
 * @example resolveSettings({ images: 10 }) // → { images: 10, repeats: 20, epochs: 10, …, seed: <random> }
 */
export function resolveSettings(input: unknown, options: { seed?: () => number } = {}): Settings {
  const valid = acceptValidSettings(input);
  if (valid !== null) return completeSettings(valid, options);
  const parsed = settingsInputSchema.safeParse(input);
  if (!parsed.success) throw new SettingsError(fieldErrorsFrom(parsed.error, input));
  return completeSettings(parsed.data, options);
}

type ParsedSettings = z.output<typeof settingsInputSchema>;
type NumericKey = Exclude<SettingKey, "name">;

const NUMERIC_RULES: Record<NumericKey, { integer: boolean; min: number; max: number; aboveMin?: boolean }> = {
  images: { integer: true, ...SETTINGS_LIMITS.images },
  repeats: { integer: true, ...SETTINGS_LIMITS.repeats },
  epochs: { integer: true, ...SETTINGS_LIMITS.epochs },
  batchSize: { integer: true, ...SETTINGS_LIMITS.batchSize },
  learningRate: { integer: false, ...SETTINGS_LIMITS.learningRate, aboveMin: true },
  textEncoderLearningRate: { integer: false, ...SETTINGS_LIMITS.textEncoderLearningRate },
  captionQuality: { integer: false, ...SETTINGS_LIMITS.captionQuality },
  datasetSimilarity: { integer: false, ...SETTINGS_LIMITS.datasetSimilarity },
  seed: { integer: true, ...SETTINGS_LIMITS.seed },
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
    if (!Object.hasOwn(NUMERIC_RULES, key) || typeof value !== "number" || !Number.isFinite(value)) return null;
    const rule = NUMERIC_RULES[key as NumericKey];
    if (rule.integer && !Number.isInteger(value)) return null;
    if ((rule.aboveMin ? value <= rule.min : value < rule.min) || value > rule.max) return null;
    parsed[key as NumericKey] = value;
  }
  if (parsed.images === undefined) return null;
  return parsed as ParsedSettings;
}

/** Fills defaults into already-validated input. */
export function completeSettings(input: z.output<typeof settingsInputSchema>, options: { seed?: () => number } = {}): Settings {
  const base = {
    images: input.images,
    repeats: input.repeats ?? SETTINGS_DEFAULTS.repeats,
    epochs: input.epochs ?? SETTINGS_DEFAULTS.epochs,
    batchSize: input.batchSize ?? SETTINGS_DEFAULTS.batchSize,
    learningRate: input.learningRate ?? SETTINGS_DEFAULTS.learningRate,
    textEncoderLearningRate: input.textEncoderLearningRate ?? SETTINGS_DEFAULTS.textEncoderLearningRate,
    captionQuality: input.captionQuality ?? SETTINGS_DEFAULTS.captionQuality,
    datasetSimilarity: input.datasetSimilarity ?? SETTINGS_DEFAULTS.datasetSimilarity,
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

// The playground's state (every numeric setting plus the batch rule) and its
// URL form, so a link reproduces a view. Values are checked by lib/sim's schema;
// a bad parameter falls back to its default and says so.
import { formatRate, learningRateProblem, settingsInputSchema, SETTINGS_DEFAULTS, type BatchRule, type Settings } from "@/lib/sim";

export type PlaygroundSettings = Omit<Settings, "name">;

export interface PlaygroundState {
  settings: PlaygroundSettings;
  batchRule: BatchRule;
}

/** The numeric settings in the order the playground shows them and writes them to the URL. */
export const PLAYGROUND_KEYS = [
  "images",
  "repeats",
  "epochs",
  "batchSize",
  "learningRate",
  "textEncoderLearningRate",
  "captionQuality",
  "datasetSimilarity",
  "seed",
] as const satisfies readonly (keyof PlaygroundSettings)[];

export type PlaygroundKey = (typeof PLAYGROUND_KEYS)[number];

/** The article's defaults for 10 images (its sweet spot), with a fixed seed so the default view is always the same. */
export const PLAYGROUND_DEFAULTS: PlaygroundSettings = {
  images: 10,
  ...SETTINGS_DEFAULTS,
  seed: 1,
};

export const DEFAULT_PLAYGROUND_STATE: PlaygroundState = { settings: PLAYGROUND_DEFAULTS, batchRule: "linear" };

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export interface ParsedPlayground {
  state: PlaygroundState;
  /** One human sentence per parameter that was ignored. */
  notices: string[];
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads one setting from a URL value with the simulator's own rules.
 * Returns the number, or the schema's message when it is not acceptable.
 */
export function parseSettingValue(key: PlaygroundKey, raw: string): { value: number } | { error: string } {
  const text = raw.trim();
  const number = text === "" ? Number.NaN : Number(text);
  const parsed = settingsInputSchema.shape[key].safeParse(number);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? `${key} is not valid` };
  if (parsed.data === undefined) return { error: `${key} is required` };
  return { value: parsed.data };
}

/** A setting as it reads in a notice or a label: learning rates as 1e-4, the rest as they are. */
export function formatSettingValue(key: PlaygroundKey, value: number): string {
  if (key === "learningRate" || key === "textEncoderLearningRate") return formatRate(value);
  if (key === "captionQuality" || key === "datasetSimilarity") return String(Number(value.toFixed(2)));
  return String(value);
}

/**
 * Playground state from URL search params: every valid setting is taken, every
 * missing one gets its default, every invalid one gets its default and a notice.
 * @example parsePlaygroundParams({ images: "25", learningRate: "x" }).notices // → ["learningRate=\"x\" was ignored: …"]
 */
export function parsePlaygroundParams(params: SearchParamsRecord, defaults: PlaygroundSettings = PLAYGROUND_DEFAULTS): ParsedPlayground {
  const settings: PlaygroundSettings = { ...defaults };
  const notices: string[] = [];
  for (const key of PLAYGROUND_KEYS) {
    const raw = firstValue(params[key]);
    if (raw === undefined) continue;
    const parsed = parseSettingValue(key, raw);
    if ("value" in parsed) settings[key] = parsed.value;
    else notices.push(`${key}="${raw}" was ignored (${parsed.error}); using ${formatSettingValue(key, defaults[key])}.`);
  }
  // A rate the field accepts (up to Prodigy's 10) may still not fit the optimizer.
  const rateProblem = learningRateProblem(settings.learningRate, settings.optimizer);
  if (rateProblem !== null) {
    notices.push(`learningRate="${firstValue(params.learningRate)}" was ignored (${rateProblem}); using ${formatSettingValue("learningRate", defaults.learningRate)}.`);
    settings.learningRate = defaults.learningRate;
  }
  let batchRule: BatchRule = "linear";
  const rule = firstValue(params.batchRule);
  if (rule === "sqrt" || rule === "linear") batchRule = rule;
  else if (rule !== undefined) notices.push(`batchRule="${rule}" was ignored (it is "linear" or "sqrt"); using the article's linear rule.`);
  return { state: { settings, batchRule }, notices };
}

/** The URL query of a playground state: every setting, and the batch rule when it is not the default. */
export function playgroundSearchParams(state: PlaygroundState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of PLAYGROUND_KEYS) params.set(key, String(state.settings[key]));
  if (state.batchRule !== "linear") params.set("batchRule", state.batchRule);
  return params;
}

/**
 * A link that opens these settings in the playground; settings left out take the playground's defaults.
 * @example playgroundHref({ images: 6, epochs: 20 }) // → "/playground?images=6&repeats=20&epochs=20&…"
 */
export function playgroundHref(settings: Partial<PlaygroundSettings> & { name?: string }, batchRule: BatchRule = "linear"): string {
  const complete: PlaygroundSettings = { ...PLAYGROUND_DEFAULTS };
  for (const key of PLAYGROUND_KEYS) {
    const value = settings[key];
    if (value !== undefined) complete[key] = value;
  }
  return `/playground?${playgroundSearchParams({ settings: complete, batchRule }).toString()}`;
}

const DIFF_LABELS: Record<PlaygroundKey, string> = {
  images: "images",
  repeats: "repeats",
  epochs: "epochs",
  batchSize: "batch",
  learningRate: "LR",
  textEncoderLearningRate: "TE LR",
  captionQuality: "captions",
  datasetSimilarity: "similarity",
  seed: "seed",
};

/**
 * What differs from one state to another, in a few words, for the ghost line's legend.
 * @example describeChange(before, after) // → "LR 1e-4 → 2e-4, batch 1 → 2"
 */
export function describeChange(before: PlaygroundState, after: PlaygroundState): string {
  const parts: string[] = [];
  for (const key of PLAYGROUND_KEYS) {
    const a = before.settings[key];
    const b = after.settings[key];
    if (a !== b) parts.push(`${DIFF_LABELS[key]} ${formatSettingValue(key, a)} → ${formatSettingValue(key, b)}`);
  }
  if (before.batchRule !== after.batchRule) parts.push(`${before.batchRule === "sqrt" ? "√batch" : "linear"} → ${after.batchRule === "sqrt" ? "√batch" : "linear"} rule`);
  return parts.join(", ");
}

export function sameState(a: PlaygroundState, b: PlaygroundState): boolean {
  return a.batchRule === b.batchRule && PLAYGROUND_KEYS.every((key) => a.settings[key] === b.settings[key]);
}

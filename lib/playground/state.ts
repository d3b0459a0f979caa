// The playground's state (every setting but the name, plus the batch rule)
// and its URL form, so a link reproduces a view. Values are checked by lib/sim's
// rules (the schema's, without zod); a bad parameter falls back to its default and says so.
import {
  checkSettings,
  settingProblem,
  formatLearningRate,
  formatRate,
  formatSetting,
  PRODIGY_DEFAULT_LEARNING_RATE,
  SETTING_ORDER,
  SETTINGS,
  SETTINGS_DEFAULTS,
  type BatchRule,
  type ChoiceSettingKey,
  type FieldErrors,
  type NumberSettingKey,
  type Optimizer,
  type Settings,
} from "@/lib/sim";

export type PlaygroundSettings = Omit<Settings, "name">;

export interface PlaygroundState {
  settings: PlaygroundSettings;
  batchRule: BatchRule;
}

export type PlaygroundKey = keyof PlaygroundSettings;

/** Every setting but the name, in the registry's order: the order the playground writes them to the URL. */
export const PLAYGROUND_KEYS = SETTING_ORDER.filter((key): key is PlaygroundKey => key !== "name");

/** The article's defaults for 10 images (its sweet spot), with a fixed seed so the default view is always the same. */
export const PLAYGROUND_DEFAULTS: PlaygroundSettings = {
  images: 10,
  ...SETTINGS_DEFAULTS,
  seed: 1,
};

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
 * Reads one numeric setting from text with the simulator's own rules.
 * Returns the number, or the schema's message when it is not acceptable.
 */
export function parseSettingValue(key: NumberSettingKey, raw: string): { value: number } | { error: string } {
  const text = raw.trim();
  const number = text === "" ? Number.NaN : Number(text);
  const problem = settingProblem(key, number);
  return problem === null ? { value: number } : { error: problem };
}

/** Reads one choice setting (optimizer, scheduler, base model) from text: one of its option values. */
export function parseChoiceValue(key: ChoiceSettingKey, raw: string): { value: string } | { error: string } {
  const value = raw.trim();
  const problem = settingProblem(key, value);
  return problem === null ? { value } : { error: problem };
}

function isChoiceKey(key: PlaygroundKey): key is ChoiceSettingKey {
  return SETTINGS[key].kind === "choice";
}

/** A setting as its text box shows it and a notice quotes it: learning rates as 1e-4 (Prodigy's as 1), fractions to two places. */
export function formatSettingValue(key: PlaygroundKey, value: number | string): string {
  if (typeof value === "string") return isChoiceKey(key) ? formatSetting(key, value as never) : value;
  if (key === "learningRate") return formatLearningRate(value);
  if (key === "textEncoderLearningRate") return formatRate(value);
  if (SETTINGS[key].kind === "fraction") return String(Number(value.toFixed(2)));
  return String(value);
}

/** The learning rate an optimizer is usually run at: Prodigy's multiplier 1, the article's 1e-4 for the rest. */
export function usualLearningRate(optimizer: Optimizer): number {
  return optimizer === "prodigy" ? PRODIGY_DEFAULT_LEARNING_RATE : SETTINGS_DEFAULTS.learningRate;
}

/**
 * What is wrong with a whole set of settings, by field: the checks across
 * fields (a learning rate that does not fit the optimizer, warm-up longer than
 * the run) that a single control cannot see. Empty when the settings are valid.
 */
export function settingsProblems(settings: PlaygroundSettings): FieldErrors {
  const checked = checkSettings(settings);
  return checked.ok ? {} : checked.errors;
}

/**
 * Playground state from URL search params: every valid setting is taken, every
 * missing one gets its default, every invalid one gets its default and a notice.
 * @example parsePlaygroundParams({ images: "25", learningRate: "x" }).notices // → ["learningRate=\"x\" was ignored: …"]
 */
export function parsePlaygroundParams(params: SearchParamsRecord, defaults: PlaygroundSettings = PLAYGROUND_DEFAULTS): ParsedPlayground {
  const settings: PlaygroundSettings = { ...defaults };
  const notices: string[] = [];
  const given = settings as Record<PlaygroundKey, number | string>;
  for (const key of PLAYGROUND_KEYS) {
    const raw = firstValue(params[key]);
    if (raw === undefined) continue;
    const parsed = isChoiceKey(key) ? parseChoiceValue(key, raw) : parseSettingValue(key, raw);
    if ("value" in parsed) given[key] = parsed.value;
    else notices.push(`${key}="${raw}" was ignored (${parsed.error}); using ${formatSettingValue(key, defaults[key])}.`);
  }
  // Valid one by one, the settings may still disagree: the learning rate with the optimizer, the warm-up with the run's length.
  const problems = settingsProblems(settings);
  if (problems.learningRate) {
    const given = firstValue(params.learningRate) ?? formatSettingValue("learningRate", settings.learningRate);
    settings.learningRate = usualLearningRate(settings.optimizer);
    notices.push(`learningRate="${given}" was ignored (${problems.learningRate}); using ${formatSettingValue("learningRate", settings.learningRate)}.`);
  }
  if (problems.warmupSteps) {
    notices.push(`warmupSteps="${settings.warmupSteps}" was ignored (${problems.warmupSteps}); using ${SETTINGS_DEFAULTS.warmupSteps}.`);
    settings.warmupSteps = SETTINGS_DEFAULTS.warmupSteps;
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
    if (value !== undefined) (complete as Record<PlaygroundKey, unknown>)[key] = value;
  }
  return `/playground?${playgroundSearchParams({ settings: complete, batchRule }).toString()}`;
}

/** A setting's label as it reads inside a sentence: "batch size", but "LR scheduler". */
function inlineLabel(key: PlaygroundKey): string {
  const label = SETTINGS[key].label;
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/**
 * What differs from one state to another, in a few words, for the ghost line's legend.
 * @example describeChange(before, after) // → "batch size 1 → 2, learning rate 1e-4 → 2e-4"
 */
export function describeChange(before: PlaygroundState, after: PlaygroundState): string {
  const parts: string[] = [];
  for (const key of PLAYGROUND_KEYS) {
    const a = before.settings[key];
    const b = after.settings[key];
    if (a !== b) parts.push(`${inlineLabel(key)} ${formatSettingValue(key, a)} → ${formatSettingValue(key, b)}`);
  }
  if (before.batchRule !== after.batchRule) parts.push(`${before.batchRule === "sqrt" ? "√batch" : "linear"} → ${after.batchRule === "sqrt" ? "√batch" : "linear"} rule`);
  return parts.join(", ");
}

export function sameState(a: PlaygroundState, b: PlaygroundState): boolean {
  return a.batchRule === b.batchRule && PLAYGROUND_KEYS.every((key) => a.settings[key] === b.settings[key]);
}

// How each setting maps onto a native range input: a linear scale of whole
// numbers, or a list of "nice" values (learning rates on a log scale, image
// counts that grow in coarser steps) where the slider moves over the list.
import { LEARNING_RATE_LIMITS, SETTINGS, SETTINGS_LIMITS, type NumberSettingKey, type Optimizer } from "@/lib/sim";
import { formatSettingValue, parseSettingValue } from "./state";

export interface SettingControl {
  key: Exclude<NumberSettingKey, "seed">;
  label: string;
  /** One short line on what the setting does. */
  hint: string;
  /** Nice values the slider steps through; absent for a plain linear slider. */
  ticks?: readonly number[];
  min: number;
  max: number;
  step: number;
}

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to + 1e-9; value += step) values.push(Number(value.toFixed(6)));
  return values;
}

/** 1–30 one by one, then ever coarser up to 1,000. */
export const IMAGE_TICKS: readonly number[] = [...range(1, 30, 1), ...range(35, 100, 5), ...range(110, 200, 10), ...range(250, 1000, 50)];

/** Learning rates trainers actually type, 1e-6 to 1e-2 (the schema's maximum). */
export const LEARNING_RATE_TICKS: readonly number[] = [1e-6, 2e-6, 5e-6, 1e-5, 2e-5, 3e-5, 5e-5, 7e-5, 1e-4, 1.5e-4, 2e-4, 3e-4, 4e-4, 5e-4, 7e-4, 1e-3, 2e-3, 5e-3, 1e-2];

/** Text-encoder learning rates, 0 (frozen) to 1e-3 (the schema's maximum). */
export const TEXT_ENCODER_TICKS: readonly number[] = [0, 1e-6, 2e-6, 5e-6, 1e-5, 2e-5, 3e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3];

/** Prodigy's learning-rate multipliers, 0.1 to 10 (1 is the usual value). */
export const PRODIGY_LEARNING_RATE_TICKS: readonly number[] = [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 10];

/** LoRA ranks trainers use: powers of two and the steps between them. */
export const NETWORK_DIM_TICKS: readonly number[] = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256];

/** Alphas: the same ladder (alpha = dim and alpha = dim / 2 are both on it). */
export const NETWORK_ALPHA_TICKS: readonly number[] = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256];

/** Warm-up lengths in steps; a warm-up longer than the run is refused with a message. */
export const WARMUP_TICKS: readonly number[] = [0, 10, 20, 50, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000];

const fraction = { min: 0, max: 1, step: 0.05 };

function control(key: SettingControl["key"], rest: Omit<SettingControl, "key" | "label" | "hint">): SettingControl {
  return { key, label: SETTINGS[key].label, hint: SETTINGS[key].help, ...rest };
}

/** The playground's sliders, labelled and explained by the settings registry, in its order. */
export const SETTING_CONTROLS: readonly SettingControl[] = [
  control("images", { ticks: IMAGE_TICKS, ...SETTINGS_LIMITS.images, step: 1 }),
  control("repeats", { ...SETTINGS_LIMITS.repeats, step: 1 }),
  control("epochs", { ...SETTINGS_LIMITS.epochs, step: 1 }),
  control("batchSize", { ...SETTINGS_LIMITS.batchSize, step: 1 }),
  control("learningRate", { ticks: LEARNING_RATE_TICKS, min: 1e-6, max: 1e-2, step: 1 }),
  control("textEncoderLearningRate", { ticks: TEXT_ENCODER_TICKS, ...SETTINGS_LIMITS.textEncoderLearningRate, step: 1 }),
  control("captionQuality", fraction),
  control("datasetSimilarity", fraction),
  control("networkDim", { ticks: NETWORK_DIM_TICKS, ...SETTINGS_LIMITS.networkDim, step: 1 }),
  control("networkAlpha", { ticks: NETWORK_ALPHA_TICKS, min: 1, max: SETTINGS_LIMITS.networkAlpha.max, step: 1 }),
  control("warmupSteps", { ticks: WARMUP_TICKS, min: 0, max: 10000, step: 1 }),
];

/** The learning-rate slider for an optimizer: Prodigy's moves over multipliers around 1, the others' over rates. */
export function learningRateControl(optimizer: Optimizer): SettingControl {
  const base = SETTING_CONTROLS.find((c) => c.key === "learningRate")!;
  if (optimizer !== "prodigy") return base;
  return { ...base, hint: "Prodigy finds its own step size: the learning rate is a multiplier on it, 1 is usual.", ticks: PRODIGY_LEARNING_RATE_TICKS, ...LEARNING_RATE_LIMITS.prodigy };
}

/** Index of the tick nearest a value (in log space when every tick is positive). */
export function nearestTickIndex(ticks: readonly number[], value: number): number {
  const logScale = ticks[0] > 0 && value > 0;
  let best = 0;
  let bestDistance = Infinity;
  ticks.forEach((tick, i) => {
    const distance = logScale ? Math.abs(Math.log(tick) - Math.log(value)) : Math.abs(tick - value);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/** The range input's attributes and position for a value. */
export function sliderModel(control: SettingControl, value: number): { min: number; max: number; step: number; position: number } {
  if (control.ticks) return { min: 0, max: control.ticks.length - 1, step: 1, position: nearestTickIndex(control.ticks, value) };
  return { min: control.min, max: control.max, step: control.step, position: value };
}

/** The setting's value at a range input position. */
export function valueAtPosition(control: SettingControl, position: number): number {
  if (control.ticks) return control.ticks[Math.max(0, Math.min(control.ticks.length - 1, Math.round(position)))];
  // Fractions move in 0.05 steps; round away binary noise such as 0.35000000000000003.
  return Number(position.toFixed(4));
}

/** Parses what someone typed into a setting's text box with the simulator's rules. */
export function parseTypedValue(control: SettingControl, text: string) {
  return parseSettingValue(control.key, text);
}

/** The value as the text box and the slider's aria-valuetext show it. */
export function formatControlValue(control: SettingControl, value: number): string {
  return formatSettingValue(control.key, value);
}

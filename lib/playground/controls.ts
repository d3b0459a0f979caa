// How each setting maps onto a native range input: a linear scale of whole
// numbers, or a list of "nice" values (learning rates on a log scale, image
// counts that grow in coarser steps) where the slider moves over the list.
import { SETTINGS_LIMITS } from "@/lib/sim";
import { formatSettingValue, parseSettingValue, type PlaygroundKey } from "./state";

export interface SettingControl {
  key: PlaygroundKey;
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
export const LEARNING_RATE_TICKS: readonly number[] = [
  1e-6, 2e-6, 5e-6, 1e-5, 2e-5, 3e-5, 5e-5, 7e-5, 1e-4, 1.5e-4, 2e-4, 3e-4, 4e-4, 5e-4, 7e-4, 1e-3, 2e-3, 5e-3, 1e-2,
];

/** Text-encoder learning rates, 0 (frozen) to 1e-3 (the schema's maximum). */
export const TEXT_ENCODER_TICKS: readonly number[] = [0, 1e-6, 2e-6, 5e-6, 1e-5, 2e-5, 3e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3];

const fraction = { min: 0, max: 1, step: 0.05 };

export const SETTING_CONTROLS: readonly SettingControl[] = [
  { key: "images", label: "Images", hint: "Training images in the dataset.", ticks: IMAGE_TICKS, ...SETTINGS_LIMITS.images, step: 1 },
  { key: "repeats", label: "Repeats", hint: "Times each image is shown per epoch.", ...SETTINGS_LIMITS.repeats, step: 1 },
  { key: "epochs", label: "Epochs", hint: "Full passes; one checkpoint per epoch.", ...SETTINGS_LIMITS.epochs, step: 1 },
  { key: "batchSize", label: "Batch size", hint: "Images averaged into one update.", ...SETTINGS_LIMITS.batchSize, step: 1 },
  { key: "learningRate", label: "Learning rate", hint: "UNet learning rate: the sensitivity dial.", ticks: LEARNING_RATE_TICKS, min: 1e-6, max: 1e-2, step: 1 },
  {
    key: "textEncoderLearningRate",
    label: "Text-encoder LR",
    hint: "How strongly captions are learned; 0 freezes the text encoder.",
    ticks: TEXT_ENCODER_TICKS,
    ...SETTINGS_LIMITS.textEncoderLearningRate,
    step: 1,
  },
  { key: "captionQuality", label: "Caption quality", hint: "0 no captions, 0.3 vague auto-captions, 0.7 clean, 1 detailed.", ...fraction },
  { key: "datasetSimilarity", label: "Dataset similarity", hint: "0 very varied images, 1 near-duplicates or one strong style.", ...fraction },
];

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

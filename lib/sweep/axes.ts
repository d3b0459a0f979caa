// The settings a sweep can put on an axis, their scales and default ranges,
// and the values an axis takes between two ends. Labels come from the settings registry.
import { LEARNING_RATE_LIMITS, SETTINGS, SETTINGS_LIMITS, type NumberSettingKey } from "@/lib/sim";
import { formatSettingValue } from "@/lib/playground";

export type SweepAxisKey = Exclude<NumberSettingKey, "seed">;

export interface SweepAxis {
  key: SweepAxisKey;
  label: string;
  /** "log" spaces values geometrically (learning rates, image counts, ranks). */
  scale: "linear" | "log";
  integer: boolean;
  /** The widest range allowed (the simulator's limits; log axes start above 0). */
  min: number;
  max: number;
  /** The range a new sweep of this setting starts with. */
  defaultFrom: number;
  defaultTo: number;
}

function axis(key: SweepAxisKey, rest: Omit<SweepAxis, "key" | "label" | "integer">): SweepAxis {
  return { key, label: SETTINGS[key].label, integer: SETTINGS[key].kind === "integer", ...rest };
}

export const SWEEP_AXES: Record<SweepAxisKey, SweepAxis> = {
  images: axis("images", { scale: "log", ...SETTINGS_LIMITS.images, defaultFrom: 3, defaultTo: 100 }),
  repeats: axis("repeats", { scale: "linear", ...SETTINGS_LIMITS.repeats, defaultFrom: 5, defaultTo: 40 }),
  epochs: axis("epochs", { scale: "linear", ...SETTINGS_LIMITS.epochs, defaultFrom: 1, defaultTo: 20 }),
  batchSize: axis("batchSize", { scale: "linear", ...SETTINGS_LIMITS.batchSize, defaultFrom: 1, defaultTo: 8 }),
  // Up to Prodigy's largest multiplier; the other optimizers refuse rates above 0.01, cell by cell.
  learningRate: axis("learningRate", { scale: "log", min: 1e-7, max: LEARNING_RATE_LIMITS.prodigy.max, defaultFrom: 1e-5, defaultTo: 1e-3 }),
  textEncoderLearningRate: axis("textEncoderLearningRate", { scale: "linear", ...SETTINGS_LIMITS.textEncoderLearningRate, defaultFrom: 0, defaultTo: 5e-5 }),
  captionQuality: axis("captionQuality", { scale: "linear", ...SETTINGS_LIMITS.captionQuality, defaultFrom: 0, defaultTo: 1 }),
  datasetSimilarity: axis("datasetSimilarity", { scale: "linear", ...SETTINGS_LIMITS.datasetSimilarity, defaultFrom: 0, defaultTo: 1 }),
  networkDim: axis("networkDim", { scale: "log", ...SETTINGS_LIMITS.networkDim, defaultFrom: 4, defaultTo: 128 }),
  networkAlpha: axis("networkAlpha", { scale: "log", min: 0.1, max: SETTINGS_LIMITS.networkAlpha.max, defaultFrom: 1, defaultTo: 64 }),
  warmupSteps: axis("warmupSteps", { scale: "linear", min: 0, max: 100_000, defaultFrom: 0, defaultTo: 500 }),
};

export const SWEEP_AXIS_KEYS = Object.keys(SWEEP_AXES) as SweepAxisKey[];

export function isSweepAxisKey(value: string): value is SweepAxisKey {
  return Object.hasOwn(SWEEP_AXES, value);
}

/** Cells per axis: at least 2, at most 30 (30 × 30 = 900 runs). */
export const SWEEP_STEPS = { min: 2, max: 30, default: 20 } as const;

/** Rounds to a few significant digits, so a log axis reads 2.1e-4 rather than 0.000213796. */
function roundSignificant(value: number, digits = 2): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

/**
 * The values an axis takes: `count` points from `from` to `to`, spaced evenly
 * (or geometrically on a log axis), rounded to values a trainer would type,
 * without repeats (a 1–4 batch axis has 4 values however many were asked for).
 * @example axisValues(SWEEP_AXES.epochs, 1, 20, 20) // → [1, 2, …, 20]
 * @example axisValues(SWEEP_AXES.learningRate, 1e-5, 1e-3, 3) // → [1e-5, 1e-4, 1e-3]
 */
export function axisValues(axis: SweepAxis, from: number, to: number, count: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = count === 1 ? 0 : i / (count - 1);
    const raw = axis.scale === "log" ? from * (to / from) ** t : from + (to - from) * t;
    let value = axis.integer ? Math.round(raw) : axis.scale === "log" ? roundSignificant(raw) : roundSignificant(raw, 3);
    value = Math.min(axis.max, Math.max(axis.min, value));
    if (values.length === 0 || values[values.length - 1] !== value) values.push(value);
  }
  return values;
}

/** An axis value as it reads on the heatmap: 1e-4, 0.35, 20. */
export function formatAxisValue(key: SweepAxisKey, value: number): string {
  return formatSettingValue(key, value);
}

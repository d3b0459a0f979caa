// The axes of the parallel-coordinates views: every setting a population can
// vary, then the two outcomes a run is judged by. A choice setting (optimizer,
// scheduler, base model) is an ordinal axis: its options in the registry's
// order at 0, 1, 2…, labelled. Brushes (a range kept on an axis) filter rows
// and travel in the URL as `key:from:to,key:from:to`.
//
// Browser code imports this module: it reads the choice labels from the maps
// the settings registry formats with (lib/sim/types), not from the registry,
// which would bring the settings' validation along.
import { formatRate } from "@/lib/sim/format-rate";
import { LR_SCHEDULER_LABELS, MODEL_FAMILY_LABELS, OPTIMIZER_LABELS } from "@/lib/sim/types";
import { CHOICE_OPTIONS, isChoiceKey, POPULATION_KEYS, settingValue, type PopulationCentre, type PopulationKey } from "./keys";

export type ParallelAxisKey = PopulationKey | "bestQuality" | "bestEpoch";

export interface ParallelAxis {
  key: ParallelAxisKey;
  label: string;
  /** The label above the axis in the chart, short enough for 10 axes side by side. */
  short: string;
  /** "log" for settings people change by factors (learning rates, image counts). */
  scale: "linear" | "log";
  integer: boolean;
  /** A choice setting's option labels, in position order (the axis values are 0, 1, 2…). */
  categories?: readonly string[];
  /** Shorter option labels drawn beside the axis when the full ones would run into the next axis. */
  categoryShort?: readonly string[];
}

const CHOICE_LABELS: { [K in keyof typeof CHOICE_OPTIONS]: Record<(typeof CHOICE_OPTIONS)[K][number], string> } = {
  optimizer: OPTIMIZER_LABELS,
  lrScheduler: LR_SCHEDULER_LABELS,
  modelFamily: MODEL_FAMILY_LABELS,
};

/** A choice setting's option labels, as SETTINGS[key].format writes them. */
export function choiceLabels(key: keyof typeof CHOICE_OPTIONS): string[] {
  return (CHOICE_OPTIONS[key] as readonly string[]).map((value) => (CHOICE_LABELS[key] as Record<string, string>)[value]);
}

export const PARALLEL_AXES: readonly ParallelAxis[] = [
  { key: "images", label: "Images", short: "Images", scale: "log", integer: true },
  { key: "repeats", label: "Repeats", short: "Repeats", scale: "linear", integer: true },
  { key: "epochs", label: "Epochs", short: "Epochs", scale: "linear", integer: true },
  { key: "batchSize", label: "Batch size", short: "Batch", scale: "log", integer: true },
  { key: "learningRate", label: "Learning rate", short: "LR", scale: "log", integer: false },
  { key: "textEncoderLearningRate", label: "Text-encoder LR", short: "TE LR", scale: "linear", integer: false },
  { key: "captionQuality", label: "Caption quality", short: "Captions", scale: "linear", integer: false },
  { key: "datasetSimilarity", label: "Dataset similarity", short: "Similarity", scale: "linear", integer: false },
  { key: "networkDim", label: "Network rank (dim)", short: "Rank", scale: "log", integer: true },
  { key: "networkAlpha", label: "Network alpha", short: "Alpha", scale: "log", integer: false },
  { key: "optimizer", label: "Optimizer", short: "Optimizer", scale: "linear", integer: true, categories: choiceLabels("optimizer") },
  {
    key: "lrScheduler",
    label: "LR scheduler",
    short: "Scheduler",
    scale: "linear",
    integer: true,
    categories: choiceLabels("lrScheduler"),
    categoryShort: ["constant", "warm-up", "cosine", "restarts", "linear"],
  },
  { key: "warmupSteps", label: "Warm-up steps", short: "Warm-up", scale: "linear", integer: true },
  { key: "modelFamily", label: "Base model", short: "Base", scale: "linear", integer: true, categories: choiceLabels("modelFamily") },
  { key: "bestQuality", label: "Best quality", short: "Quality", scale: "linear", integer: false },
  { key: "bestEpoch", label: "Best epoch", short: "Best epoch", scale: "linear", integer: true },
];

const AXIS_BY_KEY = new Map(PARALLEL_AXES.map((axis) => [axis.key, axis]));

export function parallelAxis(key: ParallelAxisKey): ParallelAxis {
  return AXIS_BY_KEY.get(key)!;
}

export function isParallelAxisKey(value: string): value is ParallelAxisKey {
  return AXIS_BY_KEY.has(value as ParallelAxisKey);
}

/** A value as an axis shows it: learning rates as 1e-4 (a Prodigy multiplier as 1), fractions with two decimals, counts whole, a choice by its label. */
export function formatAxisValue(key: ParallelAxisKey, value: number): string {
  if (key === "learningRate" || key === "textEncoderLearningRate") return value === 0 ? "0" : value >= 0.1 ? String(Number(value.toPrecision(3))) : formatRate(value);
  const axis = parallelAxis(key);
  if (axis.categories) return axis.categories[Math.round(value)] ?? String(value);
  if (axis.integer) return String(Math.round(value));
  return value.toFixed(2);
}

/**
 * A value typed in a filter: a number, or on a choice axis an option's label or value (case ignored) as its position.
 * @example parseAxisInput("optimizer", "Prodigy") // → 2
 */
export function parseAxisInput(key: ParallelAxisKey, text: string): number {
  const trimmed = text.trim();
  if (trimmed === "") return Number.NaN;
  const axis = parallelAxis(key);
  if (axis.categories && isChoiceKey(key as PopulationKey)) {
    const lower = trimmed.toLowerCase();
    const values = CHOICE_OPTIONS[key as keyof typeof CHOICE_OPTIONS] as readonly string[];
    const index = axis.categories.findIndex((label, i) => label.toLowerCase() === lower || values[i] === lower);
    if (index >= 0) return index;
  }
  return Number(trimmed);
}

/** A run's settings and outcomes as axis values (a choice as its option's position). */
export function axisValuesOf(settings: PopulationCentre, outcomes: { bestQuality: number; bestEpoch: number }): AxisValues {
  const values = { bestQuality: outcomes.bestQuality, bestEpoch: outcomes.bestEpoch } as AxisValues;
  for (const key of POPULATION_KEYS) values[key] = settingValue(settings, key);
  return values;
}

/** The ranges kept on some axes; a row passes when every kept range holds its value. */
export type Brush = Partial<Record<ParallelAxisKey, { from: number; to: number }>>;

/** One row of a parallel-coordinates view: a value per axis. */
export type AxisValues = Record<ParallelAxisKey, number>;

/** Relative slack on a range's ends, so a value written as 1e-4 in the URL still matches 0.0001 stored. */
const RANGE_TOLERANCE = 1e-9;

/** Whether a row lies within every range of a brush. */
export function passesBrush(values: AxisValues, brush: Brush): boolean {
  for (const key of Object.keys(brush) as ParallelAxisKey[]) {
    const range = brush[key];
    if (!range) continue;
    const value = values[key];
    const slack = RANGE_TOLERANCE * Math.max(Math.abs(range.from), Math.abs(range.to), 1e-12);
    if (!(value >= range.from - slack && value <= range.to + slack)) return false;
  }
  return true;
}

/**
 * A brush in its URL form, axes in display order.
 * @example formatBrush({ epochs: { from: 5, to: 10 } }) // → "epochs:5:10"
 */
export function formatBrush(brush: Brush): string {
  return PARALLEL_AXES.flatMap(({ key }) => {
    const range = brush[key];
    return range ? [`${key}:${Number(range.from.toPrecision(4))}:${Number(range.to.toPrecision(4))}`] : [];
  }).join(",");
}

/**
 * Reads a brush from the URL; each piece that does not parse is left out and explained.
 * @example parseBrush("epochs:5:10,colour:1:2").notices // → ['"colour:1:2" was ignored: …']
 */
export function parseBrush(raw: string | undefined): { brush: Brush; notices: string[] } {
  const brush: Brush = {};
  const notices: string[] = [];
  if (!raw) return { brush, notices };
  for (const piece of raw.split(",")) {
    if (piece.trim() === "") continue;
    const [key, fromText, toText, ...rest] = piece.split(":");
    const from = Number(fromText);
    const to = Number(toText);
    if (!isParallelAxisKey(key)) notices.push(`"${piece}" was ignored: "${key}" is not an axis.`);
    else if (rest.length > 0 || fromText === undefined || toText === undefined || fromText.trim() === "" || toText.trim() === "" || !Number.isFinite(from) || !Number.isFinite(to)) {
      notices.push(`"${piece}" was ignored: a filter reads axis:from:to with two numbers.`);
    } else if (from > to) notices.push(`"${piece}" was ignored: "from" is above "to".`);
    else brush[key] = { from, to };
  }
  return { brush, notices };
}

/**
 * A population run's name in a list: the varied settings, short (the image count when nothing varies).
 * @example describePopulationRun(values, ["learningRate", "epochs"]) // → "LR 1e-4 · Epochs 12"
 */
export function describePopulationRun(values: AxisValues, vary: readonly PopulationKey[]): string {
  const keys = vary.length > 0 ? vary : (["images"] as const);
  return keys.map((key) => `${parallelAxis(key).short} ${formatAxisValue(key, values[key])}`).join(" · ");
}

/**
 * The playground link of a population run, from its axis values: its settings
 * with seed 1, written as lib/playground's playgroundHref writes them (every
 * setting in the registry's order, then the seed), so the browser can build it
 * without the playground's validation.
 * @example populationRunHref(values) // → "/playground?images=15&repeats=12&…&modelFamily=sdxl&seed=1"
 */
export function populationRunHref(values: AxisValues): string {
  const params = new URLSearchParams();
  for (const key of POPULATION_KEYS) params.set(key, isChoiceKey(key) ? CHOICE_OPTIONS[key][values[key]] : String(values[key]));
  params.set("seed", "1");
  return `/playground?${params.toString()}`;
}

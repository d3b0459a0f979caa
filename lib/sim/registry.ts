// One vocabulary for every page: each setting's label, help, unit, limits,
// input step and formatter, and each metric's label, help, formatter, better
// direction and colour, like a chart config keyed by series. The forms, the
// playground, the sweep, compare, the run page, the charts and the exports
// read their words and numbers here; a new setting is one entry.
import { LEARNING_RATE_LIMITS, SETTINGS_DEFAULTS, SETTINGS_LIMITS, formatRate, type SettingKey, type Settings } from "./settings";
import {
  LR_SCHEDULERS,
  LR_SCHEDULER_LABELS,
  MODEL_FAMILIES,
  MODEL_FAMILY_LABELS,
  OPTIMIZERS,
  OPTIMIZER_LABELS,
  type Checkpoint,
  type Verdict,
  type LrScheduler,
  type ModelFamily,
  type Optimizer,
} from "./types";

/** A setting that takes one of a few named values (a select, never a slider). */
export type ChoiceSettingKey = "optimizer" | "lrScheduler" | "modelFamily";
/** Every setting that is a number. */
export type NumberSettingKey = Exclude<SettingKey, "name" | ChoiceSettingKey>;

interface SettingBase {
  /** One spelling, everywhere: "Text-encoder LR", never "Text encoder learning rate". */
  label: string;
  /** One or two sentences in trainers' words: what the setting does. */
  help: string;
  /** The trainer argument it maps to, as kohya sd-scripts spells it (null when it describes the data, not the trainer). */
  kohya: string | null;
}

export interface NumberSettingSpec extends SettingBase {
  key: NumberSettingKey;
  kind: "integer" | "rate" | "fraction" | "number";
  /** Unit shown after the value, e.g. "steps"; empty when the number speaks for itself. */
  unit: string;
  min: number;
  max: number;
  /** True when `min` itself is not allowed (a learning rate above 0). */
  minExclusive: boolean;
  /** The input's step: 1 for whole numbers, 0.05 for fractions, "any" for rates. */
  step: number | "any";
  /** Decimal places a value is shown with (rates use trainer notation instead). */
  precision: number;
  format: (value: number) => string;
}

export interface ChoiceOption<V extends string = string> {
  value: V;
  label: string;
}

export interface ChoiceSettingSpec<V extends string = string> extends SettingBase {
  key: ChoiceSettingKey;
  kind: "choice";
  options: readonly ChoiceOption<V>[];
  /** The option's label; a value that is not an option comes back as it is. */
  format: (value: string) => string;
}

export interface TextSettingSpec extends SettingBase {
  key: "name";
  kind: "text";
  min: number;
  max: number;
  format: (value: string) => string;
}

export type SettingSpec = NumberSettingSpec | ChoiceSettingSpec | TextSettingSpec;

const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 2000 → "2,000". */
export function formatWhole(value: number): string {
  return integerFormat.format(value);
}

/** Scores and fractions: 0.7312 → "0.73". */
export function formatFraction(value: number): string {
  return value.toFixed(2);
}

/**
 * A learning rate as trainers write it: 1e-4, 2.5e-4; a Prodigy multiplier
 * (0.1 and up) as a plain number, 1 or 0.5.
 * @example formatLearningRate(0.0001) // → "1e-4"
 * @example formatLearningRate(1) // → "1"
 */
export function formatLearningRate(value: number): string {
  return value >= 0.1 ? String(Number(value.toPrecision(3))) : formatRate(value);
}

function numberSetting<K extends NumberSettingKey>(
  key: K,
  kind: NumberSettingSpec["kind"],
  spec: Omit<NumberSettingSpec, "key" | "kind" | "step" | "precision" | "format" | "minExclusive" | "unit"> & Partial<Pick<NumberSettingSpec, "format" | "minExclusive" | "unit" | "precision">>,
): NumberSettingSpec & { key: K } {
  const step = kind === "integer" ? 1 : kind === "fraction" ? 0.05 : "any";
  const precision = spec.precision ?? (kind === "fraction" ? 2 : 0);
  const format = spec.format ?? (kind === "integer" ? formatWhole : kind === "rate" ? formatRate : (value: number) => String(Number(value.toFixed(precision))));
  return { key, kind, unit: "", minExclusive: false, ...spec, step, precision, format };
}

function choiceSetting<K extends ChoiceSettingKey, V extends string>(key: K, values: readonly V[], labels: Record<V, string>, base: SettingBase): ChoiceSettingSpec<V> & { key: K } {
  return {
    key,
    kind: "choice",
    ...base,
    options: values.map((value) => ({ value, label: labels[value] })),
    format: (value: string) => (Object.hasOwn(labels, value) ? labels[value as V] : value),
  };
}

/** Every setting, in the order forms list them. */
export const SETTINGS = {
  name: {
    key: "name",
    kind: "text",
    label: "Name",
    help: "Optional, up to 100 characters. Left blank, it is made from the settings.",
    kohya: "output_name",
    ...SETTINGS_LIMITS.name,
    format: (value: string) => value,
  } satisfies TextSettingSpec,
  images: numberSetting("images", "integer", {
    label: "Images",
    help: "Training images in the dataset, 1 to 1,000, each with its caption.",
    unit: "images",
    kohya: null,
    ...SETTINGS_LIMITS.images,
  }),
  repeats: numberSetting("repeats", "integer", {
    label: "Repeats",
    help: `Times each image is shown per epoch, 1 to 100. Default ${SETTINGS_DEFAULTS.repeats}.`,
    kohya: "num_repeats",
    ...SETTINGS_LIMITS.repeats,
  }),
  epochs: numberSetting("epochs", "integer", {
    label: "Epochs",
    help: `Full passes over the images, 1 to 100; a checkpoint is saved after each. Default ${SETTINGS_DEFAULTS.epochs}.`,
    kohya: "max_train_epochs",
    ...SETTINGS_LIMITS.epochs,
  }),
  batchSize: numberSetting("batchSize", "integer", {
    label: "Batch size",
    help: `Images averaged into one optimisation step, 1 to 32. Default ${SETTINGS_DEFAULTS.batchSize}, the most stable.`,
    kohya: "train_batch_size",
    ...SETTINGS_LIMITS.batchSize,
  }),
  learningRate: numberSetting("learningRate", "rate", {
    label: "Learning rate",
    help: `The U-Net's learning rate, above 0 and at most ${SETTINGS_LIMITS.learningRate.max}; with Prodigy, a multiplier from ${LEARNING_RATE_LIMITS.prodigy.min} to ${LEARNING_RATE_LIMITS.prodigy.max} (1 is usual). Default ${formatRate(SETTINGS_DEFAULTS.learningRate)}.`,
    kohya: "learning_rate",
    min: 0,
    max: LEARNING_RATE_LIMITS.prodigy.max,
    minExclusive: true,
    format: formatLearningRate,
  }),
  textEncoderLearningRate: numberSetting("textEncoderLearningRate", "rate", {
    label: "Text-encoder LR",
    help: `How strongly the link between caption words and images is learned, 0 (frozen) to 0.001. Default ${formatRate(SETTINGS_DEFAULTS.textEncoderLearningRate)}.`,
    kohya: "text_encoder_lr",
    ...SETTINGS_LIMITS.textEncoderLearningRate,
    format: (value) => (value === 0 ? "0 (frozen)" : formatRate(value)),
  }),
  captionQuality: numberSetting("captionQuality", "fraction", {
    label: "Caption quality",
    help: `0 no captions · 0.3 vague auto-captions · 0.7 clean · 1 detailed and consistent. Default ${SETTINGS_DEFAULTS.captionQuality}.`,
    kohya: null,
    ...SETTINGS_LIMITS.captionQuality,
  }),
  datasetSimilarity: numberSetting("datasetSimilarity", "fraction", {
    label: "Dataset similarity",
    help: `0 very varied images · 1 near-duplicates or one very strong style (learned sooner, less flexible). Default ${SETTINGS_DEFAULTS.datasetSimilarity}.`,
    kohya: null,
    ...SETTINGS_LIMITS.datasetSimilarity,
  }),
  networkDim: numberSetting("networkDim", "integer", {
    label: "Network rank (dim)",
    help: `The LoRA's rank, 1 to 256: how many directions it can learn. Default ${SETTINGS_DEFAULTS.networkDim}.`,
    kohya: "network_dim",
    ...SETTINGS_LIMITS.networkDim,
  }),
  networkAlpha: numberSetting("networkAlpha", "number", {
    label: "Network alpha",
    help: `Scales every update by alpha ÷ dim, above 0 and at most 256. Default ${SETTINGS_DEFAULTS.networkAlpha}.`,
    kohya: "network_alpha",
    ...SETTINGS_LIMITS.networkAlpha,
    minExclusive: true,
    precision: 2,
  }),
  optimizer: choiceSetting<"optimizer", Optimizer>("optimizer", OPTIMIZERS, OPTIMIZER_LABELS, {
    label: "Optimizer",
    help: `How each step turns the gradient into an update. Default ${OPTIMIZER_LABELS[SETTINGS_DEFAULTS.optimizer]}.`,
    kohya: "optimizer_type",
  }),
  lrScheduler: choiceSetting<"lrScheduler", LrScheduler>("lrScheduler", LR_SCHEDULERS, LR_SCHEDULER_LABELS, {
    label: "LR scheduler",
    help: `How the learning rate moves over the whole run. Default ${LR_SCHEDULER_LABELS[SETTINGS_DEFAULTS.lrScheduler]}.`,
    kohya: "lr_scheduler",
  }),
  warmupSteps: numberSetting("warmupSteps", "integer", {
    label: "Warm-up steps",
    help: "Steps over which the learning rate rises linearly from 0, at most the run's total steps. Default 0.",
    unit: "steps",
    kohya: "lr_warmup_steps",
    ...SETTINGS_LIMITS.warmupSteps,
  }),
  modelFamily: choiceSetting<"modelFamily", ModelFamily>("modelFamily", MODEL_FAMILIES, MODEL_FAMILY_LABELS, {
    label: "Base model",
    help: `The model the LoRA is trained on: it sets the training script, the resolution and the step time. Default ${MODEL_FAMILY_LABELS[SETTINGS_DEFAULTS.modelFamily]}.`,
    kohya: null,
  }),
  seed: numberSetting("seed", "integer", {
    label: "Seed",
    help: "Noise seed, 0 to 2147483647: same settings and seed give the same run.",
    kohya: "seed",
    ...SETTINGS_LIMITS.seed,
    format: String,
  }),
} as const satisfies { [K in SettingKey]: SettingSpec & { key: K } };

/** Every setting key in the registry's order (the order forms, lists and diffs show them). */
export const SETTING_ORDER = Object.keys(SETTINGS) as SettingKey[];

/** The numeric settings, in order. */
export const NUMBER_SETTING_KEYS = SETTING_ORDER.filter((key): key is NumberSettingKey => SETTINGS[key].kind !== "choice" && SETTINGS[key].kind !== "text");

/** The settings chosen from a list, in order. */
export const CHOICE_SETTING_KEYS = SETTING_ORDER.filter((key): key is ChoiceSettingKey => SETTINGS[key].kind === "choice");

/** The label of a setting. */
export function settingLabel(key: SettingKey): string {
  return SETTINGS[key].label;
}

/**
 * A setting's value as every page shows it.
 * @example formatSetting("textEncoderLearningRate", 0) // → "0 (frozen)"
 * @example formatSetting("optimizer", "adamw8bit") // → "AdamW8bit"
 */
export function formatSetting<K extends SettingKey>(key: K, value: Settings[K]): string {
  const spec = SETTINGS[key] as SettingSpec;
  if (spec.kind === "choice") return spec.format(value as string);
  if (spec.kind === "text") return spec.format(value as string);
  return spec.format(value as number);
}

/** The checkpoint metrics every chart, table and export shows. */
export type MetricKey = "trainLoss" | "validationLoss" | "fidelity" | "flexibility" | "captionAdherence" | "overfitRisk" | "quality";

export interface MetricSpec {
  key: MetricKey;
  label: string;
  help: string;
  /** "higher" when a higher value is better (quality), "lower" when lower is (overfit risk, validation loss), "neutral" when neither (training loss keeps falling as a run memorises). */
  better: "higher" | "lower" | "neutral";
  /** Digits a value is shown with. */
  digits: number;
  format: (value: number) => string;
  /** The CSS colour token of its series: one colour per metric on every chart. */
  color: string;
  /** The CSV column (snake_case, as exports write it). */
  column: string;
}

const loss = (value: number) => value.toFixed(4);

export const METRICS: Record<MetricKey, MetricSpec> = {
  quality: {
    key: "quality",
    label: "Quality",
    help: "overall usefulness; the recommendation maximises it",
    better: "higher",
    digits: 2,
    format: formatFraction,
    color: "var(--series-1)",
    column: "quality",
  },
  fidelity: {
    key: "fidelity",
    label: "Fidelity",
    help: "how closely outputs reproduce the subject or style",
    better: "higher",
    digits: 2,
    format: formatFraction,
    color: "var(--series-3)",
    column: "fidelity",
  },
  flexibility: {
    key: "flexibility",
    label: "Flexibility",
    help: "how well outputs follow new prompts",
    better: "higher",
    digits: 2,
    format: formatFraction,
    color: "var(--series-5)",
    column: "flexibility",
  },
  captionAdherence: {
    key: "captionAdherence",
    label: "Caption adherence",
    help: "how well caption words control the output",
    better: "higher",
    digits: 2,
    format: formatFraction,
    color: "var(--series-6)",
    column: "caption_adherence",
  },
  overfitRisk: {
    key: "overfitRisk",
    label: "Overfit risk",
    help: "how far the checkpoint has memorised its images",
    better: "lower",
    digits: 2,
    format: formatFraction,
    color: "var(--overfit)",
    column: "overfit_risk",
  },
  trainLoss: {
    key: "trainLoss",
    label: "Training loss",
    help: "keeps falling as the model memorises, so lower is not better",
    better: "neutral",
    digits: 4,
    format: loss,
    color: "var(--series-2)",
    column: "train_loss",
  },
  validationLoss: {
    key: "validationLoss",
    label: "Validation loss",
    help: "loss on held-out images; rises once the model overfits",
    better: "lower",
    digits: 4,
    format: loss,
    color: "var(--series-4)",
    column: "validation_loss",
  },
};

/** Metrics in the order tables list them: losses first, then the scores, quality last. */
export const METRIC_ORDER: readonly MetricKey[] = ["trainLoss", "validationLoss", "fidelity", "flexibility", "captionAdherence", "overfitRisk", "quality"];

/** A checkpoint's value of a metric. */
export function metricValue(checkpoint: Checkpoint, key: MetricKey): number {
  return checkpoint[key];
}

/** How each verdict reads on badges and chart zones. */
export const VERDICT_LABELS: Record<Verdict, string> = { underfit: "Underfit", balanced: "Balanced", overfit: "Overfit" };

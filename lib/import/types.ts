// The vocabulary the readers share: settings read from a trainer's files, in
// Epoch Lab's names (PRODUCT.md "Settings of a run"). Every field is null when
// the files do not say it: nothing is guessed or filled with a default here.

export const IMPORT_OPTIMIZERS = ["adamw", "adamw8bit", "prodigy", "adafactor", "lion"] as const;
export type ImportOptimizer = (typeof IMPORT_OPTIMIZERS)[number];

export const IMPORT_SCHEDULERS = ["constant", "constant_with_warmup", "cosine", "cosine_with_restarts", "linear"] as const;
export type ImportScheduler = (typeof IMPORT_SCHEDULERS)[number];

export const IMPORT_MODEL_FAMILIES = ["sd15", "sdxl", "flux"] as const;
export type ImportModelFamily = (typeof IMPORT_MODEL_FAMILIES)[number];

export interface ImportedSettings {
  name: string | null;
  images: number | null;
  repeats: number | null;
  epochs: number | null;
  batchSize: number | null;
  learningRate: number | null;
  textEncoderLearningRate: number | null;
  networkDim: number | null;
  networkAlpha: number | null;
  optimizer: ImportOptimizer | null;
  /** Optimizer arguments as the trainer wrote them, name → value text. */
  optimizerArgs: Record<string, string>;
  lrScheduler: ImportScheduler | null;
  warmupSteps: number | null;
  modelFamily: ImportModelFamily | null;
  seed: number | null;
  /** The trainer's own words for settings Epoch Lab cannot model (e.g. `optimizer: "DAdaptAdam"`). */
  unmodelled: Record<string, string>;
}

export function emptySettings(): ImportedSettings {
  return {
    name: null,
    images: null,
    repeats: null,
    epochs: null,
    batchSize: null,
    learningRate: null,
    textEncoderLearningRate: null,
    networkDim: null,
    networkAlpha: null,
    optimizer: null,
    optimizerArgs: {},
    lrScheduler: null,
    warmupSteps: null,
    modelFamily: null,
    seed: null,
    unmodelled: {},
  };
}

/**
 * Optimizer names as kohya writes them (`optimizer_class.__module__ + "." +
 * __name__`, e.g. "bitsandbytes.optim.adamw.AdamW8bit") or as a user types them
 * (`--optimizer_type AdamW8bit`, ai-toolkit's `optimizer: adamw8bit`), mapped to
 * Epoch Lab's names by the class name; null for optimizers Epoch Lab does not model.
 */
export function optimizerFromName(raw: string): ImportOptimizer | null {
  const className = raw.split("(")[0].trim().split(".").pop() ?? "";
  const key = className.toLowerCase().replace(/[^a-z0-9]/g, "");
  const table: Record<string, ImportOptimizer> = {
    adamw: "adamw",
    pagedadamw: "adamw",
    pagedadamw32bit: "adamw",
    adamw8bit: "adamw8bit",
    pagedadamw8bit: "adamw8bit",
    prodigy: "prodigy",
    adafactor: "adafactor",
    lion: "lion",
    lion8bit: "lion",
    pagedlion8bit: "lion",
  };
  return table[key] ?? null;
}

/** Scheduler names kohya (`--lr_scheduler`) and ai-toolkit (`lr_scheduler`) accept, mapped to Epoch Lab's. */
export function schedulerFromName(raw: string): ImportScheduler | null {
  const key = raw.trim().toLowerCase();
  return (IMPORT_SCHEDULERS as readonly string[]).includes(key) ? (key as ImportScheduler) : null;
}

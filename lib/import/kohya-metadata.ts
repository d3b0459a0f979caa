// kohya sd-scripts' `ss_*` metadata, read into Epoch Lab's settings.
// Source read: kohya-ss/sd-scripts @ 48d368fa557731ad0488c07304dfeba8c07910eb
// (train_network.py, the `metadata = {...}` block and `save_model`;
// library/train_util.py `get_optimizer`, `SS_METADATA_*`). Every value is
// written with `str(v)` (so Python's "None", "True", "1e-05", "[1e-05, 1e-05]"),
// `ss_dataset_dirs` is `json.dumps({dir: {"n_repeats", "img_count"}})`, and
// `ss_epoch`/`ss_steps` are set per saved file.
import { emptySettings, optimizerFromName, schedulerFromName, type ImportModelFamily, type ImportedSettings } from "./types";

/** Which training a file came from: epoch files of one run agree on all three. */
export interface KohyaTrainingIdentity {
  sessionId: string | null;
  trainingStartedAt: string | null;
  outputName: string | null;
}

export interface KohyaFileMetadata {
  settings: ImportedSettings;
  identity: KohyaTrainingIdentity;
  /** `ss_epoch`: the epoch this file was saved at; null if absent. */
  epoch: number | null;
  /** `ss_steps`: optimisation steps done when it was saved; null if absent. */
  step: number | null;
  /** Whether the file carries kohya metadata at all (any `ss_` key). */
  isKohya: boolean;
}

export type KohyaMetadataResult = { ok: true; value: KohyaFileMetadata } | { ok: false; message: string };

class MetadataTypeError extends Error {}

const PYTHON_NONE = new Set(["None", ""]);

/** Reads the `ss_*` keys of one file's `__metadata__`; a value of the wrong type refuses the file. */
export function readKohyaMetadata(metadata: Record<string, string>): KohyaMetadataResult {
  try {
    return { ok: true, value: readOrThrow(metadata) };
  } catch (error) {
    if (error instanceof MetadataTypeError) return { ok: false, message: error.message };
    throw error;
  }
}

function readOrThrow(metadata: Record<string, string>): KohyaFileMetadata {
  const get = (key: string): string | null => {
    const value = Object.prototype.hasOwnProperty.call(metadata, key) ? metadata[key] : undefined;
    return value === undefined || PYTHON_NONE.has(value.trim()) ? null : value.trim();
  };
  const integer = (key: string, min = 0): number | null => {
    const text = get(key);
    if (text === null) return null;
    const value = Number(text);
    if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
      throw new MetadataTypeError(`Metadata ${key} is "${clip(text)}"; kohya writes a whole number there`);
    }
    return value;
  };
  const decimal = (key: string): number | null => {
    const text = get(key);
    if (text === null) return null;
    const value = pythonNumber(text);
    if (value === null || value < 0) throw new MetadataTypeError(`Metadata ${key} is "${clip(text)}"; kohya writes a number there`);
    return value;
  };
  const learningRateList = (key: string): number | null => {
    const text = get(key);
    if (text === null) return null;
    // Several text encoders (SDXL) are written as a Python list: "[1e-05, 1e-05]"; the first is CLIP-L's.
    const first = text.startsWith("[") ? (text.slice(1, -1).split(",")[0]?.trim() ?? "") : text;
    if (first === "" && text.startsWith("[")) return null;
    const value = pythonNumber(first);
    if (value === null || value < 0) throw new MetadataTypeError(`Metadata ${key} is "${clip(text)}"; kohya writes a learning rate there`);
    return value;
  };

  const settings = emptySettings();
  settings.name = get("ss_output_name");
  settings.seed = integer("ss_seed");
  settings.epochs = integer("ss_num_epochs", 1);
  Object.assign(settings, readDatasetDirs(get("ss_dataset_dirs")));
  settings.batchSize = readBatchSize(integer, get);

  const baseRate = decimal("ss_learning_rate");
  const unetRate = decimal("ss_unet_lr");
  settings.learningRate = unetRate ?? baseRate;
  // kohya trains the text encoder at --learning_rate when --text_encoder_lr is not given.
  settings.textEncoderLearningRate = learningRateList("ss_text_encoder_lr") ?? baseRate;

  settings.networkDim = integer("ss_network_dim", 1);
  settings.networkAlpha = decimal("ss_network_alpha");

  const optimizer = get("ss_optimizer");
  if (optimizer !== null) {
    settings.optimizer = optimizerFromName(optimizer);
    if (settings.optimizer === null) settings.unmodelled.optimizer = optimizer;
    settings.optimizerArgs = readOptimizerArgs(optimizer);
  }
  const scheduler = get("ss_lr_scheduler");
  if (scheduler !== null) {
    settings.lrScheduler = schedulerFromName(scheduler);
    if (settings.lrScheduler === null) settings.unmodelled.lrScheduler = scheduler;
  }
  settings.warmupSteps = readWarmup(get("ss_lr_warmup_steps"), integer("ss_max_train_steps"));

  const family = modelFamilyFrom(get("ss_base_model_version"), get("modelspec.architecture"), get("ss_v2"));
  settings.modelFamily = family.family;
  if (family.unmodelled !== null) settings.unmodelled.modelFamily = family.unmodelled;

  return {
    settings,
    identity: {
      sessionId: get("ss_session_id"),
      trainingStartedAt: get("ss_training_started_at"),
      outputName: get("ss_output_name"),
    },
    epoch: integer("ss_epoch"),
    step: integer("ss_steps"),
    isKohya: Object.keys(metadata).some((key) => key.startsWith("ss_")),
  };
}

/** Images and repeats from `ss_dataset_dirs` (never `ss_num_train_images`, which already counts repeats). */
function readDatasetDirs(text: string | null): Pick<ImportedSettings, "images" | "repeats"> {
  if (text === null) return { images: null, repeats: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MetadataTypeError("Metadata ss_dataset_dirs is not JSON; kohya writes {folder: {n_repeats, img_count}} there");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new MetadataTypeError("Metadata ss_dataset_dirs is not an object of folders");
  }
  let images = 0;
  let shown = 0;
  for (const [folder, info] of Object.entries(parsed)) {
    const entry = (typeof info === "object" && info !== null ? info : {}) as Record<string, unknown>;
    const count = entry.img_count;
    const repeats = entry.n_repeats;
    if (!Number.isInteger(count) || (count as number) < 0 || !Number.isInteger(repeats) || (repeats as number) < 0) {
      throw new MetadataTypeError(`Metadata ss_dataset_dirs["${clip(folder)}"] needs whole-number img_count and n_repeats`);
    }
    images += count as number;
    shown += (count as number) * (repeats as number);
  }
  if (images === 0) return { images: null, repeats: null };
  // Folders with different repeats: the average repeats keeps images × repeats (steps per epoch) exact when it divides.
  return { images, repeats: Math.max(1, Math.round(shown / images)) };
}

function readBatchSize(integer: (key: string, min?: number) => number | null, get: (key: string) => string | null): number | null {
  const total = integer("ss_total_batch_size", 1);
  if (total !== null) return total;
  const accumulation = integer("ss_gradient_accumulation_steps", 1) ?? 1;
  const perDevice = integer("ss_batch_size_per_device", 1);
  if (perDevice !== null) return perDevice * accumulation;
  // With a dataset config (--dataset_config), the batch size is per dataset in ss_datasets.
  const datasets = get("ss_datasets");
  if (datasets === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(datasets);
  } catch {
    throw new MetadataTypeError("Metadata ss_datasets is not JSON");
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return null;
  const first = parsed[0] as Record<string, unknown> | null;
  const batch = first?.batch_size_per_device;
  if (!Number.isInteger(batch) || (batch as number) < 1) {
    throw new MetadataTypeError("Metadata ss_datasets[0].batch_size_per_device is not a whole number");
  }
  return (batch as number) * accumulation;
}

/** `--lr_warmup_steps` is a step count, or below 1 a ratio of the training steps (`int_or_float`). */
function readWarmup(text: string | null, maxTrainSteps: number | null): number | null {
  if (text === null) return null;
  const value = pythonNumber(text);
  if (value === null || value < 0) throw new MetadataTypeError(`Metadata ss_lr_warmup_steps is "${clip(text)}"; kohya writes steps or a ratio there`);
  if (value < 1 && value > 0) return maxTrainSteps === null ? null : Math.ceil(value * maxTrainSteps);
  return Math.round(value);
}

/** Splits `Name(key=value,key=(a, b))` into its arguments, respecting brackets. */
export function readOptimizerArgs(raw: string): Record<string, string> {
  const open = raw.indexOf("(");
  if (open === -1 || !raw.endsWith(")")) return {};
  const inner = raw.slice(open + 1, -1);
  const args = new Map<string, string>();
  let depth = 0;
  let start = 0;
  const take = (end: number) => {
    const part = inner.slice(start, end);
    const equals = part.indexOf("=");
    if (equals > 0) args.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  };
  for (let i = 0; i < inner.length; i += 1) {
    const char = inner[i];
    if (char === "(" || char === "[" || char === "{") depth += 1;
    else if (char === ")" || char === "]" || char === "}") depth -= 1;
    else if (char === "," && depth === 0) {
      take(i);
      start = i + 1;
    }
  }
  take(inner.length);
  return Object.fromEntries(args);
}

/**
 * `ss_base_model_version` (sd-scripts: "sd_v1", "sdxl_base_v1-0", "flux1"; ai-toolkit's
 * `get_base_model_version`: "sd_1.5", "sdxl_1.0", "ssd", "vega", "flux.1") or, failing
 * that, sai's `modelspec.architecture` ("stable-diffusion-xl-v1-base/lora").
 */
export function modelFamilyFrom(baseModelVersion: string | null, architecture: string | null = null, v2: string | null = null): { family: ImportModelFamily | null; unmodelled: string | null } {
  const version = baseModelVersion?.toLowerCase() ?? null;
  if (version !== null) {
    if (version.startsWith("sdxl")) return { family: "sdxl", unmodelled: null };
    if (version.startsWith("flux")) return { family: "flux", unmodelled: null };
    if (version.startsWith("sd_v1") || version.startsWith("sd_1")) return { family: "sd15", unmodelled: null };
    // ai-toolkit trains SSD-1B and Vega as SDXL (ModelConfig sets is_xl for both).
    if (version === "ssd" || version === "vega") return { family: "sdxl", unmodelled: null };
    return { family: null, unmodelled: baseModelVersion };
  }
  const arch = architecture?.toLowerCase() ?? null;
  if (arch !== null) {
    if (arch.startsWith("stable-diffusion-xl")) return { family: "sdxl", unmodelled: null };
    if (arch.startsWith("flux")) return { family: "flux", unmodelled: null };
    if (arch.startsWith("stable-diffusion-v1")) return { family: "sd15", unmodelled: null };
    return { family: null, unmodelled: architecture };
  }
  if (v2 === "True") return { family: null, unmodelled: "sd_v2" };
  if (v2 === "False") return { family: "sd15", unmodelled: null };
  return { family: null, unmodelled: null };
}

/** Python's float/int text ("1e-05", "0.0001", "16.0", "16") as a number; null if it is not one. */
export function pythonNumber(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// The one table of real training speeds behind every time and cost estimate:
// published step times of LoRA training (RESEARCH.md §7), each row with its
// source, plus the named model families and GPUs the pickers offer, editable
// default prices and the per-epoch overhead. Change a number here and every
// estimate in the app follows.

export const MODEL_FAMILIES = [
  { id: "sdxl", label: "SDXL LoRA" },
  { id: "flux-dev", label: "Flux.1-dev LoRA" },
  { id: "sd15", label: "SD 1.5 LoRA" },
] as const;

export type ModelFamilyId = (typeof MODEL_FAMILIES)[number]["id"];

/** The step-time family of a run's base model (its `modelFamily` setting): Flux's published times are Flux.1-dev's. */
export function stepTimeFamilyOf(modelFamily: "sd15" | "sdxl" | "flux"): ModelFamilyId {
  return modelFamily === "flux" ? "flux-dev" : modelFamily;
}

/**
 * GPUs with a published step time. `defaultPricePerHour` is a typical on-demand
 * rental price in US dollars (community GPU clouds, 2025) for an editable
 * default only: not a quote; users type their own price.
 */
export const GPUS = [
  { id: "rtx-3060-12gb", label: "RTX 3060 12 GB", article: "an", defaultPricePerHour: 0.15 },
  { id: "rtx-3070-ti", label: "RTX 3070 Ti", article: "an", defaultPricePerHour: 0.2 },
  { id: "rtx-3090", label: "RTX 3090", article: "an", defaultPricePerHour: 0.45 },
  { id: "rtx-3090-ti", label: "RTX 3090 Ti", article: "an", defaultPricePerHour: 0.5 },
  { id: "rtx-4060-ti-16gb", label: "RTX 4060 Ti 16 GB", article: "an", defaultPricePerHour: 0.25 },
  { id: "t4", label: "T4 (Colab)", article: "a", defaultPricePerHour: 0.35 },
  { id: "a40", label: "A40", article: "an", defaultPricePerHour: 0.45 },
  { id: "h100", label: "H100", article: "an", defaultPricePerHour: 2.5 },
] as const;

export type GpuId = (typeof GPUS)[number]["id"];

export interface StepTime {
  id: string;
  modelFamily: ModelFamilyId;
  gpu: GpuId;
  /** Training resolution in pixels (square side); null when the source does not say. */
  resolution: number | null;
  /** Batch size the speed was measured at (1 where the source does not say). */
  batch: number;
  /** Seconds per optimisation step at `batch` (the midpoint when the source gives a range). */
  secondsPerStep: number;
  /** The range the source reports, when it gives one. */
  low?: number;
  high?: number;
  /** How the source states the speed, e.g. "2.4–2.8 s/it" or "2 it/s". */
  reported: string;
  /** Where the figure comes from, as RESEARCH.md §7 cites it. */
  source: string;
  /** The thread on GitHub (an issue link also reaches a pull request of the same number). */
  sourceUrl: string;
  /** What else to know about the measurement. */
  note?: string;
}

/** it/s as trainers print it → seconds per step. */
export function secondsFromItPerSecond(itPerSecond: number): number {
  return 1 / itPerSecond;
}

/** RESEARCH.md §7, row by row. */
export const STEP_TIMES: readonly StepTime[] = [
  {
    id: "sdxl-rtx-3090",
    modelFamily: "sdxl",
    gpu: "rtx-3090",
    resolution: 1024,
    batch: 1,
    secondsPerStep: 1.23,
    reported: "1.23 s/it",
    source: "kohya_ss #1288",
    sourceUrl: "https://github.com/bmaltais/kohya_ss/issues/1288",
  },
  {
    id: "sdxl-rtx-3090-ti",
    modelFamily: "sdxl",
    gpu: "rtx-3090-ti",
    resolution: 1024,
    batch: 1,
    secondsPerStep: 1.12,
    reported: "1.12 s/it",
    source: "sd-scripts #827",
    sourceUrl: "https://github.com/kohya-ss/sd-scripts/issues/827",
  },
  {
    id: "sdxl-rtx-3060-12gb",
    modelFamily: "sdxl",
    gpu: "rtx-3060-12gb",
    resolution: 1024,
    batch: 1,
    secondsPerStep: 2.6,
    low: 2.4,
    high: 2.8,
    reported: "2.4–2.8 s/it",
    source: "kohya_ss #1288",
    sourceUrl: "https://github.com/bmaltais/kohya_ss/issues/1288",
  },
  {
    id: "sdxl-t4",
    modelFamily: "sdxl",
    gpu: "t4",
    resolution: null,
    batch: 1,
    secondsPerStep: 10.8,
    reported: "≈ 10.8 s/it",
    source: "diffusers PR #4470",
    sourceUrl: "https://github.com/huggingface/diffusers/pull/4470",
    note: "DreamBooth-LoRA script on Colab; batch not stated, read as 1.",
  },
  {
    id: "flux-dev-h100",
    modelFamily: "flux-dev",
    gpu: "h100",
    resolution: null,
    batch: 1,
    secondsPerStep: secondsFromItPerSecond(2),
    reported: "2 it/s",
    source: "SimpleTuner PR #1033",
    sourceUrl: "https://github.com/bghira/SimpleTuner/pull/1033",
    note: "LoRA rank 16; batch not stated, read as 1.",
  },
  {
    id: "flux-dev-a40-batch-1",
    modelFamily: "flux-dev",
    gpu: "a40",
    resolution: null,
    batch: 1,
    secondsPerStep: 6.5,
    reported: "6.5 s/it",
    source: "ai-toolkit #145",
    sourceUrl: "https://github.com/ostris/ai-toolkit/issues/145",
  },
  {
    id: "flux-dev-a40-batch-4",
    modelFamily: "flux-dev",
    gpu: "a40",
    resolution: null,
    batch: 4,
    secondsPerStep: 22,
    reported: "22 s/it at batch 4",
    source: "ai-toolkit #145",
    sourceUrl: "https://github.com/ostris/ai-toolkit/issues/145",
  },
  {
    id: "flux-dev-rtx-4060-ti-16gb",
    modelFamily: "flux-dev",
    gpu: "rtx-4060-ti-16gb",
    resolution: 512,
    batch: 1,
    secondsPerStep: 3,
    reported: "≈ 3 s/it",
    source: "sd-scripts #1445",
    sourceUrl: "https://github.com/kohya-ss/sd-scripts/issues/1445",
  },
  {
    id: "sd15-rtx-3070-ti",
    modelFamily: "sd15",
    gpu: "rtx-3070-ti",
    resolution: 512,
    batch: 1,
    secondsPerStep: secondsFromItPerSecond(3),
    reported: "≈ 3 it/s",
    source: "sd-scripts #326",
    sourceUrl: "https://github.com/kohya-ss/sd-scripts/issues/326",
  },
];

/** The pickers start here: the article's example run on the most common card in the table. */
export const DEFAULT_STEP_TIME_ID = "sdxl-rtx-3090";

/**
 * Images per second grow by this factor each time the batch doubles
 * (RESEARCH.md §7: "a batch of 2 processes about 1.25× as many images per
 * second as batch 1, not 2×").
 */
export const BATCH_DOUBLING_SPEEDUP = 1.25;

/** Saving one LoRA checkpoint (a few hundred MB of safetensors at most) takes a few seconds. */
export const CHECKPOINT_SAVE_SECONDS = 5;

/** Preview images kohya-style trainers render after each epoch unless told otherwise (e.g. 4 sample prompts). */
export const DEFAULT_SAMPLES_PER_EPOCH = 4;

/** Denoising steps per preview image: the usual sampler setting for previews. */
export const SAMPLE_DENOISING_STEPS = 20;

/**
 * A denoising step costs about a third of a training step: it is a forward
 * pass only, where training adds the backward pass (≈ 2× the forward).
 */
export const INFERENCE_STEP_SHARE = 1 / 3;

export function getStepTime(id: string): StepTime {
  const row = STEP_TIMES.find((candidate) => candidate.id === id);
  if (!row) throw new Error(`Unknown step time: ${id}`);
  return row;
}

export function familyLabel(id: ModelFamilyId): string {
  return MODEL_FAMILIES.find((family) => family.id === id)?.label ?? id;
}

export function gpuLabel(id: GpuId): string {
  return GPUS.find((gpu) => gpu.id === id)?.label ?? id;
}

/** "an RTX 3090", "a T4 (Colab)": the GPU as a sentence names it. */
export function gpuWithArticle(id: GpuId): string {
  const gpu = GPUS.find((candidate) => candidate.id === id);
  return gpu ? `${gpu.article} ${gpu.label}` : id;
}

export function defaultPricePerHour(id: GpuId): number {
  return GPUS.find((gpu) => gpu.id === id)?.defaultPricePerHour ?? 0;
}

/** GPUs with at least one measured row for the family, in the order of GPUS. */
export function gpusForFamily(family: ModelFamilyId): (typeof GPUS)[number][] {
  return GPUS.filter((gpu) => STEP_TIMES.some((row) => row.modelFamily === family && row.gpu === gpu.id));
}

/**
 * The row to estimate from for a family, GPU and batch: the measurement whose
 * batch is closest to the one asked (the lower on ties), so a measured batch-4
 * speed beats one scaled up from batch 1. Null if the pair was never measured.
 */
export function findStepTime(family: ModelFamilyId, gpu: GpuId, batchSize = 1): StepTime | null {
  const rows = STEP_TIMES.filter((row) => row.modelFamily === family && row.gpu === gpu);
  if (rows.length === 0) return null;
  return rows.reduce((best, row) => {
    const distance = Math.abs(Math.log2(row.batch / batchSize));
    const bestDistance = Math.abs(Math.log2(best.batch / batchSize));
    return distance < bestDistance || (distance === bestDistance && row.batch < best.batch) ? row : best;
  });
}

import type { Settings } from "./settings";

/** kohya `optimizer_type` values the simulator models. */
export const OPTIMIZERS = ["adamw", "adamw8bit", "prodigy", "adafactor", "lion"] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

/** Learning-rate schedules over the whole run (kohya `lr_scheduler`). */
export const LR_SCHEDULERS = ["constant", "constant_with_warmup", "cosine", "cosine_with_restarts", "linear"] as const;
export type LrScheduler = (typeof LR_SCHEDULERS)[number];

/** Base models: SD 1.5, SDXL and FLUX.1 [dev]. */
export const MODEL_FAMILIES = ["sd15", "sdxl", "flux"] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

/** How trainers write each optimizer's name. */
export const OPTIMIZER_LABELS: Record<Optimizer, string> = {
  adamw: "AdamW",
  adamw8bit: "AdamW8bit",
  prodigy: "Prodigy",
  adafactor: "Adafactor",
  lion: "Lion",
};

export const LR_SCHEDULER_LABELS: Record<LrScheduler, string> = {
  constant: "constant",
  constant_with_warmup: "constant with warm-up",
  cosine: "cosine",
  cosine_with_restarts: "cosine with restarts",
  linear: "linear",
};

export const MODEL_FAMILY_LABELS: Record<ModelFamily, string> = {
  sd15: "SD 1.5",
  sdxl: "SDXL",
  flux: "FLUX.1",
};

export type Verdict = "underfit" | "balanced" | "overfit";

export const VERDICTS: readonly Verdict[] = ["underfit", "balanced", "overfit"];

/** One saved LoRA: the state of the run at the end of an epoch. */
export interface Checkpoint {
  /** 1-based epoch number. */
  epoch: number;
  /** Cumulative optimisation steps at the end of this epoch. */
  step: number;
  /** Training loss averaged over the epoch (noise-prediction MSE). */
  trainLoss: number;
  /** Loss on held-out images and prompts: falls, then rises once the model overfits. */
  validationLoss: number;
  /** 0–1: how closely outputs reproduce the trained subject or style. */
  fidelity: number;
  /** 0–1: how well outputs follow new prompts and vary. */
  flexibility: number;
  /** 0–1: how well caption words (pose, clothing, style) control the output. */
  captionAdherence: number;
  /** 0–1: how far the checkpoint has memorised its training images. */
  overfitRisk: number;
  /** 0–1: the overall usefulness the recommendation maximises. */
  quality: number;
  verdict: Verdict;
}

export interface LossPoint {
  step: number;
  loss: number;
}

export interface SimulationResult {
  settings: Settings;
  stepsPerEpoch: number;
  totalSteps: number;
  checkpoints: Checkpoint[];
  /** The epoch with the highest quality (the earliest on ties). */
  recommendedEpoch: number;
  /** Per-step training loss, downsampled to at most ~500 points. */
  lossCurve: LossPoint[];
}

/**
 * How batch size trades against learning rate. "linear" is the article's rule
 * (batch 2 needs 2× the LR); "sqrt" is what measurements with Adam favour
 * (batch 2 needs √2× the LR).
 */
export type BatchRule = "linear" | "sqrt";

export interface SimulateOptions {
  /** Compute the downsampled loss curve (default true). */
  lossCurve?: boolean;
  batchRule?: BatchRule;
  /**
   * Multiplier on how fast training moves (the dose every step adds), 1 by
   * default: the model as documented. A team calibration (lib/sim/team-calibration)
   * fits it to the epochs a team picked in its own imported runs: 1.5 reaches
   * the optimum in two thirds of the steps, 0.5 needs twice as many. It changes
   * only the dose, never the stability of the learning rate.
   */
  learningSpeed?: number;
}

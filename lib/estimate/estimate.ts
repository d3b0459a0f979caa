// How long a run would take on real hardware and what it would cost: step
// counts from lib/sim (kohya's convention) × a published step time, adjusted
// for batch size, plus a per-epoch overhead for saving and sampling. Pure.
import { countSteps, SETTINGS_LIMITS, type Settings } from "@/lib/sim";
import { BATCH_DOUBLING_SPEEDUP, CHECKPOINT_SAVE_SECONDS, DEFAULT_SAMPLES_PER_EPOCH, getStepTime, INFERENCE_STEP_SHARE, SAMPLE_DENOISING_STEPS, type StepTime } from "./step-times";

/** The settings that decide how long a run takes. */
export type TrainingShape = Pick<Settings, "images" | "repeats" | "epochs" | "batchSize">;

export interface EstimateParams {
  settings: TrainingShape;
  /** An id of STEP_TIMES. */
  stepTimeId: string;
  /** Price of the GPU per hour, in dollars (≥ 0). */
  pricePerHour: number;
  /** Preview images rendered after each epoch (default DEFAULT_SAMPLES_PER_EPOCH). */
  samplesPerEpoch?: number;
}

export interface EpochEstimate {
  epoch: number;
  /** Cumulative steps at the end of the epoch. */
  step: number;
  /** Seconds from the start to the end of this epoch, its saving and sampling included. */
  cumulativeSeconds: number;
  cumulativeCost: number;
}

export interface RunEstimate {
  stepTime: StepTime;
  stepsPerEpoch: number;
  totalSteps: number;
  /** Seconds per step at the run's batch size. */
  secondsPerStep: number;
  trainingSeconds: number;
  /** Saving a checkpoint and rendering the previews, per epoch. */
  overheadPerEpochSeconds: number;
  overheadSeconds: number;
  totalSeconds: number;
  pricePerHour: number;
  cost: number;
  /** Total seconds at the low and high ends of the source's range, when it gives one. */
  range: { lowSeconds: number; highSeconds: number } | null;
  perEpoch: EpochEstimate[];
}

/** Exponent of the batch rule: images/s ∝ batch^BATCH_THROUGHPUT_EXPONENT (log2 1.25 ≈ 0.32). */
export const BATCH_THROUGHPUT_EXPONENT = Math.log2(BATCH_DOUBLING_SPEEDUP);

/**
 * Seconds per step at another batch size than the one measured. Images per
 * second grow as batch^log2(1.25): ×1.25 per doubling, so a step of batch 2
 * takes 2 / 1.25 = 1.6× as long as a step of batch 1.
 * @example secondsPerStepAt(getStepTime("sdxl-rtx-3090"), 2) // → 1.968 (1.23 × 1.6)
 */
export function secondsPerStepAt(stepTime: StepTime, batchSize: number): number {
  const ratio = batchSize / stepTime.batch;
  return stepTime.secondsPerStep * ratio ** (1 - BATCH_THROUGHPUT_EXPONENT);
}

/** Seconds to save one checkpoint and render `samples` preview images (the sampler runs one image at a time). */
export function overheadPerEpoch(stepTime: StepTime, samples: number): number {
  const denoisingStep = secondsPerStepAt(stepTime, 1) * INFERENCE_STEP_SHARE;
  return CHECKPOINT_SAVE_SECONDS + samples * SAMPLE_DENOISING_STEPS * denoisingStep;
}

/**
 * Time and cost of a run on a GPU of the step-time table: training (steps ×
 * seconds per step at the run's batch) plus, per epoch, saving and sampling.
 * @example estimateRun({ settings: { images: 10, repeats: 20, epochs: 10, batchSize: 1 }, stepTimeId: "sdxl-rtx-3090", pricePerHour: 0.45 })
 *   // → 2,000 steps × 1.23 s = 2,460 s of training (41 min) + 10 × 37.8 s of saving and sampling
 */
export function estimateRun(params: EstimateParams): RunEstimate {
  const { settings, pricePerHour } = params;
  const samples = params.samplesPerEpoch ?? DEFAULT_SAMPLES_PER_EPOCH;
  checkShape(settings);
  if (!Number.isFinite(pricePerHour) || pricePerHour < 0) throw new RangeError("pricePerHour must be a number ≥ 0");
  if (!Number.isInteger(samples) || samples < 0) throw new RangeError("samplesPerEpoch must be a whole number ≥ 0");

  const stepTime = getStepTime(params.stepTimeId);
  const { stepsPerEpoch, totalSteps } = countSteps(settings);
  const secondsPerStep = secondsPerStepAt(stepTime, settings.batchSize);
  const epochSeconds = stepsPerEpoch * secondsPerStep;
  const overheadPerEpochSeconds = overheadPerEpoch(stepTime, samples);
  const trainingSeconds = totalSteps * secondsPerStep;
  const overheadSeconds = settings.epochs * overheadPerEpochSeconds;
  const totalSeconds = trainingSeconds + overheadSeconds;
  const costOf = (seconds: number) => (seconds / 3600) * pricePerHour;

  const perEpoch: EpochEstimate[] = [];
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const cumulativeSeconds = epoch * (epochSeconds + overheadPerEpochSeconds);
    perEpoch.push({ epoch, step: epoch * stepsPerEpoch, cumulativeSeconds, cumulativeCost: costOf(cumulativeSeconds) });
  }

  const rangeAt = (secondsAtMeasuredBatch: number) => {
    const scaled = { ...stepTime, secondsPerStep: secondsAtMeasuredBatch };
    return totalSteps * secondsPerStepAt(scaled, settings.batchSize) + settings.epochs * overheadPerEpoch(scaled, samples);
  };
  const range = stepTime.low !== undefined && stepTime.high !== undefined ? { lowSeconds: rangeAt(stepTime.low), highSeconds: rangeAt(stepTime.high) } : null;

  return {
    stepTime,
    stepsPerEpoch,
    totalSteps,
    secondsPerStep,
    trainingSeconds,
    overheadPerEpochSeconds,
    overheadSeconds,
    totalSeconds,
    pricePerHour,
    cost: costOf(totalSeconds),
    range,
    perEpoch,
  };
}

function checkShape(settings: TrainingShape) {
  for (const key of ["images", "repeats", "epochs", "batchSize"] as const) {
    const value = settings[key];
    const { min, max } = SETTINGS_LIMITS[key];
    if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${key} must be a whole number from ${min} to ${max}`);
  }
}

export interface EstimateComparison {
  stepsDelta: number;
  secondsDelta: number;
  costDelta: number;
  /** variant time / base time (0.8 = 20% faster). */
  timeRatio: number;
  direction: "faster" | "slower" | "same";
}

/** How a variant's estimate differs from the base one (same GPU and price assumed by the caller). */
export function compareEstimates(base: RunEstimate, variant: RunEstimate): EstimateComparison {
  const secondsDelta = variant.totalSeconds - base.totalSeconds;
  // Below half a second the two are the same run for anyone reading minutes.
  const direction = Math.abs(secondsDelta) < 0.5 ? "same" : secondsDelta < 0 ? "faster" : "slower";
  return {
    stepsDelta: variant.totalSteps - base.totalSteps,
    secondsDelta,
    costDelta: variant.cost - base.cost,
    timeRatio: base.totalSeconds === 0 ? 1 : variant.totalSeconds / base.totalSeconds,
    direction,
  };
}

export interface WhatIf {
  id: "batch" | "more-epochs" | "fewer-epochs" | "fewer-repeats";
  label: string;
  settings: TrainingShape;
}

/** Epochs added or removed, and repeats removed, by the "what if" variants. */
export const WHAT_IF_EPOCHS = 2;
export const WHAT_IF_REPEATS = 5;

/**
 * The usual "what if" changes to a run, each within SETTINGS_LIMITS: double
 * the batch (or halve it at the maximum), ±2 epochs, 5 fewer repeats.
 * Changes that would leave the limits are left out.
 */
export function whatIfs(settings: TrainingShape): WhatIf[] {
  const list: WhatIf[] = [];
  const { batchSize, epochs, repeats } = settings;
  const batch = batchSize * 2 <= SETTINGS_LIMITS.batchSize.max ? batchSize * 2 : Math.floor(batchSize / 2);
  if (batch >= SETTINGS_LIMITS.batchSize.min && batch !== batchSize) {
    list.push({ id: "batch", label: `Batch ${batch} instead of ${batchSize}`, settings: { ...settings, batchSize: batch } });
  }
  if (epochs + WHAT_IF_EPOCHS <= SETTINGS_LIMITS.epochs.max) {
    list.push({ id: "more-epochs", label: `${WHAT_IF_EPOCHS} more epochs (${epochs + WHAT_IF_EPOCHS})`, settings: { ...settings, epochs: epochs + WHAT_IF_EPOCHS } });
  }
  if (epochs - WHAT_IF_EPOCHS >= SETTINGS_LIMITS.epochs.min) {
    list.push({ id: "fewer-epochs", label: `${WHAT_IF_EPOCHS} fewer epochs (${epochs - WHAT_IF_EPOCHS})`, settings: { ...settings, epochs: epochs - WHAT_IF_EPOCHS } });
  }
  if (repeats - WHAT_IF_REPEATS >= SETTINGS_LIMITS.repeats.min) {
    list.push({ id: "fewer-repeats", label: `${WHAT_IF_REPEATS} fewer repeats (${repeats - WHAT_IF_REPEATS})`, settings: { ...settings, repeats: repeats - WHAT_IF_REPEATS } });
  }
  return list;
}

/**
 * A duration as people say it: "45 s", "41 min", "3 h 12 min", "2 d 5 h".
 * @example formatDuration(2460) // → "41 min"
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "—";
  if (seconds < 59.5) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? `${days} d` : `${days} d ${restHours} h`;
}

/** A signed duration for deltas: "+8 min", "−8 min", "±0 s" (typographic minus). */
export function formatDurationDelta(seconds: number): string {
  const text = formatDuration(Math.abs(seconds));
  if (text === "0 s") return "±0 s";
  return `${seconds < 0 ? "−" : "+"}${text}`;
}

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wholeDollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** Dollars: "$0.50", "$12.30", "$1,234"; amounts under a cent read "< $0.01". */
export function formatCost(amount: number): string {
  if (!Number.isFinite(amount)) return "—";
  if (amount === 0) return "$0.00";
  if (Math.abs(amount) < 0.005) return "< $0.01";
  return Math.abs(amount) >= 1000 ? wholeDollars.format(amount) : dollars.format(amount);
}

/** A signed cost for deltas: "+$0.12", "−$0.12", "±$0.00". */
export function formatCostDelta(amount: number): string {
  if (Math.abs(amount) < 0.005) return "±$0.00";
  return `${amount < 0 ? "−" : "+"}${formatCost(Math.abs(amount))}`;
}

/** Two significant digits, as a rough speed is read: "1.2 s/step", or "3 steps/s" when a step takes under a second. */
export function formatStepTime(secondsPerStep: number): string {
  if (secondsPerStep < 1) return `${Number((1 / secondsPerStep).toPrecision(2))} steps/s`;
  return `${Number(secondsPerStep.toPrecision(2))} s/step`;
}

// Early stopping replayed on a finished run: where a patience rule would have
// stopped training, which checkpoint it would have kept, and what it saves.
// Also the overfit onset and the best-versus-last summary. Pure.
import type { Checkpoint } from "@/lib/sim";

type LossCheckpoint = Pick<Checkpoint, "epoch" | "step" | "validationLoss">;

export interface ReplayOptions {
  /** Stop after this many epochs in a row without a better validation loss (a whole number ≥ 1). */
  patience: number;
  /** An epoch counts as better only if it beats the best so far by more than this (absolute loss; default 0). */
  minDelta?: number;
}

export interface ReplayResult {
  patience: number;
  /** The epoch after which training would have stopped (the last epoch if it never stops). */
  stoppedAtEpoch: number;
  /** The checkpoint kept: the lowest validation loss among epochs 1..stoppedAtEpoch (earliest on ties). */
  keptEpoch: number;
  /** Epochs and steps never trained because of the stop. */
  epochsSaved: number;
  stepsSaved: number;
  stoppedEarly: boolean;
}

/** Patience values the replay controls offer. */
export const REPLAY_PATIENCE = { min: 1, max: 5, default: 2 } as const;

/**
 * Replays early stopping on validation loss, as Keras's EarlyStopping or a
 * trainer's patience option would have run it: after each epoch, a loss lower
 * than the best so far by more than `minDelta` resets the count; otherwise it
 * grows, and training stops once it reaches `patience`.
 * @example replayEarlyStopping(checkpoints, { patience: 2 }) // → { stoppedAtEpoch: 8, keptEpoch: 6, epochsSaved: 2, … }
 */
export function replayEarlyStopping(checkpoints: readonly LossCheckpoint[], options: ReplayOptions): ReplayResult {
  const { patience, minDelta = 0 } = options;
  if (!Number.isInteger(patience) || patience < 1) throw new RangeError("patience must be a whole number ≥ 1");
  if (!Number.isFinite(minDelta) || minDelta < 0) throw new RangeError("minDelta must be a number ≥ 0");
  if (checkpoints.length === 0) throw new RangeError("a run needs at least one checkpoint");
  const ordered = [...checkpoints].sort((a, b) => a.epoch - b.epoch);

  let best = Infinity;
  let waited = 0;
  let stopIndex = ordered.length - 1;
  for (let i = 0; i < ordered.length; i++) {
    if (ordered[i].validationLoss < best - minDelta) {
      best = ordered[i].validationLoss;
      waited = 0;
    } else if (++waited >= patience) {
      stopIndex = i;
      break;
    }
  }

  let kept = ordered[0];
  for (let i = 1; i <= stopIndex; i++) if (ordered[i].validationLoss < kept.validationLoss) kept = ordered[i];
  const stopped = ordered[stopIndex];
  const last = ordered[ordered.length - 1];
  return {
    patience,
    stoppedAtEpoch: stopped.epoch,
    keptEpoch: kept.epoch,
    epochsSaved: last.epoch - stopped.epoch,
    stepsSaved: last.step - stopped.step,
    stoppedEarly: stopped.epoch < last.epoch,
  };
}

/** The replay at every patience from 1 to `maxPatience`, for a table or a slider. */
export function replayByPatience(checkpoints: readonly LossCheckpoint[], maxPatience: number = REPLAY_PATIENCE.max, minDelta = 0): ReplayResult[] {
  return Array.from({ length: maxPatience }, (_, i) => replayEarlyStopping(checkpoints, { patience: i + 1, minDelta }));
}

/**
 * A rise of validation loss counts only above this relative change from the
 * previous epoch (0.05%): about a third of the simulator's per-epoch
 * validation noise, so that the "stays above its minimum" rule, not this
 * threshold, separates overfitting from noise.
 */
export const OVERFIT_RISE_EPSILON = 0.0005;

/** Epochs of training loss, from the one before the rise, whose trend must be falling. */
export const OVERFIT_TRAIN_TREND_EPOCHS = 4;

/**
 * The overfit onset: the first epoch where validation loss rises (by more than
 * OVERFIT_RISE_EPSILON relative to the previous epoch) and never comes back
 * down to its minimum before that epoch, while training loss keeps falling
 * (least-squares slope over the previous epoch and up to three after it is
 * negative). Null when the run never turns.
 * @example overfitOnsetEpoch(run.checkpoints) // → 7 (validation loss lowest at 6, rising from 7 on)
 */
export function overfitOnsetEpoch(checkpoints: readonly Pick<Checkpoint, "epoch" | "trainLoss" | "validationLoss">[]): number | null {
  const ordered = [...checkpoints].sort((a, b) => a.epoch - b.epoch);
  let minimumBefore = ordered.length > 0 ? ordered[0].validationLoss : Infinity;
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1].validationLoss;
    const rises = ordered[i].validationLoss > previous * (1 + OVERFIT_RISE_EPSILON);
    const staysUp = rises && ordered.slice(i).every((checkpoint) => checkpoint.validationLoss > minimumBefore);
    if (staysUp) {
      const window = ordered.slice(i - 1, i - 1 + OVERFIT_TRAIN_TREND_EPOCHS);
      if (slope(window.map((checkpoint) => [checkpoint.epoch, checkpoint.trainLoss])) < 0) return ordered[i].epoch;
    }
    minimumBefore = Math.min(minimumBefore, ordered[i].validationLoss);
  }
  return null;
}

/** Least-squares slope of y over x (0 for fewer than two points). */
function slope(points: [number, number][]): number {
  if (points.length < 2) return 0;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

/** A best-versus-last quality gap at least this big (2 points of 100) is worth flagging; below it the last epoch is as good. */
export const QUALITY_GAP_NOTABLE = 0.02;

export interface BestVersusLastSummary {
  recommendedEpoch: number;
  pickedEpoch: number | null;
  lowestValidationEpoch: number;
  lastEpoch: number;
  /** Quality of the recommended epoch minus quality of the last: what keeping the last epoch costs (≥ 0). */
  qualityGap: number;
}

/**
 * The four epochs a run row or dashboard shows, and the best-versus-last
 * quality gap, from a run with its checkpoints.
 * @example bestVersusLast(run) // → { recommendedEpoch: 8, pickedEpoch: 8, lowestValidationEpoch: 9, lastEpoch: 10, qualityGap: 0.014 }
 */
export function bestVersusLast(run: { checkpoints: readonly Pick<Checkpoint, "epoch" | "validationLoss" | "quality">[]; recommendedEpoch: number; pickedEpoch: number | null }): BestVersusLastSummary {
  if (run.checkpoints.length === 0) throw new RangeError("a run needs at least one checkpoint");
  const ordered = [...run.checkpoints].sort((a, b) => a.epoch - b.epoch);
  const last = ordered[ordered.length - 1];
  const recommended = ordered.find((checkpoint) => checkpoint.epoch === run.recommendedEpoch) ?? last;
  const lowest = ordered.reduce((low, checkpoint) => (checkpoint.validationLoss < low.validationLoss ? checkpoint : low));
  return {
    recommendedEpoch: run.recommendedEpoch,
    pickedEpoch: run.pickedEpoch,
    lowestValidationEpoch: lowest.epoch,
    lastEpoch: last.epoch,
    qualityGap: recommended.quality - last.quality,
  };
}

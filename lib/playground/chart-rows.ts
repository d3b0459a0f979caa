// Chart shaping for the playground: plain rows for the shared line chart, with
// the ghost (previous settings) merged in on the same x axis.
import type { SimulationResult } from "@/lib/sim";

export type Row = Record<string, number | null>;

/**
 * Per-epoch scores of a run and, when given, its ghost's quality and risk.
 * Rows run to the longer of the two runs; a missing value is null.
 */
export function epochRows(result: SimulationResult, ghost: SimulationResult | null): Row[] {
  const epochs = Math.max(result.checkpoints.length, ghost?.checkpoints.length ?? 0);
  return Array.from({ length: epochs }, (_, i) => {
    const c = result.checkpoints[i];
    const g = ghost?.checkpoints[i];
    return {
      epoch: i + 1,
      quality: c?.quality ?? null,
      fidelity: c?.fidelity ?? null,
      flexibility: c?.flexibility ?? null,
      overfitRisk: c?.overfitRisk ?? null,
      ghostQuality: g?.quality ?? null,
      ghostOverfitRisk: g?.overfitRisk ?? null,
    };
  });
}

/** Share of a new point in the smoothed training loss (an exponential moving average, as TensorBoard draws it). */
export const LOSS_SMOOTHING = 0.08;

/**
 * Exponential moving average, debiased at the start so the first points are not pulled towards 0.
 * @example smooth([1, 1, 1], 0.5) // → [1, 1, 1]
 */
export function smooth(values: readonly number[], alpha = LOSS_SMOOTHING): number[] {
  let average = 0;
  let weight = 0;
  return values.map((value) => {
    average = (1 - alpha) * average + alpha * value;
    weight = (1 - alpha) * weight + alpha;
    return average / weight;
  });
}

/**
 * The training-loss curve by step (raw and smoothed), the validation loss at
 * each epoch's last step, and the ghost's smoothed training loss, merged on
 * one sorted step axis. `alpha` is the share of a new point in the smoothed
 * line (1 − TensorBoard's smoothing weight).
 */
export function stepRows(result: SimulationResult, ghost: SimulationResult | null, alpha = LOSS_SMOOTHING): Row[] {
  const rows = new Map<number, Row>();
  const at = (step: number) => {
    let row = rows.get(step);
    if (!row) {
      row = { step, trainLoss: null, smoothLoss: null, validationLoss: null, ghostSmoothLoss: null };
      rows.set(step, row);
    }
    return row;
  };
  const smoothed = smooth(
    result.lossCurve.map((point) => point.loss),
    alpha,
  );
  result.lossCurve.forEach((point, i) => {
    const row = at(point.step);
    row.trainLoss = point.loss;
    row.smoothLoss = smoothed[i];
  });
  for (const checkpoint of result.checkpoints) at(checkpoint.step).validationLoss = checkpoint.validationLoss;
  if (ghost) {
    const ghostSmoothed = smooth(
      ghost.lossCurve.map((point) => point.loss),
      alpha,
    );
    ghost.lossCurve.forEach((point, i) => {
      at(point.step).ghostSmoothLoss = ghostSmoothed[i];
    });
  }
  return [...rows.values()].sort((a, b) => (a.step as number) - (b.step as number));
}

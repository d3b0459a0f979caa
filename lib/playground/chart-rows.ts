// Chart shaping for the playground: plain rows for the shared line chart, with
// the ghost (previous settings) merged in on the same x axis.
import { stepToAxis, type XAxisKind } from "@/lib/charts/smoothing";
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
 * The training-loss curve (raw and smoothed), the validation loss at each
 * epoch's last step, and the ghost's smoothed training loss, merged on one
 * sorted x axis: steps, epochs or images seen, each run placed by its own
 * batch size and dataset (a ghost with another batch size ends at its own
 * epoch count, not at its steps read with the current settings). `alpha` is
 * the share of a new point in the smoothed line (1 − TensorBoard's smoothing
 * weight). `step` is the current run's step (null on a row only the ghost has,
 * off the steps axis).
 */
export function stepRows(result: SimulationResult, ghost: SimulationResult | null, alpha = LOSS_SMOOTHING, kind: XAxisKind = "steps"): Row[] {
  const rows = new Map<number, Row>();
  const at = (step: number, run: SimulationResult) => {
    const x = Number(stepToAxis(step, kind, run.settings).toPrecision(10));
    let row = rows.get(x);
    if (!row) {
      row = { x, step: kind === "steps" ? x : null, trainLoss: null, smoothLoss: null, validationLoss: null, ghostSmoothLoss: null };
      rows.set(x, row);
    }
    return row;
  };
  const smoothed = smooth(
    result.lossCurve.map((point) => point.loss),
    alpha,
  );
  result.lossCurve.forEach((point, i) => {
    const row = at(point.step, result);
    row.step = point.step;
    row.trainLoss = point.loss;
    row.smoothLoss = smoothed[i];
  });
  for (const checkpoint of result.checkpoints) {
    const row = at(checkpoint.step, result);
    row.step = checkpoint.step;
    row.validationLoss = checkpoint.validationLoss;
  }
  if (ghost) {
    const ghostSmoothed = smooth(
      ghost.lossCurve.map((point) => point.loss),
      alpha,
    );
    ghost.lossCurve.forEach((point, i) => {
      at(point.step, ghost).ghostSmoothLoss = ghostSmoothed[i];
    });
  }
  return [...rows.values()].sort((a, b) => (a.x as number) - (b.x as number));
}

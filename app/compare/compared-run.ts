// A run as the compare page holds it, and how its curves are drawn: a
// simulated run from its stored checkpoints, an imported (real) run from what
// its trainer measured.
import type { OverlayMetricKey } from "@/lib/compare/metrics";
import type { ImportedRunDetail, RunDetail } from "@/lib/server/runs";
import type { LossOverlayRun, MixedOverlayRun } from "./mixed-runs";

export const SERIES_COLORS = ["var(--series-1)", "var(--series-2)", "var(--series-3)", "var(--series-4)", "var(--series-5)", "var(--series-6)"];

/** A compared run: its stored summary and checkpoints, and for an imported run what its trainer measured. */
export interface ComparedRun {
  run: RunDetail;
  /** Null for a simulated run. */
  real: ImportedRunDetail | null;
}

/** A real run's step at the end of an epoch: from its files, else from the settings its files gave. */
function realStep(real: ImportedRunDetail, checkpoint: ImportedRunDetail["checkpoints"][number]): number {
  return checkpoint.step ?? checkpoint.epoch * real.stepsPerEpoch;
}

/** The metric chart's curve of a run: a simulated run's checkpoints, or what a real run measured (only validation loss can be). */
export function overlayRunOf({ run, real }: ComparedRun, metric: OverlayMetricKey): MixedOverlayRun {
  if (!real) return { points: run.checkpoints.map((c) => ({ epoch: c.epoch, step: c.step, value: c[metric] })), ringEpoch: run.recommendedEpoch };
  return {
    points: real.checkpoints.map((c) => ({ epoch: c.epoch, step: realStep(real, c), value: metric === "validationLoss" ? c.validationLoss : null })),
    ringEpoch: null,
  };
}

/** The loss chart's curve of a run: the simulated per-step training loss, or a real run's measured epoch averages. */
export function lossRunOf({ run, real }: ComparedRun): LossOverlayRun {
  if (!real) {
    return {
      name: run.name,
      kind: "simulated",
      stepsPerEpoch: run.stepsPerEpoch,
      geometry: { images: run.images, repeats: run.repeats, batchSize: run.batchSize },
      points: run.lossCurve.map((point) => ({ step: point.step, loss: point.loss })),
    };
  }
  const read = new Set<string>(real.importInfo.read);
  return {
    name: run.name,
    kind: "measured",
    stepsPerEpoch: run.stepsPerEpoch,
    geometry: read.has("images") && read.has("repeats") ? { images: run.images, repeats: run.repeats, batchSize: run.batchSize } : null,
    points: real.checkpoints.flatMap((c) => (c.trainLoss === null ? [] : [{ step: realStep(real, c), loss: c.trainLoss, epoch: c.epoch }])),
  };
}

// Chart shaping for a lesson: one series per variant of the chosen metric, by epoch or by step.
import { METRICS } from "@/lib/sim";
import type { LessonMetric, LessonRun } from "./types";

/** The lessons' metrics in the order their toggles list them, labelled by the metric registry. */
export const METRIC_LABELS: Record<LessonMetric, string> = {
  quality: METRICS.quality.label,
  overfitRisk: METRICS.overfitRisk.label,
  fidelity: METRICS.fidelity.label,
  flexibility: METRICS.flexibility.label,
  captionAdherence: METRICS.captionAdherence.label,
  validationLoss: METRICS.validationLoss.label,
};

export const LESSON_METRICS = Object.keys(METRIC_LABELS) as LessonMetric[];

export type LessonRow = Record<string, number | null>;

/**
 * Rows for the shared line chart: x is the epoch (or the step a checkpoint was
 * saved at) and each variant's value sits under its id; null where a run has no
 * checkpoint at that x.
 */
export function lessonRows(runs: LessonRun[], metric: LessonMetric, xAxis: "epoch" | "step"): LessonRow[] {
  const rows = new Map<number, LessonRow>();
  for (const run of runs) {
    for (const checkpoint of run.result.checkpoints) {
      const x = xAxis === "epoch" ? checkpoint.epoch : checkpoint.step;
      let row = rows.get(x);
      if (!row) {
        row = { [xAxis]: x };
        for (const other of runs) row[other.variant.id] = null;
        rows.set(x, row);
      }
      row[run.variant.id] = checkpoint[metric];
    }
  }
  return [...rows.values()].sort((a, b) => (a[xAxis] as number) - (b[xAxis] as number));
}

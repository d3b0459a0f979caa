// Chart shaping for a lesson: one series per variant of the chosen metric, by epoch or by step.
import { METRICS } from "@/lib/sim";
import type { LessonColumn, LessonMetric, LessonRun } from "./types";

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

export interface LessonTable {
  columns: { key: LessonColumn; label: string }[];
  rows: { id: string; label: string; lastVerdict: string; cells: Record<LessonColumn, string> }[];
}

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * The lesson's runs in numbers, formatted exactly as the learner reads them
 * (the lesson page renders these strings; the claims test reads them too).
 */
export function lessonTable(runs: LessonRun[], metric: LessonMetric): LessonTable {
  const ownMetric = metric !== "quality" && metric !== "overfitRisk";
  const columns: LessonTable["columns"] = [
    { key: "steps", label: "Steps" },
    { key: "bestEpoch", label: "Best epoch" },
    { key: "bestQuality", label: "Best quality" },
    ...(ownMetric ? [{ key: "metricAtBest" as const, label: `${METRIC_LABELS[metric]} at best` }] : []),
    { key: "lastOverfitRisk", label: "Last overfit risk" },
  ];
  const rows = runs.map((run) => {
    const { checkpoints, recommendedEpoch, totalSteps } = run.result;
    const best = checkpoints[recommendedEpoch - 1];
    const last = checkpoints[checkpoints.length - 1];
    return {
      id: run.variant.id,
      label: run.variant.label,
      lastVerdict: last.verdict,
      cells: {
        steps: integer.format(totalSteps),
        bestEpoch: `${recommendedEpoch} of ${checkpoints.length}`,
        bestQuality: best.quality.toFixed(2),
        metricAtBest: metric === "validationLoss" ? best.validationLoss.toFixed(4) : best[metric].toFixed(2),
        lastOverfitRisk: last.overfitRisk.toFixed(2),
      },
    };
  });
  return { columns, rows };
}

/** A table cell as a number ("2,000" → 2000, "12 of 20" → 12, "0.73" → 0.73). */
export function cellNumber(text: string): number {
  return Number(text.replace(/,/g, "").split(" ")[0]);
}

/**
 * Runs whose line lies exactly under another's: the shorter run is the longer
 * one stopped early (same settings and seed), so the chart can say so.
 * @example coincidingRuns(fewImagesRuns, "quality") // → [{ shorter: "short", longer: "long", epochs: 10 }]
 */
export function coincidingRuns(runs: LessonRun[], metric: LessonMetric): { shorter: string; longer: string; epochs: number }[] {
  const pairs: { shorter: string; longer: string; epochs: number }[] = [];
  for (const a of runs) {
    for (const b of runs) {
      const short = a.result.checkpoints;
      const long = b.result.checkpoints;
      if (a === b || short.length >= long.length) continue;
      if (short.every((checkpoint, i) => Math.abs(checkpoint[metric] - long[i][metric]) < 1e-9)) {
        pairs.push({ shorter: a.variant.id, longer: b.variant.id, epochs: short.length });
      }
    }
  }
  return pairs;
}

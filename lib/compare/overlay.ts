// Chart rows for runs overlaid on one chart (/compare): one series per run,
// against epoch or against cumulative step (runs differ in steps per epoch).
import type { Checkpoint } from "@/lib/sim";
import type { OverlayMetricKey } from "./metrics";

export type OverlayAxis = "epoch" | "step";
export const OVERLAY_AXES: readonly OverlayAxis[] = ["epoch", "step"];

export interface OverlayRun {
  checkpoints: readonly Checkpoint[];
  recommendedEpoch: number;
}

export type OverlayRow = Record<string, number | null>;

export interface OverlayPoint {
  /** Index of the run (and of its series). */
  run: number;
  x: number;
  y: number;
}

export interface Overlay {
  /** The x key of every row: "epoch" or "step". */
  xKey: OverlayAxis;
  rows: OverlayRow[];
  /** The series key of each run, in the runs' order: "run0", "run1", … */
  seriesKeys: string[];
  /** Where each run's recommended epoch sits on its curve. */
  recommended: OverlayPoint[];
}

/** The series key of the run at `index` (stable, safe as an object key whatever the run's name). */
export const seriesKey = (index: number) => `run${index}`;

/**
 * Rows for a line chart with one series per run. Per epoch: one row per epoch
 * up to the longest run, null where a run has no such epoch. Per step: one row
 * per distinct step of any run, null for the runs with no checkpoint there
 * (draw those series with connectNulls).
 * @example overlayRows([a, b], "quality", "epoch").rows[0] // → { epoch: 1, run0: 0.41, run1: 0.38 }
 */
export function overlayRows(runs: readonly OverlayRun[], metric: OverlayMetricKey, axis: OverlayAxis): Overlay {
  const seriesKeys = runs.map((_, index) => seriesKey(index));
  const byX = new Map<number, OverlayRow>();
  runs.forEach((run, index) => {
    for (const checkpoint of run.checkpoints) {
      const x = checkpoint[axis];
      let row = byX.get(x);
      if (!row) {
        row = { [axis]: x };
        for (const key of seriesKeys) row[key] = null;
        byX.set(x, row);
      }
      row[seriesKeys[index]] = checkpoint[metric];
    }
  });
  if (axis === "epoch") {
    // Fill missing epochs so every run's line has a row for each epoch up to the longest run.
    const longest = Math.max(0, ...runs.map((run) => run.checkpoints.length));
    for (let epoch = 1; epoch <= longest; epoch++) {
      if (!byX.has(epoch)) byX.set(epoch, Object.fromEntries([["epoch", epoch], ...seriesKeys.map((key) => [key, null])]));
    }
  }
  const rows = [...byX.values()].sort((a, b) => (a[axis] as number) - (b[axis] as number));
  const recommended = runs.flatMap((run, index) => {
    const checkpoint = run.checkpoints.find((c) => c.epoch === run.recommendedEpoch);
    return checkpoint ? [{ run: index, x: checkpoint[axis], y: checkpoint[metric] }] : [];
  });
  return { xKey: axis, rows, seriesKeys, recommended };
}

// /compare with imported (real) runs beside simulated ones: pure shaping that
// keeps what a real run measured apart from what it did not. A real run has
// measured training and validation losses per epoch and nothing else; its
// quality, fidelity and the other scores are "not measured", never filled in
// from the simulator.
import type { SettingsDiffRow } from "@/lib/compare/settings-diff";
import { smoothSeries, stepToAxis, type StepGeometry, type XAxisKind } from "@/lib/charts/smoothing";

/** One run's curve on the overlay: a value per checkpoint, null where it was not measured. */
export interface MixedOverlayRun {
  points: readonly { epoch: number; step: number; value: number | null }[];
  /** The epoch to ring on the curve (a simulated run's recommended epoch); null for none. */
  ringEpoch: number | null;
}

export type MixedOverlayRow = Record<string, number | null>;

/**
 * Rows for the overlay chart, one series per run ("run0", "run1", …), against
 * epoch or step. Nulls where a run has no point (or did not measure it).
 * @example mixedOverlayRows([{ points: [{ epoch: 1, step: 10, value: 0.5 }], ringEpoch: 1 }], "epoch").rows // → [{ epoch: 1, run0: 0.5 }]
 */
export function mixedOverlayRows(runs: readonly MixedOverlayRun[], axis: "epoch" | "step") {
  const seriesKeys = runs.map((_, index) => `run${index}`);
  const byX = new Map<number, MixedOverlayRow>();
  runs.forEach((run, index) => {
    for (const point of run.points) {
      const x = point[axis];
      let row = byX.get(x);
      if (!row) {
        row = { [axis]: x };
        for (const key of seriesKeys) row[key] = null;
        byX.set(x, row);
      }
      row[seriesKeys[index]] = point.value;
    }
  });
  const rows = [...byX.values()].sort((a, b) => (a[axis] as number) - (b[axis] as number));
  const recommended = runs.flatMap((run, index) => {
    const point = run.points.find((candidate) => candidate.epoch === run.ringEpoch);
    return point && point.value !== null ? [{ run: index, x: point[axis], y: point.value }] : [];
  });
  return { xKey: axis, rows, seriesKeys, recommended };
}

/**
 * The settings diff with every setting an imported run's files did not give
 * shown as "not recorded" (the stored value is only the default its prediction
 * assumed); `read` is null for a simulated run. A row differs when the shown
 * values differ.
 */
export function withUnrecorded(
  rows: readonly SettingsDiffRow[],
  read: readonly (ReadonlySet<string> | null)[],
  steps: readonly ({ stepsPerEpoch: number; totalSteps: number } | null)[] = [],
): SettingsDiffRow[] {
  const derived: Record<string, readonly string[]> = { stepsPerEpoch: ["images", "repeats", "batchSize"], totalSteps: ["images", "repeats", "batchSize", "epochs"] };
  return rows.map((row) => {
    const values = row.values.map((value, index) => {
      const keys = read[index];
      if (!keys) return value;
      const fromFiles = steps[index];
      if (fromFiles && (row.key === "stepsPerEpoch" || row.key === "totalSteps")) return fromFiles[row.key].toLocaleString("en-US");
      const needs = derived[row.key] ?? [row.key];
      return needs.every((key) => keys.has(key)) ? value : "not recorded";
    });
    return { ...row, values, differs: row.differs || values.some((value) => value !== values[0]) };
  });
}

/**
 * A real run's steps as its files give them (the step of its last saved
 * epoch), or null when they do not: then the settings' figure would be a guess.
 * @example measuredSteps([{ epoch: 1, step: 250 }, { epoch: 4, step: 1000 }]) // → { stepsPerEpoch: 250, totalSteps: 1000 }
 */
export function measuredSteps(checkpoints: readonly { epoch: number; step: number | null }[]): { stepsPerEpoch: number; totalSteps: number } | null {
  const last = checkpoints[checkpoints.length - 1];
  if (!last || last.step === null || last.epoch < 1) return null;
  return { stepsPerEpoch: Math.round(last.step / last.epoch), totalSteps: last.step };
}

/** A run's training loss for the loss overlay: the simulator's per-step curve, or a real run's measured epoch averages. */
export interface LossOverlayRun {
  name: string;
  kind: "simulated" | "measured";
  /** Steps per epoch, to place points on the epoch axis. */
  stepsPerEpoch: number;
  /** Null when a real run's files do not say its dataset size: it cannot be placed on images seen. */
  geometry: StepGeometry | null;
  /** A measured point carries its epoch (steps per epoch of a real run come from its files, not the settings). */
  points: readonly { step: number; loss: number; epoch?: number }[];
}

/** The x axes every run of the set can be drawn on. */
export function lossOverlayKinds(runs: readonly LossOverlayRun[]): XAxisKind[] {
  return runs.every((run) => run.geometry !== null) ? ["steps", "epochs", "images"] : ["steps", "epochs"];
}

/**
 * The loss overlay's rows: each run's training loss smoothed on its own
 * (TensorBoard's weight), placed on the chosen x axis, merged by x with nulls
 * for the other runs (draw with connectNulls).
 * @example lossOverlayRows([{ name: "a", kind: "measured", stepsPerEpoch: 100, geometry: null, points: [{ step: 100, loss: 0.2 }] }], 0, "epochs") // → [{ x: 1, run0: 0.2 }]
 */
export function lossOverlayRows(runs: readonly LossOverlayRun[], smoothing: number, kind: XAxisKind): MixedOverlayRow[] {
  const keys = runs.map((_, index) => `run${index}`);
  const byX = new Map<number, MixedOverlayRow>();
  runs.forEach((run, index) => {
    const smoothed = smoothSeries(
      run.points.map((point) => point.loss),
      smoothing,
    );
    run.points.forEach((point, k) => {
      const x =
        kind === "epochs"
          ? (point.epoch ?? point.step / run.stepsPerEpoch)
          : kind === "images" && run.geometry
            ? point.epoch !== undefined
              ? point.epoch * run.geometry.images * run.geometry.repeats
              : stepToAxis(point.step, "images", run.geometry)
            : point.step;
      const rounded = Number(x.toPrecision(10));
      let row = byX.get(rounded);
      if (!row) {
        row = { x: rounded };
        for (const key of keys) row[key] = null;
        byX.set(rounded, row);
      }
      row[keys[index]] = smoothed[k];
    });
  });
  return [...byX.values()].sort((a, b) => (a.x as number) - (b.x as number));
}

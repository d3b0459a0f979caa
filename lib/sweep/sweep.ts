// A sweep: two settings varied over a grid, every cell one simulated run,
// summarised by its best quality, the epoch it peaks at and the overfit risk
// of its last checkpoint.
import { simulate, SettingsError, type BatchRule } from "@/lib/sim";
import type { PlaygroundSettings } from "@/lib/playground";
import { axisValues, SWEEP_AXES, type SweepAxisKey } from "./axes";
import { normalise, rampColor, type ColorRamp } from "./color";

/** What the heatmap colours by. */
export type SweepView = "quality" | "bestEpoch" | "overfitRisk";

export const SWEEP_VIEWS: readonly { id: SweepView; label: string }[] = [
  { id: "quality", label: "Best quality" },
  { id: "bestEpoch", label: "Best epoch" },
  { id: "overfitRisk", label: "Final overfit risk" },
];

export interface SweepAxisRange {
  key: SweepAxisKey;
  from: number;
  to: number;
}

export interface SweepSpec {
  x: SweepAxisRange;
  y: SweepAxisRange;
  /** Cells asked for per axis (fewer when an integer axis has fewer distinct values). */
  steps: number;
  /** The settings of every run, besides the two swept. */
  base: PlaygroundSettings;
  batchRule: BatchRule;
  view: SweepView;
}

export interface SweepCell {
  x: number;
  y: number;
  /** Highest quality any checkpoint of the run reaches. */
  bestQuality: number;
  /** The epoch of that checkpoint. */
  bestEpoch: number;
  /** Overfit risk of the run's last checkpoint. */
  finalOverfitRisk: number;
  /** Set when the cell's settings are not a valid run (warm-up longer than the run, a rate the optimizer refuses): the schema's message. Its numbers are then NaN. */
  problem?: string;
}

export interface SweepGrid {
  xValues: number[];
  yValues: number[];
  /** rows[j][i] is the run at yValues[j], xValues[i]. */
  rows: SweepCell[][];
}

/**
 * Simulates every cell of a sweep (checkpoints only, no loss curve: about
 * 100,000 runs a second, so 20 × 20 takes a few milliseconds). `learningSpeed`
 * is simulate's option: a team calibration's fit, 1 for the default model.
 * @example computeSweep(spec).rows[0][0].bestQuality // → 0.39
 */
export function computeSweep(spec: Omit<SweepSpec, "view">, { learningSpeed = 1 }: { learningSpeed?: number } = {}): SweepGrid {
  const xValues = axisValues(SWEEP_AXES[spec.x.key], spec.x.from, spec.x.to, spec.steps);
  const yValues = axisValues(SWEEP_AXES[spec.y.key], spec.y.from, spec.y.to, spec.steps);
  const options = { lossCurve: false, batchRule: spec.batchRule, learningSpeed } as const;
  const rows = yValues.map((y) =>
    xValues.map((x): SweepCell => {
      let result;
      try {
        result = simulate({ ...spec.base, [spec.y.key]: y, [spec.x.key]: x }, options);
      } catch (error) {
        if (!(error instanceof SettingsError)) throw error;
        return { x, y, bestQuality: Number.NaN, bestEpoch: Number.NaN, finalOverfitRisk: Number.NaN, problem: Object.values(error.fields)[0] ?? error.message };
      }
      const best = result.checkpoints[result.recommendedEpoch - 1];
      return {
        x,
        y,
        bestQuality: best.quality,
        bestEpoch: result.recommendedEpoch,
        finalOverfitRisk: result.checkpoints[result.checkpoints.length - 1].overfitRisk,
      };
    }),
  );
  return { xValues, yValues, rows };
}

/** The number a view shows for a cell. */
export function cellValue(cell: SweepCell, view: SweepView): number {
  if (view === "quality") return cell.bestQuality;
  if (view === "bestEpoch") return cell.bestEpoch;
  return cell.finalOverfitRisk;
}

export interface SweepScale {
  ramp: ColorRamp;
  domain: [number, number];
  format: (value: number) => string;
}

/**
 * The colour scale of a view over a grid: quality spans the grid's own range
 * (its differences are small), best epoch 1 to the latest, risk 0 to 1.
 */
export function scaleFor(grid: SweepGrid, view: SweepView): SweepScale {
  const values = grid.rows
    .flat()
    .filter((cell) => !cell.problem)
    .map((cell) => cellValue(cell, view));
  if (values.length === 0) values.push(0, 1);
  if (view === "overfitRisk") return { ramp: "risk", domain: [0, 1], format: (v) => v.toFixed(2) };
  if (view === "bestEpoch") return { ramp: "viridis", domain: [1, Math.max(1, ...values)], format: (v) => String(Math.round(v)) };
  return { ramp: "viridis", domain: [Math.min(...values), Math.max(...values)], format: (v) => v.toFixed(2) };
}

/** A cell's colour in a view's scale. */
export function cellColor(cell: SweepCell, view: SweepView, scale: SweepScale): string {
  if (cell.problem) return "transparent";
  return rampColor(scale.ramp, normalise(cellValue(cell, view), scale.domain));
}

/** Evenly spaced legend stops from one end of a scale to the other. */
export function legendStops(scale: SweepScale, count = 5): { value: number; color: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const value = scale.domain[0] + ((scale.domain[1] - scale.domain[0]) * i) / (count - 1);
    return { value, color: rampColor(scale.ramp, normalise(value, scale.domain)) };
  });
}

/** Qualities equal at the shown precision (two decimals) are a tie. */
export const QUALITY_TIE_DIGITS = 2;

/**
 * True when `cell` beats `other`: higher best quality as shown, and on a tie
 * the lower final overfit risk (the same quality with less memorising); the
 * first cell wins a full tie.
 */
export function isBetterCell(cell: SweepCell, other: SweepCell): boolean {
  const a = Number(cell.bestQuality.toFixed(QUALITY_TIE_DIGITS));
  const b = Number(other.bestQuality.toFixed(QUALITY_TIE_DIGITS));
  if (a !== b) return a > b;
  return cell.finalOverfitRisk < other.finalOverfitRisk;
}

/** The best valid cell of `cells`; null when none is a valid run. */
function best(cells: readonly SweepCell[]): SweepCell | null {
  return cells.filter((cell) => !cell.problem).reduce<SweepCell | null>((top, cell) => (top === null || isBetterCell(cell, top) ? cell : top), null);
}

/** The best valid cell of the grid: highest quality, ties to the lower final overfit risk; null when no cell is a valid run. */
export function bestCell(grid: SweepGrid): SweepCell | null {
  return best(grid.rows.flat());
}

/** The best cell of each row (rows[j] → its best), by the same rule as bestCell. */
export function bestCellsByRow(grid: SweepGrid): (SweepCell | null)[] {
  return grid.rows.map((cells) => best(cells));
}

// Geometry of the parallel-coordinates chart, shared by the server render and
// the browser: one vertical axis per PARALLEL_AXES entry, one line per row.
// The lines are drawn as one string of SVG markup (hundreds of paths), so the
// page hydrates none of them and brushing redraws them in one assignment.
import { PARALLEL_AXES, passesBrush, type AxisValues, type Brush, type ParallelAxis } from "@/lib/analysis/axes";
import { rampColor } from "@/lib/sweep/color";

/** Room per axis: 16 axes need more than a laptop screen's width, so the chart scrolls sideways below it. */
const AXIS_GAP = 70;
export const WIDTH = Math.max(960, 2 * 46 + AXIS_GAP * (PARALLEL_AXES.length - 1));
export const HEIGHT = 330;
export const TOP = 44;
const BOTTOM = 36;
const SIDE = 46;
export const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
/** Above this many rows the kept lines are drawn fainter, so dense bundles stay readable. */
const DENSE_ROWS = 200;

/** One row's values, in PARALLEL_AXES order. */
export type RowValues = readonly number[];

export interface Scale {
  /** Every row has the same value: the axis shows it once. */
  constant: boolean;
  toY: (value: number) => number;
  fromY: (y: number) => number;
  min: number;
  max: number;
}

export function scaleFor(axis: ParallelAxis, column: readonly number[]): Scale {
  let min = Infinity;
  let max = -Infinity;
  for (const value of column) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (axis.categories) {
    // A choice axis always shows every option, at fixed positions.
    const constant = !Number.isFinite(min) || min === max;
    const last = Math.max(1, axis.categories.length - 1);
    return {
      constant,
      min: 0,
      max: last,
      toY: (value) => TOP + (1 - Math.min(1, Math.max(0, value / last))) * PLOT_HEIGHT,
      fromY: (y) => Math.min(1, Math.max(0, 1 - (y - TOP) / PLOT_HEIGHT)) * last,
    };
  }
  if (!Number.isFinite(min)) [min, max] = [0, 1];
  const log = axis.scale === "log" && min > 0;
  const constant = max === min;
  if (constant) {
    min = log ? min / 2 : min - 1;
    max = log ? max * 2 : max + 1;
  }
  const t = (value: number) => (log ? Math.log(value) - Math.log(min) : value - min) / (log ? Math.log(max) - Math.log(min) : max - min);
  const inverse = (u: number) => (log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min));
  return {
    constant,
    min,
    max,
    toY: (value) => TOP + (1 - Math.min(1, Math.max(0, t(value)))) * PLOT_HEIGHT,
    fromY: (y) => inverse(Math.min(1, Math.max(0, 1 - (y - TOP) / PLOT_HEIGHT))),
  };
}

/** Every axis's scale over the rows, in PARALLEL_AXES order. */
export function scalesOf(rows: readonly RowValues[]): Scale[] {
  return PARALLEL_AXES.map((axis, i) =>
    scaleFor(
      axis,
      rows.map((row) => row[i]),
    ),
  );
}

export function axisX(index: number): number {
  return SIDE + (index * (WIDTH - 2 * SIDE)) / (PARALLEL_AXES.length - 1);
}

/** A row's values by axis key, as lib/analysis reads them. */
export function axisRecord(row: RowValues): AxisValues {
  const record = {} as AxisValues;
  PARALLEL_AXES.forEach((axis, i) => (record[axis.key] = row[i]));
  return record;
}

/** Which rows lie inside every kept range, by row. */
export function matchingRows(rows: readonly RowValues[], brush: Brush): boolean[] {
  if (Object.keys(brush).length === 0) return rows.map(() => true);
  return rows.map((row) => passesBrush(axisRecord(row), brush));
}

/** A range as typed or dragged, rounded to what the axis shows. */
export function roundRange(axis: ParallelAxis, from: number, to: number): { from: number; to: number } {
  const round = (value: number) => (axis.integer ? Math.round(value) : Number(value.toPrecision(3)));
  return from <= to ? { from: round(from), to: round(to) } : { from: round(to), to: round(from) };
}

const QUALITY = PARALLEL_AXES.findIndex((axis) => axis.key === "bestQuality");

/**
 * The lines as SVG markup: the rows outside the brush first, in `mutedClass`,
 * then the kept ones on top, coloured by best quality (viridis).
 * @example linesMarkup([[…16 values]], scales, [true], "muted") // → '<g class="muted"></g><g stroke-opacity="0.8"><path d="M46 120.5L116 …" stroke="rgb(…)"/></g>'
 */
export function linesMarkup(rows: readonly RowValues[], scales: readonly Scale[], matching: readonly boolean[], mutedClass: string): string {
  const quality = scales[QUALITY];
  const span = quality.max - quality.min || 1;
  const muted: string[] = [];
  const kept: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let d = "";
    for (let i = 0; i < scales.length; i++) d += `${i === 0 ? "M" : "L"}${Math.round(axisX(i) * 10) / 10} ${Math.round(scales[i].toY(row[i]) * 10) / 10}`;
    if (matching[r]) kept.push(`<path d="${d}" stroke="${rampColor("viridis", (row[QUALITY] - quality.min) / span)}"/>`);
    else muted.push(`<path d="${d}"/>`);
  }
  return `<g class="${mutedClass}">${muted.join("")}</g><g stroke-opacity="${rows.length > DENSE_ROWS ? 0.35 : 0.8}">${kept.join("")}</g>`;
}

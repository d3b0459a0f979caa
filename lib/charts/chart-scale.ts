// Where a line chart's axes start and end and which ticks they show (d3-array's
// round steps), decided once for both drawings of a chart (app/ui/charts): the
// server-rendered SVG and the interactive Recharts drawing take the same
// domains and ticks, so swapping one for the other moves nothing.
import { nice, ticks as niceTicks } from "d3-array";

/** One end of an axis: a number, or taken from the data ("auto" rounds it out to a tick). */
export type DomainEnd = number | "auto" | "dataMin" | "dataMax";

export interface AxisScale {
  domain: [number, number];
  ticks: number[];
}

export interface AxisOptions {
  /** About how many ticks (d3 picks a round step near domain / count). */
  tickCount?: number;
  /** Ticks at whole numbers only (steps, epochs). */
  integer?: boolean;
  /** Explicit ticks (for example every epoch); thinned to at most MAX_EXPLICIT_TICKS. */
  ticks?: readonly number[];
  /** Round numeric ends out to ticks too, so the ticks bracket the data (a value axis); "auto" ends always are. */
  niceEnds?: boolean;
}

/** More explicit ticks than this are thinned (every second, third, … kept, first and last always), so labels never crowd a phone's width. */
export const MAX_EXPLICIT_TICKS = 11;

/**
 * The domain and ticks of an axis over these values: numeric ends stay (widened
 * only to keep every value on the chart), "dataMin"/"dataMax" take the data's
 * extremes, and "auto" ends are rounded out to the next tick.
 * @example axisScale([0.12, 0.48], ["auto", "auto"]) // → { domain: [0.1, 0.5], ticks: [0.1, 0.2, 0.3, 0.4, 0.5] }
 */
export function axisScale(values: Iterable<number>, spec: readonly [DomainEnd, DomainEnd], options: AxisOptions = {}): AxisScale {
  const count = options.tickCount ?? 5;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const [startSpec, endSpec] = spec;
  if (min > max) {
    min = typeof startSpec === "number" ? startSpec : 0;
    max = typeof endSpec === "number" ? endSpec : min + 1;
  }
  let start = endOf(startSpec, min, max, "start");
  let end = endOf(endSpec, min, max, "end");
  if (start > end) [start, end] = [end, start];
  if (end - start <= Math.max(Math.abs(start), Math.abs(end), 1e-6) * 1e-9) {
    // One value (or a span too thin to tick): open the axis around it, on the ends the data sets.
    const pad = Math.abs(start) > 1e-12 ? Math.abs(start) * 0.1 : 1;
    if (typeof startSpec !== "number") start -= pad;
    end = Math.max(end, start) + pad;
  }
  const niceStart = startSpec === "auto" || (options.niceEnds && typeof startSpec === "number");
  const niceEnd = endSpec === "auto" || (options.niceEnds && typeof endSpec === "number");
  if (niceStart || niceEnd) {
    const [roundStart, roundEnd] = nice(start, end, count);
    // Math.min/max: rounding can nudge a tick by a hair inside a value that sits on it.
    if (niceStart) start = Math.min(roundStart, start);
    if (niceEnd) end = Math.max(roundEnd, end);
  }
  const domain: [number, number] = [start, end];
  if (options.ticks) return { domain, ticks: thinTicks(options.ticks.filter((tick) => tick >= start && tick <= end)) };
  let ticks = niceTicks(start, end, count);
  if (options.integer && end - start <= MAX_EXPLICIT_TICKS - 1) {
    // A few whole units (epochs): a tick at each.
    ticks = [];
    for (let tick = Math.ceil(start); tick <= end; tick++) ticks.push(tick);
  } else if (options.integer) {
    ticks = ticks.filter(Number.isInteger);
    if (ticks.length < 2) ticks = [Math.ceil(start), Math.floor(end)].filter((tick, index, all) => tick >= start && tick <= end && all.indexOf(tick) === index);
  }
  return { domain, ticks: ticks.map((tick) => Number(tick.toPrecision(12))) };
}

function endOf(spec: DomainEnd, min: number, max: number, side: "start" | "end"): number {
  if (typeof spec === "number") return side === "start" ? Math.min(spec, min) : Math.max(spec, max);
  if (spec === "dataMin") return min;
  if (spec === "dataMax") return max;
  return side === "start" ? min : max;
}

/**
 * At most MAX_EXPLICIT_TICKS of these ticks, evenly spaced by index, first and last kept.
 * @example thinTicks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]) // → [1, 3, 5, 7, 9, 11, 13, 15, 17, 20]
 */
export function thinTicks(ticks: readonly number[]): number[] {
  if (ticks.length <= MAX_EXPLICIT_TICKS) return [...ticks];
  const every = Math.ceil((ticks.length - 1) / (MAX_EXPLICIT_TICKS - 1));
  const kept = ticks.filter((_, index) => index % every === 0);
  const last = ticks[ticks.length - 1];
  if (kept[kept.length - 1] !== last) {
    // Keep the last tick; drop the one before it when the two would sit closer than a step.
    if (ticks.length - 1 - (kept.length - 1) * every < every) kept.pop();
    kept.push(last);
  }
  return kept;
}

/** What a chart shows, as far as its scales are concerned (a subset of the line chart's props). */
export interface ScaleInput {
  rows: readonly Record<string, number | null | undefined>[];
  xKey: string;
  series: readonly { key: string; axis?: "left" | "right" }[];
  points?: readonly { x: number; y: number; axis?: "left" | "right" }[];
  xDomain?: readonly [DomainEnd, DomainEnd];
  yDomain?: readonly [DomainEnd, DomainEnd];
  rightDomain?: readonly [DomainEnd, DomainEnd];
  xTicks?: readonly number[];
}

export interface ChartScales {
  x: AxisScale;
  left: AxisScale;
  /** Null when no series is drawn on a right axis. */
  right: AxisScale | null;
}

const AUTO: readonly [DomainEnd, DomainEnd] = ["auto", "auto"];
const DATA: readonly [DomainEnd, DomainEnd] = ["dataMin", "dataMax"];

/**
 * Every axis of a chart: x over all rows, each y axis over its series' values
 * and the ringed points on it (a ring is never cut off), its ends on ticks.
 * @example chartScales({ rows: [{ epoch: 1, q: 0.2 }, { epoch: 4, q: 0.9 }], xKey: "epoch", series: [{ key: "q" }], yDomain: [0, 1] }).left.ticks // → [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function chartScales(input: ScaleInput): ChartScales {
  const xs: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const rightKeys = new Set(input.series.filter((s) => s.axis === "right").map((s) => s.key));
  const leftKeys = input.series.filter((s) => s.axis !== "right").map((s) => s.key);
  for (const row of input.rows) {
    const x = row[input.xKey];
    if (typeof x === "number") xs.push(x);
    for (const key of leftKeys) {
      const value = row[key];
      if (typeof value === "number") left.push(value);
    }
    for (const key of rightKeys) {
      const value = row[key];
      if (typeof value === "number") right.push(value);
    }
  }
  for (const point of input.points ?? []) (point.axis === "right" ? right : left).push(point.y);
  return {
    x: axisScale(xs, input.xDomain ?? DATA, { integer: !input.xTicks, ticks: input.xTicks }),
    left: axisScale(left, input.yDomain ?? AUTO, { niceEnds: true }),
    right: rightKeys.size > 0 ? axisScale(right, input.rightDomain ?? AUTO, { niceEnds: true }) : null,
  };
}

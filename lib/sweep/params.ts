// A sweep's URL form: the axes, their ranges, the cells per axis, the view
// and the base settings, so a reload or a shared link shows the same heatmap.
import { parsePlaygroundParams, parseSettingValue, playgroundHref, playgroundSearchParams, PLAYGROUND_DEFAULTS, type SearchParamsRecord } from "@/lib/playground";
import { formatAxisValue, isSweepAxisKey, SWEEP_AXES, SWEEP_AXIS_KEYS, SWEEP_STEPS, type SweepAxisKey } from "./axes";
import { SWEEP_VIEWS, type SweepAxisRange, type SweepCell, type SweepSpec, type SweepView } from "./sweep";

export const DEFAULT_SWEEP: SweepSpec = {
  x: { key: "learningRate", from: SWEEP_AXES.learningRate.defaultFrom, to: SWEEP_AXES.learningRate.defaultTo },
  y: { key: "epochs", from: SWEEP_AXES.epochs.defaultFrom, to: SWEEP_AXES.epochs.defaultTo },
  steps: SWEEP_STEPS.default,
  base: PLAYGROUND_DEFAULTS,
  batchRule: "linear",
  view: "quality",
};

/** An axis with its default range. */
export function defaultRange(key: SweepAxisKey): SweepAxisRange {
  return { key, from: SWEEP_AXES[key].defaultFrom, to: SWEEP_AXES[key].defaultTo };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Checks one end of an axis range: a valid value of the setting (the
 * simulator's rules), inside the axis's limits (a log axis starts above 0).
 */
export function parseAxisEnd(key: SweepAxisKey, raw: string): { value: number } | { error: string } {
  const parsed = parseSettingValue(key, raw);
  if ("error" in parsed) return parsed;
  const axis = SWEEP_AXES[key];
  if (parsed.value < axis.min || parsed.value > axis.max) {
    return { error: `${axis.label} ranges from ${formatAxisValue(key, axis.min)} to ${formatAxisValue(key, axis.max)} on a sweep` };
  }
  return parsed;
}

/** Checks a whole range: both ends valid and from at most to (equal ends fix the setting to one value). */
export function checkRange(key: SweepAxisKey, fromText: string, toText: string): { range: SweepAxisRange } | { error: string } {
  const from = parseAxisEnd(key, fromText);
  if ("error" in from) return { error: `From: ${from.error}` };
  const to = parseAxisEnd(key, toText);
  if ("error" in to) return { error: `To: ${to.error}` };
  if (from.value > to.value) return { error: "“From” must not be above “to” (equal values fix the setting: one row or column)" };
  return { range: { key, from: from.value, to: to.value } };
}

function parseAxis(params: SearchParamsRecord, name: "x" | "y", fallback: SweepAxisRange, notices: string[]): SweepAxisRange {
  const rawKey = first(params[name]);
  let key = fallback.key;
  if (rawKey !== undefined) {
    if (isSweepAxisKey(rawKey)) key = rawKey;
    else notices.push(`${name}="${rawKey}" was ignored (not a setting a sweep can vary); using ${SWEEP_AXES[key].label}.`);
  }
  const range = key === fallback.key ? { ...fallback } : defaultRange(key);
  const rawFrom = first(params[`${name}From`]);
  const rawTo = first(params[`${name}To`]);
  if (rawFrom === undefined && rawTo === undefined) return range;
  const checked = checkRange(key, rawFrom ?? String(range.from), rawTo ?? String(range.to));
  if ("range" in checked) return checked.range;
  notices.push(`The ${name} range was ignored (${checked.error}); using ${formatAxisValue(key, range.from)}–${formatAxisValue(key, range.to)}.`);
  return range;
}

/**
 * A sweep from URL search params; anything invalid falls back to its default with a notice.
 * @example parseSweepParams({ x: "images", y: "repeats" }).spec.x // → { key: "images", from: 3, to: 100 }
 */
export function parseSweepParams(params: SearchParamsRecord): { spec: SweepSpec; notices: string[] } {
  const { state, notices } = parsePlaygroundParams(params);
  const x = parseAxis(params, "x", DEFAULT_SWEEP.x, notices);
  let y = parseAxis(params, "y", x.key === DEFAULT_SWEEP.y.key ? defaultRange(x.key === "epochs" ? "learningRate" : "epochs") : DEFAULT_SWEEP.y, notices);
  if (y.key === x.key) {
    const other = SWEEP_AXIS_KEYS.find((key) => key !== x.key && key !== DEFAULT_SWEEP.x.key) ?? "epochs";
    notices.push(`Both axes were ${SWEEP_AXES[x.key].label}; the vertical axis shows ${SWEEP_AXES[other].label} instead.`);
    y = defaultRange(other);
  }

  let steps: number = SWEEP_STEPS.default;
  const rawSteps = first(params.steps);
  if (rawSteps !== undefined) {
    const n = Number(rawSteps);
    if (Number.isInteger(n) && n >= SWEEP_STEPS.min && n <= SWEEP_STEPS.max) steps = n;
    else notices.push(`steps="${rawSteps}" was ignored (a whole number from ${SWEEP_STEPS.min} to ${SWEEP_STEPS.max}); using ${steps}.`);
  }

  let view: SweepView = "quality";
  const rawView = first(params.view);
  if (rawView !== undefined) {
    const known = SWEEP_VIEWS.find((v) => v.id === rawView);
    if (known) view = known.id;
    else notices.push(`view="${rawView}" was ignored; showing best quality.`);
  }

  return { spec: { x, y, steps, base: state.settings, batchRule: state.batchRule, view }, notices };
}

/** The URL query of a sweep (base settings, then the sweep's own parameters). */
export function sweepSearchParams(spec: SweepSpec): URLSearchParams {
  const params = playgroundSearchParams({ settings: spec.base, batchRule: spec.batchRule });
  params.set("x", spec.x.key);
  params.set("xFrom", String(spec.x.from));
  params.set("xTo", String(spec.x.to));
  params.set("y", spec.y.key);
  params.set("yFrom", String(spec.y.from));
  params.set("yTo", String(spec.y.to));
  params.set("steps", String(spec.steps));
  params.set("view", spec.view);
  return params;
}

/** The playground link of one cell: the base settings with the cell's two values. */
export function cellPlaygroundHref(spec: Pick<SweepSpec, "x" | "y" | "base" | "batchRule">, cell: Pick<SweepCell, "x" | "y">): string {
  return playgroundHref({ ...spec.base, [spec.x.key]: cell.x, [spec.y.key]: cell.y }, spec.batchRule);
}

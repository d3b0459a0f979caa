// URL query of /compare (?runs=a,b,c&metric=quality&x=step) and links to both compare pages.
import { OVERLAY_METRIC_KEYS, type OverlayMetricKey } from "./metrics";
import { OVERLAY_AXES, type OverlayAxis } from "./overlay";

export const COMPARE_RUNS_MIN = 2;
export const COMPARE_RUNS_MAX = 6;
const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export type SearchParamValue = string | string[] | undefined;

export interface CompareRunsQuery {
  runIds: string[];
  metric: OverlayMetricKey;
  x: OverlayAxis;
}

export type CompareRunsParse =
  | { ok: true; query: CompareRunsQuery }
  /** `empty`: no runs chosen yet (not an error: the page explains how to choose). */
  | { ok: false; empty: boolean; message: string };

/**
 * Reads /compare's query. `runs` may be comma-separated (`runs=a,b`) or repeated
 * (`runs=a&runs=b`, what a plain form of checkboxes sends); repeats are dropped.
 * @example parseCompareRunsQuery({ runs: "a1,b2" }) // → { ok: true, query: { runIds: ["a1", "b2"], metric: "quality", x: "epoch" } }
 */
export function parseCompareRunsQuery(params: Record<string, SearchParamValue>): CompareRunsParse {
  const raw = [params.runs ?? []].flat().flatMap((value) => value.split(","));
  const ids = [...new Set(raw.map((id) => id.trim()).filter(Boolean))];
  if (ids.length === 0) return { ok: false, empty: true, message: `Choose ${COMPARE_RUNS_MIN} to ${COMPARE_RUNS_MAX} runs in the runs list to compare them.` };
  const bad = ids.find((id) => !RUN_ID_PATTERN.test(id));
  if (bad) return { ok: false, empty: false, message: `“${bad.slice(0, 24)}” is not a run id: runs takes run ids separated by commas.` };
  if (ids.length < COMPARE_RUNS_MIN || ids.length > COMPARE_RUNS_MAX) {
    return { ok: false, empty: false, message: `Compare ${COMPARE_RUNS_MIN} to ${COMPARE_RUNS_MAX} runs at a time (${ids.length} chosen).` };
  }
  const metric = first(params.metric) ?? "quality";
  if (!(OVERLAY_METRIC_KEYS as readonly string[]).includes(metric)) {
    return { ok: false, empty: false, message: `metric must be one of ${OVERLAY_METRIC_KEYS.join(", ")}.` };
  }
  const x = first(params.x) ?? "epoch";
  if (!(OVERLAY_AXES as readonly string[]).includes(x)) return { ok: false, empty: false, message: "x must be epoch or step." };
  return { ok: true, query: { runIds: ids, metric: metric as OverlayMetricKey, x: x as OverlayAxis } };
}

/** The canonical /compare link; defaults (quality, per epoch) are left out. */
export function compareRunsHref(runIds: readonly string[], options: { metric?: OverlayMetricKey; x?: OverlayAxis } = {}): string {
  const params = [`runs=${runIds.map(encodeURIComponent).join(",")}`];
  if (options.metric && options.metric !== "quality") params.push(`metric=${options.metric}`);
  if (options.x && options.x !== "epoch") params.push(`x=${options.x}`);
  return `/compare?${params.join("&")}`;
}

/** The link to compare checkpoints of one run. */
export function compareEpochsHref(runId: string, epochs: readonly number[]): string {
  return `/runs/${encodeURIComponent(runId)}/compare?epochs=${epochs.join(",")}`;
}

function first(value: SearchParamValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

"use client";
// The loss chart's view controls: TensorBoard-style smoothing (a slider) and
// what the x axis counts. Both live in the URL (`smoothing`, `x`), written
// with history.replaceState so moving the slider redraws without a server
// round trip, and a reload or a shared link shows the same chart.
import { useSearchParams } from "next/navigation";
import { useId, useState } from "react";
import { parseSmoothing, parseXAxis, SMOOTHING_MAX, SMOOTHING_MIN, X_AXIS_KINDS, type XAxisKind } from "@/lib/charts/smoothing";
import { useHydrated } from "@/app/ui/use-hydrated";
import styles from "./line-chart.module.css";

export const DEFAULT_SMOOTHING = 0;

export interface LossView {
  smoothing: number;
  xAxis: XAxisKind;
}

/** The URL parameters a loss view is kept in; a page whose `x` already means something else names its own. */
export interface LossViewParams {
  smoothing?: string;
  x?: string;
  /** The smoothing this chart opens with when the URL names none (default 0, raw); left out of the URL. */
  defaultSmoothing?: number;
}

/**
 * The loss view from the URL, and a setter that writes it back there.
 * `kinds` limits the x axis to what the chart can draw (an axis the URL names
 * but the chart cannot draw reads as the first of them).
 */
export function useLossView(names: LossViewParams = {}, kinds: readonly XAxisKind[] = ALL_KINDS): [LossView, (next: Partial<LossView>) => void] {
  const smoothingParam = names.smoothing ?? "smoothing";
  const xParam = names.x ?? "x";
  const defaultSmoothing = names.defaultSmoothing ?? DEFAULT_SMOOTHING;
  const params = useSearchParams();
  const [view, setView] = useState<LossView>(() => {
    const xAxis = parseXAxis(params.get(xParam));
    return { smoothing: parseSmoothing(params.get(smoothingParam), defaultSmoothing), xAxis: kinds.includes(xAxis) ? xAxis : kinds[0] };
  });
  function update(next: Partial<LossView>) {
    const merged = { ...view, ...next };
    setView(merged);
    const url = new URL(window.location.href);
    if (merged.smoothing === defaultSmoothing) url.searchParams.delete(smoothingParam);
    else url.searchParams.set(smoothingParam, String(merged.smoothing));
    if (merged.xAxis === "steps") url.searchParams.delete(xParam);
    else url.searchParams.set(xParam, merged.xAxis);
    window.history.replaceState(null, "", url);
  }
  return [view, update];
}

const ALL_KINDS: readonly XAxisKind[] = X_AXIS_KINDS.map((kind) => kind.id);

export interface LossChartControlsProps {
  view: LossView;
  onChange: (next: Partial<LossView>) => void;
  /** The x axes offered (default all three); a run that does not record its dataset size cannot count images seen. */
  kinds?: readonly XAxisKind[];
}

export function LossChartControls({ view, onChange, kinds = ALL_KINDS }: LossChartControlsProps) {
  const id = useId();
  const interactive = useHydrated();
  return (
    <div className={styles.controls} data-interactive={interactive} data-testid="loss-chart-controls">
      <label htmlFor={`${id}-smoothing`}>
        Smoothing <output htmlFor={`${id}-smoothing`}>{view.smoothing.toFixed(2)}</output>
      </label>
      <input
        id={`${id}-smoothing`}
        type="range"
        min={SMOOTHING_MIN}
        max={0.99}
        step={0.01}
        value={Math.min(view.smoothing, 0.99)}
        aria-valuetext={view.smoothing === 0 ? "0, raw training loss" : `${view.smoothing.toFixed(2)}, exponential moving average`}
        onChange={(event) => onChange({ smoothing: Math.min(SMOOTHING_MAX, Number(event.target.value)) })}
      />
      <label htmlFor={`${id}-x`}>X axis</label>
      <select id={`${id}-x`} value={view.xAxis} onChange={(event) => onChange({ xAxis: parseXAxis(event.target.value) })}>
        {X_AXIS_KINDS.filter((kind) => kinds.includes(kind.id)).map((kind) => (
          <option key={kind.id} value={kind.id}>
            {kind.label}
          </option>
        ))}
      </select>
    </div>
  );
}

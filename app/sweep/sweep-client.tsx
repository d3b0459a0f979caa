"use client";
// The sweep page's controls and heatmap: axes and ranges, cells per axis, the
// view toggle and the base settings, mirrored into the URL. The grid is
// computed in the browser from a deferred copy of the spec, so typing and
// dragging never wait for it (20 × 20 takes a few milliseconds; see scripts/bench-sweep.ts).
import { useDeferredValue, useId, useMemo, useState } from "react";
import {
  checkRange,
  computeSweep,
  defaultRange,
  formatAxisValue,
  SWEEP_AXES,
  SWEEP_AXIS_KEYS,
  SWEEP_STEPS,
  SWEEP_VIEWS,
  sweepSearchParams,
  type SweepAxisKey,
  type SweepAxisRange,
  type SweepSpec,
  type SweepView,
} from "@/lib/sweep";
import { learningRateControl, SETTING_CONTROLS, settingsProblems, usualLearningRate } from "@/lib/playground";
import { CHOICE_SETTING_KEYS, type Optimizer } from "@/lib/sim";
import { SettingSlider } from "@/app/ui/settings/setting-slider";
import { SettingSelect } from "@/app/ui/settings/setting-select";
import { Heatmap } from "./heatmap";
import { useHydrated } from "@/app/ui/use-hydrated";
import { useUrlState } from "@/app/ui/use-url-state";
import styles from "./sweep.module.css";
import { useLearningSpeed } from "@/app/ui/calibration/calibration-context";
import { SweepCalibration } from "@/app/ui/calibration/sweep-calibration";

export function SweepClient({ initialSpec }: { initialSpec: SweepSpec }) {
  const [spec, setSpec] = useUrlState(initialSpec, sweepSearchParams);

  const hydrated = useHydrated();
  const deferred = useDeferredValue(spec);
  // Switching the view (quality, best epoch…) recolours the grid without re-simulating it.
  const { x, y, steps, base, batchRule } = deferred;
  const learningSpeed = useLearningSpeed();
  const grid = useMemo(() => computeSweep({ x, y, steps, base, batchRule }, { learningSpeed }), [x, y, steps, base, batchRule, learningSpeed]);
  const stale = deferred !== spec;
  // A new object only when the heatmap's input changes, so the memoised heatmap skips renders for every other key press.
  const heatmapSpec = useMemo(() => ({ ...deferred, view: spec.view }), [deferred, spec.view]);

  function setAxis(name: "x" | "y", range: SweepAxisRange) {
    setSpec((current) => {
      const other = name === "x" ? current.y : current.x;
      // Picking the other axis's setting swaps the two axes.
      if (range.key === other.key) {
        const swapped = name === "x" ? { x: range, y: current.x } : { x: current.y, y: range };
        return { ...current, ...swapped };
      }
      return { ...current, [name]: range };
    });
  }

  return (
    <div className={`sidebar-layout ${styles.layout}`} data-hydrated={hydrated ? "true" : undefined}>
      <section className={`card stack ${styles.controls}`} aria-labelledby="sweep-controls-heading">
        <h2 id="sweep-controls-heading">Axes</h2>
        <AxisFields name="x" title="Horizontal axis" range={spec.x} onChange={(range) => setAxis("x", range)} />
        <AxisFields name="y" title="Vertical axis" range={spec.y} onChange={(range) => setAxis("y", range)} />
        <div className={`field ${styles.field}`}>
          <div className={styles.fieldHead}>
            <label htmlFor="sweep-steps">Cells per axis</label>
            <output htmlFor="sweep-steps" className={styles.output}>
              {spec.steps}
            </output>
          </div>
          <input
            id="sweep-steps"
            type="range"
            min={SWEEP_STEPS.min}
            max={SWEEP_STEPS.max}
            value={spec.steps}
            onChange={(event) => setSpec((current) => ({ ...current, steps: Number(event.target.value) }))}
          />
        </div>
        <label className="check-label">
          <input type="checkbox" role="switch" checked={spec.batchRule === "sqrt"} onChange={(event) => setSpec((current) => ({ ...current, batchRule: event.target.checked ? "sqrt" : "linear" }))} />
          Adam √batch rule
        </label>
        <details className={styles.base}>
          <summary>Other settings</summary>
          <p className={styles.overrideNote} data-testid="override-note">
            {[spec.x, spec.y]
              .filter((range) => SETTING_CONTROLS.some((control) => control.key === range.key))
              .map((range) => `${SWEEP_AXES[range.key].label} comes from the ${range === spec.x ? "horizontal" : "vertical"} axis`)
              .join("; ") || "Both axes are swept"}
            : the values below are used for everything else.
          </p>
          <div className={styles.baseSliders}>
            {SETTING_CONTROLS.map((control) => {
              const axis = control.key === spec.x.key ? spec.x : control.key === spec.y.key ? spec.y : null;
              const onAxis = axis !== null;
              return (
                <SettingSlider
                  key={control.key}
                  control={control.key === "learningRate" ? learningRateControl(spec.base.optimizer) : control}
                  value={spec.base[control.key]}
                  disabled={onAxis}
                  disabledReason={
                    axis
                      ? `Overridden: the ${axis === spec.x ? "horizontal" : "vertical"} axis sets it (${formatAxisValue(axis.key, axis.from)}${axis.from === axis.to ? "" : `–${formatAxisValue(axis.key, axis.to)}`}), so ${formatAxisValue(axis.key, spec.base[control.key as SweepAxisKey] ?? axis.from)} here is not used.`
                      : undefined
                  }
                  onChange={(value) => setSpec((current) => ({ ...current, base: { ...current.base, [control.key]: value } }))}
                />
              );
            })}
            {CHOICE_SETTING_KEYS.map((key) => (
              <SettingSelect
                key={key}
                settingKey={key}
                value={spec.base[key]}
                onChange={(value) =>
                  setSpec((current) => {
                    const base = { ...current.base, [key]: value };
                    // A new optimizer brings its usual learning rate when the current one does not fit it.
                    if (key === "optimizer" && settingsProblems(base).learningRate) base.learningRate = usualLearningRate(value as Optimizer);
                    return { ...current, base };
                  })
                }
              />
            ))}
          </div>
        </details>
      </section>

      <section className="card" aria-labelledby="sweep-map-heading" aria-busy={stale}>
        <div className={`panel-head ${styles.resultHead}`}>
          <h2 id="sweep-map-heading">
            {SWEEP_AXES[spec.y.key].label} × {SWEEP_AXES[spec.x.key].label}
          </h2>
          <fieldset className={styles.views}>
            <legend className="visually-hidden">Colour by</legend>
            {SWEEP_VIEWS.map((view) => (
              <label key={view.id} className={styles.viewOption}>
                <input
                  className="check-input"
                  type="radio"
                  name="sweep-view"
                  value={view.id}
                  checked={spec.view === view.id}
                  onChange={() => setSpec((current) => ({ ...current, view: view.id as SweepView }))}
                />
                {view.label}
              </label>
            ))}
          </fieldset>
        </div>
        <div className={stale ? styles.stale : undefined}>
          <Heatmap grid={grid} spec={heatmapSpec} />
        </div>
        <SweepCalibration spec={deferred} />
      </section>
    </div>
  );
}

/** One axis: which setting, and its range typed as text (kept as typed until valid). */
function AxisFields({ name, title, range, onChange }: { name: "x" | "y"; title: string; range: SweepAxisRange; onChange: (range: SweepAxisRange) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fromText = draft?.from ?? formatAxisValue(range.key, range.from);
  const toText = draft?.to ?? formatAxisValue(range.key, range.to);

  function typed(from: string, to: string) {
    setDraft({ from, to });
    const checked = checkRange(range.key, from, to);
    if ("range" in checked) {
      setError(null);
      onChange(checked.range);
    } else setError(checked.error);
  }

  return (
    <fieldset className={styles.axis}>
      <legend>{title}</legend>
      <label htmlFor={`${id}-key`} className="visually-hidden">
        {title} setting
      </label>
      <select
        id={`${id}-key`}
        value={range.key}
        data-axis={name}
        onChange={(event) => {
          setDraft(null);
          setError(null);
          onChange(defaultRange(event.target.value as SweepAxisKey));
        }}
      >
        {SWEEP_AXIS_KEYS.map((key) => (
          <option key={key} value={key}>
            {SWEEP_AXES[key].label}
          </option>
        ))}
      </select>
      <div className={styles.rangeRow}>
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={fromText}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => typed(event.target.value, toText)}
          onBlur={() => !error && setDraft(null)}
        />
        <label htmlFor={`${id}-to`}>to</label>
        <input
          id={`${id}-to`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={toText}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => typed(fromText, event.target.value)}
          onBlur={() => !error && setDraft(null)}
        />
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

"use client";
// The playground: every setting as a slider, the simulator running in the
// browser on each change, the previous settings kept as a ghost line, the
// state mirrored into the URL, and "Save as run" storing it through the API.
import { EstimatePanel } from "@/app/ui/decide/estimate-panel";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { randomSeed, simulate, type SimulationResult } from "@/lib/sim";
import {
  describeChange,
  epochRows,
  playgroundSearchParams,
  PLAYGROUND_DEFAULTS,
  sameState,
  SETTING_CONTROLS,
  stepRows,
  stepsFormula,
  type PlaygroundState,
} from "@/lib/playground";
import { formatDelta, formatInteger, formatScore } from "@/lib/format";
import { LineChart, type ChartSeries } from "@/app/ui/charts/line-chart";
import { SettingSlider } from "@/app/ui/settings/setting-slider";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { CheckpointTable } from "@/app/ui/checkpoint-table";
import { SaveRun } from "./save-run";
import styles from "./playground.module.css";

/** Changes closer together than this are one gesture (one drag, a burst of arrow keys): the ghost stays put. */
const GESTURE_IDLE_MS = 700;
/** The URL follows the settings after this pause, so a drag does not flood the history API. */
const URL_DELAY_MS = 150;

function run(state: PlaygroundState): SimulationResult {
  return simulate(state.settings, { batchRule: state.batchRule });
}

export function PlaygroundClient({ initialState }: { initialState: PlaygroundState }) {
  const [state, setState] = useState(initialState);
  const [ghost, setGhost] = useState<PlaygroundState | null>(null);
  const [showGhost, setShowGhost] = useState(true);
  const gestureTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  function apply(next: PlaygroundState) {
    if (sameState(next, state)) return;
    if (gestureTimer.current === null) setGhost(state);
    else clearTimeout(gestureTimer.current);
    gestureTimer.current = setTimeout(() => {
      gestureTimer.current = null;
    }, GESTURE_IDLE_MS);
    setState(next);
  }

  const setSetting = (key: keyof PlaygroundState["settings"], value: number) => apply({ ...state, settings: { ...state.settings, [key]: value } });

  useEffect(() => {
    const timer = setTimeout(() => {
      const query = playgroundSearchParams(state).toString();
      if (window.location.search !== `?${query}`) window.history.replaceState(null, "", `?${query}`);
    }, URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state]);

  useEffect(() => () => {
    if (gestureTimer.current !== null) clearTimeout(gestureTimer.current);
  }, []);

  // Sliders answer at once; the charts render from a deferred copy so a drag never stutters.
  const shown = useDeferredValue(state);
  const shownGhost = useDeferredValue(showGhost && ghost && !sameState(ghost, state) ? ghost : null);
  const result = useMemo(() => run(shown), [shown]);
  const ghostResult = useMemo(() => (shownGhost ? run(shownGhost) : null), [shownGhost]);
  const change = shownGhost ? describeChange(shownGhost, shown) : "";

  const best = result.checkpoints[result.recommendedEpoch - 1];
  const last = result.checkpoints[result.checkpoints.length - 1];
  const ghostBest = ghostResult ? ghostResult.checkpoints[ghostResult.recommendedEpoch - 1] : null;
  const ghostLast = ghostResult ? ghostResult.checkpoints[ghostResult.checkpoints.length - 1] : null;

  const scoreSeries: ChartSeries[] = [
    { key: "quality", label: "Quality", color: "var(--series-1)", dots: true },
    { key: "fidelity", label: "Fidelity", color: "var(--series-3)" },
    { key: "flexibility", label: "Flexibility", color: "var(--series-6)" },
    { key: "overfitRisk", label: "Overfit risk", color: "var(--overfit)" },
  ];
  if (ghostResult) {
    scoreSeries.push(
      { key: "ghostQuality", label: "Quality before", color: "var(--series-1)", dashed: true, faint: true },
      { key: "ghostOverfitRisk", label: "Overfit risk before", color: "var(--overfit)", dashed: true, faint: true },
    );
  }
  const lossSeries: ChartSeries[] = [
    { key: "trainLoss", label: "Training loss", color: "var(--series-2)", faint: true, opacity: 0.3, connectNulls: true },
    { key: "smoothLoss", label: "Training loss, smoothed", color: "var(--series-2)", connectNulls: true },
    { key: "validationLoss", label: "Validation loss", color: "var(--series-4)", dots: true, connectNulls: true },
  ];
  if (ghostResult) lossSeries.push({ key: "ghostSmoothLoss", label: "Smoothed loss before", color: "var(--text-muted)", dashed: true, connectNulls: true });

  return (
    <div className={styles.layout}>
      <section className={`card ${styles.controls}`} aria-labelledby="settings-heading">
        <div className={styles.controlsHead}>
          <h2 id="settings-heading">Settings</h2>
          <button type="button" className="button button-small" onClick={() => apply({ settings: PLAYGROUND_DEFAULTS, batchRule: "linear" })}>
            Reset
          </button>
        </div>
        <div className={styles.sliders}>
          {SETTING_CONTROLS.map((control) => (
            <SettingSlider key={control.key} control={control} value={state.settings[control.key]} onChange={(value) => setSetting(control.key, value)} />
          ))}
        </div>
        <div className={styles.switchRow}>
          <label className={styles.switchLabel}>
            <input
              type="checkbox"
              role="switch"
              checked={state.batchRule === "sqrt"}
              aria-describedby="batch-rule-hint"
              onChange={(event) => apply({ ...state, batchRule: event.target.checked ? "sqrt" : "linear" })}
            />
            Adam √batch
          </label>
          <p id="batch-rule-hint" className={styles.hint}>
            The article raises the LR in proportion to the batch; measurements with the Adam optimiser fit √batch better, so batch 2 needs only about 1.4× the LR.
          </p>
        </div>
        <SeedField seed={state.settings.seed} onChange={(seed) => setSetting("seed", seed)} />
        <SaveRun settings={state.settings} sqrtRule={state.batchRule === "sqrt"} />
      </section>

      <div className={styles.results}>
        <section className="card" aria-label="Summary">
          <p className={styles.steps} data-testid="steps-readout">
            {stepsFormula(shown.settings)}
          </p>
          <dl className={styles.stats}>
            <div>
              <dt>Best epoch</dt>
              <dd data-testid="best-epoch">
                {result.recommendedEpoch} <span className="muted">of {shown.settings.epochs}</span>
                {ghostResult && ghostResult.recommendedEpoch !== result.recommendedEpoch && <span className={styles.delta}> (was {ghostResult.recommendedEpoch})</span>}
              </dd>
            </div>
            <div>
              <dt>Best quality</dt>
              <dd data-testid="best-quality">
                {formatScore(best.quality)}
                {ghostBest && <span className={styles.delta}> ({formatDelta(best.quality - ghostBest.quality)})</span>}
              </dd>
            </div>
            <div>
              <dt>Last epoch</dt>
              <dd>
                <VerdictBadge verdict={last.verdict} />
              </dd>
            </div>
            <div>
              <dt>Final overfit risk</dt>
              <dd>
                {formatScore(last.overfitRisk)}
                {ghostLast && <span className={styles.delta}> ({formatDelta(last.overfitRisk - ghostLast.overfitRisk)})</span>}
              </dd>
            </div>
          </dl>
          <div className={styles.ghostRow}>
            <label className={styles.switchLabel}>
              <input type="checkbox" checked={showGhost} onChange={(event) => setShowGhost(event.target.checked)} />
              Show the previous run
            </label>
            <p className={styles.hint} aria-live="polite" data-testid="ghost-change">
              {change ? `Faint lines: before ${change}.` : "Change a setting to keep the previous run as a faint line."}
            </p>
          </div>
        </section>

        <section className="card" aria-labelledby="scores-heading">
          <h2 id="scores-heading">Checkpoints by epoch</h2>
          <LineChart
            rows={epochRows(result, ghostResult)}
            xKey="epoch"
            xLabel="Epoch"
            series={scoreSeries}
            yDomain={[0, 1]}
            formatY={formatScore}
            markers={[{ x: result.recommendedEpoch, label: `best ${result.recommendedEpoch}`, color: "var(--balanced)", dashed: true, labelSide: result.recommendedEpoch > shown.settings.epochs / 2 ? "left" : "right" }]}
            label={`Quality, fidelity, flexibility and overfit risk for each of ${shown.settings.epochs} epochs; quality peaks at epoch ${result.recommendedEpoch} (${formatScore(best.quality)}).`}
          />
        </section>

        <section className="card" aria-labelledby="loss-heading">
          <h2 id="loss-heading">Loss by step</h2>
          <LineChart
            rows={stepRows(result, ghostResult)}
            xKey="step"
            xLabel="Step"
            xDomain={[0, "dataMax"]}
            series={lossSeries}
            formatY={(value) => value.toFixed(3)}
            label={`Training loss over ${formatInteger(result.totalSteps)} steps and validation loss at each epoch.`}
          />
        </section>

        <EstimatePanel
          images={state.settings.images}
          repeats={state.settings.repeats}
          epochs={state.settings.epochs}
          batchSize={state.settings.batchSize}
        />

        <details className="card">
          <summary>Checkpoint numbers</summary>
          <div className="table-wrap" style={{ marginTop: "var(--space-3)" }}>
            <CheckpointTable checkpoints={result.checkpoints} recommendedEpoch={result.recommendedEpoch} caption="Every checkpoint of the simulated run" />
          </div>
        </details>
      </div>
    </div>
  );
}

/** The noise seed: same settings and seed give the same run; "New seed" draws another. */
function SeedField({ seed, onChange }: { seed: number; onChange: (seed: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const valid = (text: string) => /^\d+$/.test(text.trim()) && Number(text) <= 2 ** 31 - 1;
  return (
    <div className={styles.seedRow}>
      <label htmlFor="seed-input">Seed</label>
      <input
        id="seed-input"
        className={styles.seedInput}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={draft ?? String(seed)}
        aria-invalid={draft !== null && !valid(draft) ? true : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          if (valid(event.target.value)) onChange(Number(event.target.value));
        }}
        onBlur={() => setDraft(null)}
      />
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setDraft(null);
          onChange(randomSeed());
        }}
      >
        New seed
      </button>
    </div>
  );
}

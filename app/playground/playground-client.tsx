"use client";
// The playground: every setting as a slider, the simulator running in the
// browser on each change, the previous settings kept as a ghost line, the
// state mirrored into the URL, and "Save as run" storing it through the API.
import { EstimatePanel } from "@/app/ui/decide/estimate-panel";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { CHOICE_SETTING_KEYS, METRICS, randomSeed, simulate, type Optimizer, type SimulationResult } from "@/lib/sim";
import {
  describeChange,
  epochRows,
  learningRateControl,
  settingsProblems,
  usualLearningRate,
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
import { LossChartControls, useLossView } from "@/app/ui/charts/loss-chart-controls";
import { LOSS_SMOOTHING } from "@/lib/playground/chart-rows";
import type { XAxisKind } from "@/lib/charts/smoothing";
import { SettingSlider } from "@/app/ui/settings/setting-slider";
import { SettingSelect } from "@/app/ui/settings/setting-select";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { CheckpointTable } from "@/app/ui/checkpoint-table";
import { useUrlState } from "@/app/ui/use-url-state";
import { SaveRun } from "./save-run";
import { CalibratedPrediction } from "@/app/ui/calibration/calibrated-prediction";
import styles from "./playground.module.css";
import { Button } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

/** Changes closer together than this are one gesture (one drag, a burst of arrow keys): the ghost stays put. */
const GESTURE_IDLE_MS = 700;

const SCORE_SERIES: ChartSeries[] = [
  { key: "quality", label: METRICS.quality.label, color: METRICS.quality.color, dots: true },
  { key: "fidelity", label: METRICS.fidelity.label, color: METRICS.fidelity.color },
  { key: "flexibility", label: METRICS.flexibility.label, color: METRICS.flexibility.color },
  { key: "overfitRisk", label: METRICS.overfitRisk.label, color: METRICS.overfitRisk.color },
];
const GHOST_SCORE_SERIES: ChartSeries[] = [
  { key: "ghostQuality", label: `${METRICS.quality.label} before`, color: METRICS.quality.color, dashed: true, faint: true },
  { key: "ghostOverfitRisk", label: `${METRICS.overfitRisk.label} before`, color: METRICS.overfitRisk.color, dashed: true, faint: true },
];
const LOSS_SERIES: ChartSeries[] = [
  { key: "trainLoss", label: METRICS.trainLoss.label, color: METRICS.trainLoss.color, faint: true, opacity: 0.3, connectNulls: true },
  { key: "smoothLoss", label: `${METRICS.trainLoss.label}, smoothed`, color: METRICS.trainLoss.color, connectNulls: true },
  { key: "validationLoss", label: METRICS.validationLoss.label, color: METRICS.validationLoss.color, dots: true, connectNulls: true },
];
const GHOST_LOSS_SERIES: ChartSeries = { key: "ghostSmoothLoss", label: "Smoothed loss before", color: "var(--text-muted)", dashed: true, connectNulls: true };
const formatLoss = (value: number) => value.toFixed(3);
const LOSS_X_LABELS: Record<XAxisKind, string> = { steps: "Step", epochs: "Epoch", images: "Images seen" };
/** The loss chart's x tick format per axis kind: one function per kind, so the chart's axis is not redrawn for a new one. */
const LOSS_X_FORMATS: Record<XAxisKind, (value: number) => string> = {
  steps: (value) => formatInteger(Math.round(value)),
  epochs: (value) => (Number.isInteger(value) ? String(value) : value.toFixed(1)),
  images: (value) => formatInteger(Math.round(value)),
};
const LOSS_X_DOMAIN: [number, "dataMax"] = [0, "dataMax"];
/** The smoothing weight the playground's loss chart opens with (TensorBoard's slider; the smoothed line it always drew). */
/** The settings' query, keeping the loss chart's view (smoothing, x axis) that its own control wrote. */
function playgroundUrl(state: PlaygroundState): URLSearchParams {
  const params = playgroundSearchParams(state);
  const current = new URLSearchParams(window.location.search);
  for (const key of ["smoothing", "x"]) {
    const value = current.get(key);
    if (value !== null) params.set(key, value);
  }
  return params;
}

const PLAYGROUND_SMOOTHING = Number((1 - LOSS_SMOOTHING).toFixed(2));

function run(state: PlaygroundState): SimulationResult {
  return simulate(state.settings, { batchRule: state.batchRule });
}

export function PlaygroundClient({ initialState }: { initialState: PlaygroundState }) {
  const [state, setState] = useUrlState(initialState, playgroundUrl);
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

  const setSetting = (key: keyof PlaygroundState["settings"], value: number | string) => apply({ ...state, settings: { ...state.settings, [key]: value } });

  /** A new optimizer brings its usual learning rate when the current one does not fit it (Prodigy's 1 versus 1e-4). */
  function setOptimizer(optimizer: Optimizer) {
    const settings = { ...state.settings, optimizer };
    if (settingsProblems(settings).learningRate) settings.learningRate = usualLearningRate(optimizer);
    apply({ ...state, settings });
  }

  // Settings that disagree with each other (warm-up longer than the run, say) are named by field; the charts keep the last valid run.
  const problems = settingsProblems(state.settings);
  const problemEntries = Object.entries(problems);
  const [lastValid, setLastValid] = useState(state);
  if (problemEntries.length === 0 && lastValid !== state) setLastValid(state);
  const valid = problemEntries.length === 0 ? state : lastValid;

  // The loss chart's smoothing and x axis live in the URL beside the settings.
  const [lossView, setLossView] = useLossView({ defaultSmoothing: PLAYGROUND_SMOOTHING });

  useEffect(
    () => () => {
      if (gestureTimer.current !== null) clearTimeout(gestureTimer.current);
    },
    [],
  );

  // Sliders answer at once; the charts render from a deferred copy so a drag never stutters.
  const shown = useDeferredValue(valid);
  const shownGhost = useDeferredValue(showGhost && ghost && !sameState(ghost, valid) && Object.keys(settingsProblems(ghost.settings)).length === 0 ? ghost : null);
  const result = useMemo(() => run(shown), [shown]);
  const ghostResult = useMemo(() => (shownGhost ? run(shownGhost) : null), [shownGhost]);
  const change = shownGhost ? describeChange(shownGhost, shown) : "";

  const best = result.checkpoints[result.recommendedEpoch - 1];
  const last = result.checkpoints[result.checkpoints.length - 1];
  const ghostBest = ghostResult ? ghostResult.checkpoints[ghostResult.recommendedEpoch - 1] : null;
  const ghostLast = ghostResult ? ghostResult.checkpoints[ghostResult.checkpoints.length - 1] : null;

  // The charts only change when the deferred result does: a key press re-renders the
  // sliders and the summary at once, and the charts follow from the deferred copy.
  const charts = useMemo(
    () => ({
      scores: (
        <LineChart
          rows={epochRows(result, ghostResult)}
          xKey="epoch"
          xLabel="Epoch"
          series={ghostResult ? [...SCORE_SERIES, ...GHOST_SCORE_SERIES] : SCORE_SERIES}
          yDomain={[0, 1]}
          formatY={formatScore}
          markers={[
            {
              x: result.recommendedEpoch,
              label: `best ${result.recommendedEpoch}`,
              color: "var(--balanced)",
              dashed: true,
              labelSide: result.recommendedEpoch > result.settings.epochs / 2 ? "left" : "right",
            },
          ]}
          label={`Quality, fidelity, flexibility and overfit risk for each of ${result.settings.epochs} epochs; quality peaks at epoch ${result.recommendedEpoch} (${formatScore(result.checkpoints[result.recommendedEpoch - 1].quality)}).`}
        />
      ),
      loss: (
        <LineChart
          rows={stepRows(result, ghostResult, 1 - lossView.smoothing, lossView.xAxis)}
          xKey="x"
          xLabel={LOSS_X_LABELS[lossView.xAxis]}
          xDomain={LOSS_X_DOMAIN}
          series={ghostResult ? [...LOSS_SERIES, GHOST_LOSS_SERIES] : LOSS_SERIES}
          formatX={LOSS_X_FORMATS[lossView.xAxis]}
          formatY={formatLoss}
          label={`Training loss over ${formatInteger(result.totalSteps)} steps (smoothed with weight ${lossView.smoothing.toFixed(2)}) and validation loss at each epoch, by ${LOSS_X_LABELS[lossView.xAxis].toLowerCase()}.`}
        />
      ),
    }),
    [result, ghostResult, lossView.smoothing, lossView.xAxis],
  );

  // The panels below the charts follow the same deferred copy: a key press leaves them alone.
  const panels = useMemo(
    () => ({
      calibration: <CalibratedPrediction settings={shown.settings} batchRule={shown.batchRule} />,
      estimate: <EstimatePanel images={shown.settings.images} repeats={shown.settings.repeats} epochs={shown.settings.epochs} batchSize={shown.settings.batchSize} />,
      table: <CheckpointTable checkpoints={result.checkpoints} recommendedEpoch={result.recommendedEpoch} caption="Every checkpoint of the simulated run" />,
    }),
    [shown, result],
  );

  return (
    <div className="sidebar-layout">
      <section className={`card stack ${styles.controls}`} aria-labelledby="settings-heading">
        <div className="panel-head">
          <h2 id="settings-heading">Settings</h2>
          <Button size="small" onClick={() => apply({ settings: PLAYGROUND_DEFAULTS, batchRule: "linear" })}>
            Reset
          </Button>
        </div>
        <div className={styles.sliders}>
          {SETTING_CONTROLS.map((control) => (
            <SettingSlider
              key={control.key}
              control={control.key === "learningRate" ? learningRateControl(state.settings.optimizer) : control}
              value={state.settings[control.key]}
              problem={problems[control.key]}
              onChange={(value) => setSetting(control.key, value)}
            />
          ))}
          {CHOICE_SETTING_KEYS.map((key) => (
            <SettingSelect key={key} settingKey={key} value={state.settings[key]} onChange={(value) => (key === "optimizer" ? setOptimizer(value as Optimizer) : setSetting(key, value))} />
          ))}
        </div>
        <div role="alert" data-testid="settings-problems">
          {problemEntries.length > 0 && (
            <Alert as="div" tone="error">
              <p>These settings do not make a valid run; the charts show the last valid one:</p>
              <ul>
                {problemEntries.map(([field, message]) => (
                  <li key={field}>{message}</li>
                ))}
              </ul>
            </Alert>
          )}
        </div>
        <div className={styles.switchRow}>
          <label className="check-label">
            <input
              type="checkbox"
              role="switch"
              checked={state.batchRule === "sqrt"}
              aria-describedby="batch-rule-hint"
              onChange={(event) => apply({ ...state, batchRule: event.target.checked ? "sqrt" : "linear" })}
            />
            Adam √batch
          </label>
          <p id="batch-rule-hint" className="field-hint">
            The article raises the LR in proportion to the batch; measurements with the Adam optimiser fit √batch better, so batch 2 needs only about 1.4× the LR.
          </p>
        </div>
        <SeedField seed={state.settings.seed} onChange={(seed) => setSetting("seed", seed)} />
        <SaveRun settings={valid.settings} sqrtRule={state.batchRule === "sqrt"} disabled={problemEntries.length > 0} />
      </section>

      <div className={`stack ${styles.results}`}>
        <section className="card" aria-label="Summary">
          <p className={styles.steps} data-testid="steps-readout">
            {stepsFormula(shown.settings)}
          </p>
          <dl className={`stat-list ${styles.stats}`}>
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
                <VerdictBadge verdict={last.verdict} quality={last.quality} bestQuality={best.quality} />
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
            <label className="check-label">
              <input type="checkbox" checked={showGhost} onChange={(event) => setShowGhost(event.target.checked)} />
              Show the previous run
            </label>
            <p className="field-hint" aria-live="polite" data-testid="ghost-change">
              {change ? `Faint lines: before ${change}.` : "Change a setting to keep the previous run as a faint line."}
            </p>
          </div>
        </section>

        {panels.calibration}

        <section className="card" aria-labelledby="scores-heading">
          <h2 id="scores-heading">Checkpoints by epoch</h2>
          {charts.scores}
        </section>

        <section className="card" aria-labelledby="loss-heading">
          <h2 id="loss-heading">Loss</h2>
          <LossChartControls view={lossView} onChange={setLossView} />
          {charts.loss}
        </section>

        {panels.estimate}

        <details className="card">
          <summary>Checkpoint numbers</summary>
          <div className="table-wrap" style={{ marginTop: "var(--space-3)" }}>
            {panels.table}
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
      <Button
        size="small"
        onClick={() => {
          setDraft(null);
          onChange(randomSeed());
        }}
      >
        New seed
      </Button>
    </div>
  );
}

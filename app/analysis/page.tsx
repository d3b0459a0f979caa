// /analysis: the views experiment trackers offer, over stored runs and over a
// simulated population: parallel coordinates with brushing, which settings
// matter (a variance-based importance), and the epoch × LoRA-strength grid.
// Everything the page shows is read from its URL.
import type { Metadata } from "next";
import {
  describeImportance,
  firstOrderImportance,
  axisValuesOf,
  CHOICE_OPTIONS,
  formatAxisValue,
  formatBrush,
  isChoiceKey,
  IMPORTANCE_METHOD,
  OUTCOMES,
  PARALLEL_AXES,
  parallelAxis,
  parseAnalysisParams,
  POPULATION_KEYS,
  samplePopulation,
  settingValue,
  type AnalysisState,
  type AxisValues,
  type PopulationKey,
} from "@/lib/analysis";
import type { SearchParamsRecord } from "@/lib/playground";
import { SETTINGS, simulate } from "@/lib/sim";
import { bestStrengthCell, STRENGTH, strengthGrid } from "@/lib/sim/strength";
import { loadRun, loadStoredRuns } from "./data";
import { ParallelCoordinates, type ParallelRows } from "./parallel-coordinates";
import { PopulationFormShell } from "./population-form-shell";
import { RunPicker } from "./run-picker";
import { StrengthGrid } from "./strength-grid";
import styles from "./analysis.module.css";
import { Alert } from "@/app/ui/alert";
import { PageHeader } from "@/app/ui/page-header";
import { Button, ButtonLink } from "@/app/ui/button";

export const metadata: Metadata = { title: "Analysis" };
export const dynamic = "force-dynamic";

/** Population runs sent to the browser for drawing (the importance uses all of them). */
const DRAWN_POPULATION = 600;
/** Settings described in a sentence under the importance bars. */
const DESCRIBED = 3;

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function AnalysisPage({ searchParams }: Props) {
  const params = await searchParams;
  const { state, notices } = parseAnalysisParams(params);
  const [stored, chosenRun] = await Promise.all([loadStoredRuns(), state.run ? loadRun(state.run) : null]);
  if (state.run && !chosenRun) notices.push(`run="${state.run}" is not a stored run; the grid shows the simulated run at the chosen settings.`);

  const population = samplePopulation({ centre: state.centre, vary: state.vary, size: state.size, seed: state.popSeed });
  const outcomeLabel = OUTCOMES.find((o) => o.id === state.outcome)!.label;
  const importance = firstOrderImportance(
    population,
    POPULATION_KEYS,
    (run, key) => settingValue(run.settings, key),
    (run) => run[state.outcome],
  );
  const varied = importance.filter((entry) => state.vary.includes(entry.key));

  const storedRows: ParallelRows = {
    kind: "runs",
    values: stored.runs.map((run) => rowValues(axisValuesOf(run, { bestQuality: run.bestQuality, bestEpoch: run.recommendedEpoch }))),
    labels: stored.runs.map((run) => run.name),
    hrefs: stored.runs.map((run) => `/runs/${run.id}`),
  };
  const drawn = population.slice(0, DRAWN_POPULATION);
  // Named and linked in the browser from their values: only the few listed need a name and a link.
  const populationRows: ParallelRows = { kind: "population", values: drawn.map((run) => rowValues(axisValuesOf(run.settings, run))), vary: state.vary };

  const gridSource = chosenRun
    ? { label: `“${chosenRun.name}”`, checkpoints: chosenRun.checkpoints, recommendedEpoch: chosenRun.recommendedEpoch }
    : (() => {
        const result = simulate({ ...state.centre, seed: 1 }, { lossCurve: false });
        return { label: "the simulated run at the chosen settings", checkpoints: result.checkpoints, recommendedEpoch: result.recommendedEpoch };
      })();
  const grid = strengthGrid(gridSource.checkpoints);
  const best = bestStrengthCell(grid)!;
  const lastRow = grid[grid.length - 1];
  const lastBest = lastRow.reduce((top, cell) => (cell.quality > top.quality ? cell : top), lastRow[0]);
  const recommendedQuality = gridSource.checkpoints[gridSource.recommendedEpoch - 1]?.quality ?? 0;

  return (
    <div className="page">
      <PageHeader title="Analysis" description="Which settings matter, across your stored runs and across thousands of simulated ones, and which epoch to use at which LoRA strength." />
      {notices.length > 0 && (
        <Alert as="div" tone="warning" role="status" style={{ marginBottom: "var(--space-4)" }}>
          <p style={{ margin: 0 }}>Some parts of the link were not valid and use their defaults:</p>
          <ul className={styles.noticeList}>
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </Alert>
      )}

      <nav aria-label="Sections" className={styles.sectionNav}>
        <a href="#stored-runs">Stored runs</a>
        <a href="#population">Simulated population</a>
        <a href="#importance">Which settings matter</a>
        <a href="#strength">Epoch × strength</a>
      </nav>

      <section className={`card ${styles.section}`} aria-labelledby="stored-runs">
        <h2 id="stored-runs">Stored runs</h2>
        {storedRows.values.length === 0 ? (
          <div className="empty-state">
            <p>No stored runs yet: the parallel coordinates need a few.</p>
            <ButtonLink href="/runs/new" variant="primary">
              New run
            </ButtonLink>
          </div>
        ) : (
          <>
            <p className="muted">
              Every stored run{stored.more ? ` (the newest ${storedRows.values.length})` : ""}: one line per run, one axis per setting, best quality and best epoch last. Stored runs were not drawn at
              random, so read patterns here as hints; the population below answers “which settings matter”.
            </p>
            <ParallelCoordinates id="runs" title="Parallel coordinates of the stored runs" rows={storedRows} param="runsBrush" initialBrush={state.runsBrush} noun="run" />
          </>
        )}
      </section>

      <section className={`card ${styles.section}`} aria-labelledby="population">
        <h2 id="population">Simulated population</h2>
        <p className="muted">
          {state.size.toLocaleString("en")} runs drawn around the settings below (learning rates, counts, rank and alpha from half or a quarter to two or four times, fractions ±0.3, warm-up from 0 to
          twice the centre’s or 300 steps, the optimizer, scheduler and base model from all their options; with Prodigy the learning rate is its multiplier around 1), each simulated in full;{" "}
          {Math.min(DRAWN_POPULATION, population.length)} of them are drawn.
        </p>
        <PopulationForm state={state} />
        <ParallelCoordinates
          id="population"
          title="Parallel coordinates of the simulated population"
          rows={populationRows}
          param="popBrush"
          initialBrush={state.popBrush}
          noun="simulated run"
          listLimit={8}
        />
      </section>

      <section className={`card ${styles.section}`} aria-labelledby="importance">
        <h2 id="importance">Which settings matter at {state.centre.images} images</h2>
        <p className="muted">
          Method: {IMPORTANCE_METHOD}. Each bar is the share of the spread in {outcomeLabel} across the population that the setting explains on its own; what is left is noise-free interaction between
          settings. Settings held fixed explain nothing.
        </p>
        {varied.length === 0 ? (
          <p>Nothing varies: tick at least one setting to vary above.</p>
        ) : (
          <>
            <ol className={styles.importanceList} aria-label={`Importance for ${outcomeLabel}`}>
              {varied.map((entry) => (
                <li key={entry.key}>
                  <span className={styles.importanceLabel}>{parallelAxis(entry.key).label}</span>
                  <span className={styles.importanceBar} aria-hidden="true">
                    <span style={{ width: `${Math.max(0.5, entry.index * 100)}%` }} />
                  </span>
                  <span className={styles.importanceValue}>{Math.round(entry.index * 100)}%</span>
                </li>
              ))}
            </ol>
            <ul className={styles.sentences}>
              {varied.slice(0, DESCRIBED).map((entry) => (
                <li key={entry.key}>{describeImportance(entry, parallelAxis(entry.key).label, outcomeLabel, (value) => formatAxisValue(entry.key, value), { categorical: isChoiceKey(entry.key) })}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className={`card ${styles.section}`} aria-labelledby="strength">
        <h2 id="strength">Epoch × LoRA strength</h2>
        <p className="muted">
          The grid people build with A1111’s or ComfyUI’s X/Y plots, simulated for {gridSource.label}: every epoch at strengths {STRENGTH.GRID[0]}–{STRENGTH.GRID[STRENGTH.GRID.length - 1]}, coloured
          by quality. Strength scales the LoRA’s update (kohya’s multiplier, diffusers’ scale): lower strength gives back flexibility, higher adds likeness.
        </p>
        <RunPicker>
          <HiddenState params={params} omit={["run"]} />
          <label htmlFor="grid-run">Run</label>
          <select id="grid-run" name="run" defaultValue={chosenRun?.id ?? ""}>
            <option value="">Simulated at the chosen settings</option>
            {stored.runs.map((run) => (
              <option key={run.id} value={run.id}>
                {run.name}
              </option>
            ))}
          </select>
          <Button type="submit" size="small">
            Show grid
          </Button>
        </RunPicker>
        <p>
          Best cell: epoch {best.epoch} at strength {best.strength.toFixed(1)} (quality {best.quality.toFixed(2)}). The last epoch, {lastRow[0].epoch}, does best at strength{" "}
          {lastBest.strength.toFixed(1)} (quality {lastBest.quality.toFixed(2)}), against {recommendedQuality.toFixed(2)} for the recommended epoch {gridSource.recommendedEpoch} at full strength.
        </p>
        <StrengthGrid
          // A new grid is a new table: the cell in the tab order starts over at its best cell.
          key={chosenRun?.id ?? `simulated ${JSON.stringify(state.centre)}`}
          rows={grid.map((row) => ({ epoch: row[0].epoch, cells: row.map(({ strength, quality, fidelity, flexibility }) => ({ strength, quality, fidelity, flexibility })) }))}
          strengths={[...STRENGTH.GRID]}
          best={{ epoch: best.epoch, strength: best.strength }}
          recommendedEpoch={gridSource.recommendedEpoch}
          runLabel={gridSource.label}
        />
      </section>
    </div>
  );
}

/** Axis values in PARALLEL_AXES order, as the chart reads them. */
function rowValues(values: AxisValues): number[] {
  return PARALLEL_AXES.map((axis) => values[axis.key]);
}

const CENTRE_FIELDS: { key: PopulationKey; step: string }[] = [
  { key: "images", step: "1" },
  { key: "repeats", step: "1" },
  { key: "epochs", step: "1" },
  { key: "batchSize", step: "1" },
  { key: "learningRate", step: "any" },
  { key: "textEncoderLearningRate", step: "any" },
  { key: "captionQuality", step: "0.05" },
  { key: "datasetSimilarity", step: "0.05" },
  { key: "networkDim", step: "1" },
  { key: "networkAlpha", step: "any" },
  { key: "optimizer", step: "" },
  { key: "lrScheduler", step: "" },
  { key: "warmupSteps", step: "1" },
  { key: "modelFamily", step: "" },
];

/** The population's settings as a plain GET form: it works before any script loads, and its result is a shareable URL. */
function PopulationForm({ state }: { state: AnalysisState }) {
  return (
    <PopulationFormShell>
      {state.run && <input type="hidden" name="run" value={state.run} />}
      {Object.keys(state.runsBrush).length > 0 && <input type="hidden" name="runsBrush" value={formatBrush(state.runsBrush)} />}
      <input type="hidden" name="vary" value="" />
      <fieldset className={styles.centreFields}>
        <legend>Centre settings (tick the ones to vary)</legend>
        {CENTRE_FIELDS.map(({ key, step }) => (
          <div key={key} className={styles.centreField}>
            <label htmlFor={`centre-${key}`}>{parallelAxis(key).label}</label>
            {isChoiceKey(key) ? (
              <select id={`centre-${key}`} name={key} defaultValue={state.centre[key]}>
                {CHOICE_OPTIONS[key].map((value) => (
                  <option key={value} value={value}>
                    {SETTINGS[key].format(value)}
                  </option>
                ))}
              </select>
            ) : (
              <input id={`centre-${key}`} name={key} type="number" step={step} defaultValue={state.centre[key]} inputMode="decimal" />
            )}
            <label className={styles.varyToggle}>
              <input type="checkbox" name="vary" value={key} defaultChecked={state.vary.includes(key)} aria-label={`Vary ${parallelAxis(key).label.toLowerCase()}`} />
              <span aria-hidden="true">vary</span>
            </label>
          </div>
        ))}
      </fieldset>
      <div className={styles.populationOptions}>
        <div className={styles.centreField}>
          <label htmlFor="population-size">Runs</label>
          <input id="population-size" name="size" type="number" min={100} max={5000} step={100} defaultValue={state.size} />
        </div>
        <div className={styles.centreField}>
          <label htmlFor="population-seed">Population seed</label>
          <input id="population-seed" name="popSeed" type="number" min={0} step={1} defaultValue={state.popSeed} />
        </div>
        <div className={styles.centreField}>
          <label htmlFor="population-outcome">Explain</label>
          <select id="population-outcome" name="outcome" defaultValue={state.outcome}>
            {OUTCOMES.map((outcome) => (
              <option key={outcome.id} value={outcome.id}>
                {outcome.label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="primary">
          Simulate population
        </Button>
      </div>
    </PopulationFormShell>
  );
}

/** Hidden inputs carrying the rest of the page's state through a GET form. */
function HiddenState({ params, omit }: { params: SearchParamsRecord; omit: string[] }) {
  const entries = Object.entries(params).flatMap(([key, value]) => (omit.includes(key) || value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => [key, v] as const)));
  return (
    <>
      {entries.map(([key, value], i) => (
        <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
      ))}
    </>
  );
}

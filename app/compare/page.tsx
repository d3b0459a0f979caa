// /compare?runs=a,b,c&metric=quality&x=epoch: several runs overlaid on one
// chart, their recommended epochs marked, their training losses overlaid, and
// a table of the settings that differ. Imported (real) runs sit beside
// simulated ones with what their trainer measured; what it did not measure
// (quality, fidelity, …) reads "not measured".
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CHECKPOINT_METRICS, metricDefinition, OVERLAY_METRIC_KEYS, type OverlayMetricKey } from "@/lib/compare/metrics";
import { OVERLAY_AXES, type OverlayAxis } from "@/lib/compare/overlay";
import { COMPARE_RUNS_MAX, COMPARE_RUNS_MIN, compareEpochsHref, compareRunsHref, parseCompareRunsQuery, type CompareRunsQuery } from "@/lib/compare/query";
import { defaultCompareEpochs } from "@/lib/compare/epochs";
import { settingsDiff } from "@/lib/compare/settings-diff";
import { formatInteger, formatScore } from "@/lib/format";
import { getImportedRun, getRuns, InputError, listRuns, runIdsTagged, type ImportedRunDetail, type RunDetail } from "@/lib/server/runs";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { RunsOverlayChart } from "@/app/ui/compare/runs-overlay-chart";
import { CompareSelection } from "@/app/ui/runs-list/compare-selection";
import styles from "@/app/ui/compare/compare.module.css";
import { SAMPLE_PROMPTS } from "@/lib/preview";
import { SampleImage } from "@/app/ui/sample-image";
import { DeferredSampleViewer } from "@/app/ui/sample-viewer/deferred-sample-viewer";
import { formatSampleView, parseSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { realPromptId, realViewerRunOf, viewerRunOf, viewTargetOf } from "@/app/ui/sample-viewer/viewer-run";
import { measuredSteps, mixedOverlayRows, withUnrecorded, type LossOverlayRun, type MixedOverlayRun } from "./mixed-runs";
import { RunsLossChart } from "./runs-loss-chart";

export const metadata: Metadata = { title: "Compare runs" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SERIES_COLORS = ["var(--series-1)", "var(--series-2)", "var(--series-3)", "var(--series-4)", "var(--series-5)", "var(--series-6)"];
const AXIS_LABELS: Record<OverlayAxis, string> = { epoch: "Per epoch", step: "Per step" };
const TRAINER_LABELS: Record<string, string> = { kohya: "kohya sd-scripts", "ai-toolkit": "ai-toolkit" };

/** A compared run: its stored summary and checkpoints, and for an imported run what its trainer measured. */
interface ComparedRun {
  run: RunDetail;
  /** Null for a simulated run. */
  real: ImportedRunDetail | null;
}

/** A real run's step at the end of an epoch: from its files, else from the settings its files gave. */
function realStep(real: ImportedRunDetail, checkpoint: ImportedRunDetail["checkpoints"][number]): number {
  return checkpoint.step ?? checkpoint.epoch * real.stepsPerEpoch;
}

/** The metric chart's curve of a run: a simulated run's checkpoints, or what a real run measured (only validation loss can be). */
function overlayRunOf({ run, real }: ComparedRun, metric: OverlayMetricKey): MixedOverlayRun {
  if (!real) return { points: run.checkpoints.map((c) => ({ epoch: c.epoch, step: c.step, value: c[metric] })), ringEpoch: run.recommendedEpoch };
  return {
    points: real.checkpoints.map((c) => ({ epoch: c.epoch, step: realStep(real, c), value: metric === "validationLoss" ? c.validationLoss : null })),
    ringEpoch: null,
  };
}

/** The loss chart's curve of a run: the simulated per-step training loss, or a real run's measured epoch averages. */
function lossRunOf({ run, real }: ComparedRun): LossOverlayRun {
  if (!real) {
    return {
      name: run.name,
      kind: "simulated",
      stepsPerEpoch: run.stepsPerEpoch,
      geometry: { images: run.images, repeats: run.repeats, batchSize: run.batchSize },
      points: run.lossCurve.map((point) => ({ step: point.step, loss: point.loss })),
    };
  }
  const read = new Set<string>(real.importInfo.read);
  return {
    name: run.name,
    kind: "measured",
    stepsPerEpoch: run.stepsPerEpoch,
    geometry: read.has("images") && read.has("repeats") ? { images: run.images, repeats: run.repeats, batchSize: run.batchSize } : null,
    points: real.checkpoints.flatMap((c) => (c.trainLoss === null ? [] : [{ step: realStep(real, c), loss: c.trainLoss, epoch: c.epoch }])),
  };
}

export default async function CompareRunsPage({ searchParams }: Props) {
  const params = await searchParams;
  const tag = [params.tag ?? []].flat()[0];
  if (tag !== undefined && params.runs === undefined) return <CompareTagged tag={tag} />;
  const parsed = parseCompareRunsQuery(params);
  return (
    <div className="page stack">
      <div className="page-header">
        <div>
          <h1>Compare runs</h1>
          <p>
            {COMPARE_RUNS_MIN} to {COMPARE_RUNS_MAX} runs overlaid, each run&apos;s recommended epoch ringed, and the settings that differ.
          </p>
        </div>
      </div>
      {parsed.ok ? (
        <Comparison query={parsed.query} view={params[VIEW_PARAM]} />
      ) : parsed.empty ? (
        <ChooseRuns />
      ) : (
        <div className="alert alert-error" role="alert">
          <p>{parsed.message}</p>
          <Link href="/">Choose runs in the runs list</Link>
        </div>
      )}
    </div>
  );
}

/** `?tag=x`: every run tagged x (the latest ones, up to the compare limit), opened as a normal comparison. */
async function CompareTagged({ tag }: { tag: string }) {
  let ids: string[] = [];
  let problem: string | null = null;
  try {
    ids = await runIdsTagged(tag, COMPARE_RUNS_MAX);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problem = `“${tag.slice(0, 40)}” is not a tag: ${error.message}.`;
  }
  if (!problem && ids.length >= COMPARE_RUNS_MIN) redirect(compareRunsHref(ids));
  return (
    <div className="page stack">
      <h1>Compare runs</h1>
      <div className="alert alert-error" role="alert">
        <p>{problem ?? `Comparing needs at least ${COMPARE_RUNS_MIN} runs tagged “${tag.slice(0, 40)}”; ${ids.length === 0 ? "none has it" : "only one has it"}.`}</p>
        <Link href="/">Tag runs in the runs list</Link>
      </div>
    </div>
  );
}

/** No runs in the URL yet: the latest runs, to tick and compare. */
async function ChooseRuns() {
  const { runs } = await listRuns({ limit: 12 });
  if (runs.length < COMPARE_RUNS_MIN) {
    return (
      <div className="card empty-state">
        <h2>Not enough runs to compare</h2>
        <p className="muted">Comparing needs at least two stored runs.</p>
        <Link href="/runs/new" className="button button-primary">
          Create a run
        </Link>
      </div>
    );
  }
  return (
    <form id="choose-runs-form" action="/compare" method="get" className={`card ${styles.chooser}`}>
      <h2>Choose runs</h2>
      <p className="muted">
        The latest runs; <Link href="/">the runs list</Link> can search and filter all of them.
      </p>
      <fieldset className={styles.choices}>
        <legend className="visually-hidden">Runs to compare</legend>
        {runs.map((run) => (
          <label key={run.id} className={styles.choice}>
            <input type="checkbox" name="runs" value={run.id} />
            <span>{run.name}</span>
          </label>
        ))}
      </fieldset>
      <CompareSelection formId="choose-runs-form" />
    </form>
  );
}

async function Comparison({ query, view }: { query: CompareRunsQuery; view: string | string[] | undefined }) {
  const runs = await getRuns(query.runIds);
  const compared: ComparedRun[] = await Promise.all(runs.map(async (run) => ({ run, real: run.source === "imported" ? await getImportedRun(run.id) : null })));
  const mixed = compared.some((entry) => entry.real);
  const missing = query.runIds.filter((id) => !runs.some((run) => run.id === id));
  const ids = runs.map((run) => run.id);
  if (runs.length < COMPARE_RUNS_MIN) {
    return (
      <div className="alert alert-error" role="alert">
        <p>
          {missing.length === 1 ? "One of these runs was" : `${missing.length} of these runs were`} not found ({missing.join(", ")}): they may have been deleted. Comparing needs at least{" "}
          {COMPARE_RUNS_MIN} runs.
        </p>
        <Link href="/">Choose runs in the runs list</Link>
      </div>
    );
  }
  const metric = metricDefinition(query.metric);
  const overlay = mixedOverlayRows(
    compared.map((entry) => overlayRunOf(entry, query.metric)),
    query.x,
  );
  const suffix = (entry: ComparedRun) => (!mixed ? "" : !entry.real ? " (simulated)" : query.metric === "validationLoss" ? " (measured)" : " (not measured)");
  const series = runs.map((run, index) => ({
    key: overlay.seriesKeys[index],
    label: `${run.name}${suffix(compared[index])}`,
    color: SERIES_COLORS[index % SERIES_COLORS.length],
    dashed: index >= 3,
    dots: query.x === "epoch" || undefined,
    connectNulls: query.x === "step" || undefined,
  }));
  const points = overlay.recommended.map((point) => ({ x: point.x, y: point.y, color: series[point.run].color }));
  const unmeasured = compared.filter((entry) => entry.real && query.metric !== "validationLoss").map((entry) => entry.run.name);
  const diff = withUnrecorded(
    settingsDiff(runs),
    compared.map((entry) => (entry.real ? new Set<string>(entry.real.importInfo.read) : null)),
    compared.map((entry) => (entry.real ? measuredSteps(entry.real.checkpoints) : null)),
  );
  const lossRuns = compared.map(lossRunOf);
  const sources = compared.map(({ real }) => (real ? `Imported from ${real.trainer ? (TRAINER_LABELS[real.trainer] ?? real.trainer) : "a trainer's folder"}` : "Simulated"));
  const sourcesDiffer = sources.some((source) => source !== sources[0]);
  const differing = diff.filter((row) => row.differs).length;

  return (
    <>
      {missing.length > 0 && (
        <div className="alert alert-warning" role="status">
          Not found (deleted?): {missing.join(", ")}. <Link href={compareRunsHref(ids, query)}>Compare the {runs.length} runs that remain</Link>
        </div>
      )}
      <p>
        <Link href={`/review/new?runs=${ids.map(encodeURIComponent).join(",")}`} className="button">
          Review these runs blind
        </Link>{" "}
        <span className="muted">judge their checkpoints&apos; samples against each other, labelled A and B only</span>
      </p>
      <section className="card stack" aria-labelledby="curves-heading">
        <div className={styles.chartHeader}>
          <h2 id="curves-heading">
            {metric.label} {query.x === "epoch" ? "by epoch" : "by step"}
          </h2>
          <div className={styles.toggles}>
            <nav aria-label="Metric" className={styles.segmented}>
              {OVERLAY_METRIC_KEYS.map((key) => (
                <Link key={key} href={compareRunsHref(ids, { metric: key, x: query.x })} aria-current={key === query.metric ? "true" : undefined} scroll={false}>
                  {metricDefinition(key).label}
                </Link>
              ))}
            </nav>
            <nav aria-label="Horizontal axis" className={styles.segmented}>
              {OVERLAY_AXES.map((axis) => (
                <Link key={axis} href={compareRunsHref(ids, { metric: query.metric, x: axis })} aria-current={axis === query.x ? "true" : undefined} scroll={false}>
                  {AXIS_LABELS[axis]}
                </Link>
              ))}
            </nav>
          </div>
        </div>
        <p className="muted">
          {metric.label}: {metric.hint}.{" "}
          {query.x === "step"
            ? "Against cumulative steps, runs with fewer steps per epoch (larger batches, fewer images or repeats) end sooner."
            : "Against epochs; switch to steps when the runs have different steps per epoch."}{" "}
          A ring marks each run&apos;s recommended epoch.
          {mixed && " Real runs are drawn as their trainer measured them and have no ring: their recommended epoch is only the simulator's prediction."}
        </p>
        {unmeasured.length > 0 && (
          <p className="alert" data-testid="not-measured-note">
            {metric.label} was not measured for {unmeasured.join(", ")}: {unmeasured.length === 1 ? "it is a real run" : "they are real runs"}, and a trainer logs only losses. Switch to validation
            loss to see {unmeasured.length === 1 ? "its" : "their"} measured curve.
          </p>
        )}
        <RunsOverlayChart
          rows={overlay.rows}
          xKey={overlay.xKey}
          series={series}
          points={points}
          metricLabel={metric.label}
          digits={metric.digits}
          label={`${metric.label} of ${runs.length} runs by ${query.x}; recommended epochs: ${runs.map((run) => `${run.name} epoch ${run.recommendedEpoch}`).join(", ")}`}
        />
        <RunsTable compared={compared} metric={query.metric} colors={series.map((s) => s.color)} query={query} />
        <ChartData runs={runs} rows={overlay.rows} seriesKeys={overlay.seriesKeys} xKey={overlay.xKey} metric={query.metric} />
      </section>
      <section className="card stack" aria-labelledby="loss-heading">
        <h2 id="loss-heading">Training loss</h2>
        <p className="muted">
          {mixed
            ? "Simulated runs show the simulator's per-step training loss; real runs the epoch averages their trainer logged (one dot per epoch). Absolute losses differ by model family and trainer: compare the shapes."
            : "Each run's simulated training loss per step."}{" "}
          Smoothing is TensorBoard&apos;s exponential moving average; the x axis counts steps, epochs or images seen.
        </p>
        <RunsLossChart runs={lossRuns} colors={series.map((s) => s.color)} />
      </section>
      <section className="stack" aria-labelledby="settings-heading">
        <div>
          <h2 id="settings-heading">Settings</h2>
          <p className="muted">{differing === 0 ? "These runs have identical settings." : `${differing} of ${diff.length} settings differ; they are highlighted.`}</p>
        </div>
        <div className={`table-wrap ${styles.wrap}`} role="region" aria-labelledby="settings-heading" tabIndex={0}>
          <table className={`data ${styles.diff}`}>
            <caption className="visually-hidden">Settings of each run; rows marked “differs” are not the same for every run</caption>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                {runs.map((run, index) => (
                  <th key={run.id} scope="col" className="num">
                    <span className={styles.swatch} style={{ background: SERIES_COLORS[index] }} aria-hidden="true" />
                    {run.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {mixed && (
                <tr className={sourcesDiffer ? styles.differs : undefined}>
                  <th scope="row">
                    Source
                    {sourcesDiffer && <span className={`badge badge-accent ${styles.differsBadge}`}>differs</span>}
                  </th>
                  {sources.map((source, index) => (
                    <td key={runs[index].id} className="num">
                      {source}
                    </td>
                  ))}
                </tr>
              )}
              {diff.map((row) => (
                <tr key={row.key} className={row.differs ? styles.differs : undefined}>
                  <th scope="row">
                    {row.label}
                    {row.differs && <span className={`badge badge-accent ${styles.differsBadge}`}>differs</span>}
                  </th>
                  {row.values.map((value, index) => (
                    <td key={runs[index].id} className="num">
                      {value}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <SampleStrips compared={compared} ids={ids} query={query} view={view} />
    </>
  );
}

/** The epoch whose samples a real run shows: its pick, else the predicted best, else its last epoch with samples; null without samples. */
function realStripEpoch(real: ImportedRunDetail): { epoch: number; why: string } | null {
  const withSamples = real.checkpoints.filter((c) => c.samples.length > 0);
  if (withSamples.length === 0) return null;
  if (real.pickedEpoch !== null && withSamples.some((c) => c.epoch === real.pickedEpoch)) return { epoch: real.pickedEpoch, why: "picked" };
  if (withSamples.some((c) => c.epoch === real.recommendedEpoch)) return { epoch: real.recommendedEpoch, why: "predicted best" };
  return { epoch: withSamples[withSamples.length - 1].epoch, why: "last with samples" };
}

/** Each run's samples at its recommended epoch (a real run's own images at its pick); each opens the full-size viewer, whose Tab moves across these runs. */
function SampleStrips({ compared, ids, query, view }: { compared: ComparedRun[]; ids: string[]; query: CompareRunsQuery; view: string | string[] | undefined }) {
  const viewerRuns = compared.map(({ run, real }) => (real ? realViewerRunOf(real) : viewerRunOf(run)));
  const initialView = parseSampleView(view, viewerRuns.map(viewTargetOf));
  const base = compareRunsHref(ids, query);
  const mixed = compared.some((entry) => entry.real);
  return (
    <section className="card stack" aria-labelledby="samples-heading">
      <h2 id="samples-heading">{mixed ? "Samples" : "Samples at each recommended epoch"}</h2>
      <p className="muted">
        {mixed && "Simulated runs at their recommended epoch, drawn by the simulator; real runs show their trainer's own images at the picked epoch (else the predicted best). "}
        Select a sample to view it full size; in the viewer Tab shows the same prompt and epoch in the next run.
      </p>
      <ul className={styles.strips}>
        {compared.map(({ run, real }) => {
          if (real) {
            const shown = realStripEpoch(real);
            const checkpoint = shown && real.checkpoints.find((c) => c.epoch === shown.epoch)!;
            return (
              <li key={run.id} className={styles.strip} data-testid="sample-strip">
                <h3 className={styles.stripTitle}>
                  {run.name} <span className="badge badge-accent">Real</span>{" "}
                  {shown && (
                    <span className="muted">
                      · epoch {shown.epoch} ({shown.why})
                    </span>
                  )}
                </h3>
                {checkpoint ? (
                  <ul className={styles.stripSamples}>
                    {checkpoint.samples.map((sample) => {
                      const sampleView = formatSampleView({ runId: run.id, epoch: checkpoint.epoch, promptId: realPromptId(sample.promptIndex) });
                      const text = sample.prompt ?? `prompt ${sample.promptIndex + 1}`;
                      return (
                        <li key={sample.promptIndex}>
                          <a
                            href={`${base}&${VIEW_PARAM}=${sampleView}`}
                            data-sample-view={sampleView}
                            className={styles.stripLink}
                            aria-label={`${run.name}, epoch ${checkpoint.epoch}, “${text}”: view full size`}
                          >
                            {/* eslint-disable-next-line @next/next/no-img-element -- content-addressed previews served by the API, already sized */}
                            <img
                              src={sample.previewUrl}
                              width={72}
                              height={Math.round((72 * sample.height) / sample.width)}
                              alt={`Epoch ${checkpoint.epoch}: ${text}`}
                              loading="lazy"
                              className={styles.stripImage}
                            />
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p className="muted">Its folder held no sample images.</p>
                )}
              </li>
            );
          }
          return (
            <li key={run.id} className={styles.strip} data-testid="sample-strip">
              <h3 className={styles.stripTitle}>
                {run.name} <span className="muted">· epoch {run.recommendedEpoch}</span>
              </h3>
              <ul className={styles.stripSamples}>
                {SAMPLE_PROMPTS.map((prompt) => {
                  const sampleView = formatSampleView({ runId: run.id, epoch: run.recommendedEpoch, promptId: prompt.id });
                  return (
                    <li key={prompt.id}>
                      <a
                        href={`${base}&${VIEW_PARAM}=${sampleView}`}
                        data-sample-view={sampleView}
                        className={styles.stripLink}
                        aria-label={`${run.name}, epoch ${run.recommendedEpoch}, “${prompt.text}”: view full size`}
                      >
                        <SampleImage runId={run.id} checkpoint={run.checkpoints[run.recommendedEpoch - 1]} seed={run.seed} prompt={prompt} size={72} />
                      </a>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
      <DeferredSampleViewer runs={viewerRuns} initialView={initialView && formatSampleView(initialView)} />
    </section>
  );
}

function RunsTable({ compared, metric, colors, query }: { compared: ComparedRun[]; metric: OverlayMetricKey; colors: string[]; query: CompareRunsQuery }) {
  const definition = metricDefinition(metric);
  const format = (value: number) => value.toFixed(definition.digits);
  const notMeasured = <span className={styles.notMeasured}>not measured</span>;
  return (
    <div className={`table-wrap ${styles.wrap}`}>
      <table className="data">
        <caption className="visually-hidden">The compared runs, their recommended epochs and the {definition.label.toLowerCase()} there</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col" className={`num ${styles.wrapHead}`}>
              Steps / epoch
            </th>
            <th scope="col" className="num">
              Recommended
            </th>
            <th scope="col" className={`num ${styles.wrapHead}`}>
              {definition.label} there
            </th>
            <th scope="col" className={`num ${styles.wrapHead}`}>
              Best quality
            </th>
            <th scope="col">Last epoch</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {compared.map(({ run, real }, index) => {
            const others = compared.filter((other) => other.run.id !== run.id).map((other) => other.run.id);
            const epochs = defaultCompareEpochs(run);
            const recommended = real ? null : run.checkpoints[run.recommendedEpoch - 1];
            const measuredThere = real?.checkpoints.find((c) => c.epoch === run.recommendedEpoch) ?? null;
            const realValue = metric === "validationLoss" ? (measuredThere?.validationLoss ?? null) : null;
            const realSteps = real && measuredSteps(real.checkpoints);
            return (
              <tr key={run.id} data-testid="compared-run">
                <th scope="row" className={styles.runName}>
                  <span className={styles.swatch} style={{ background: colors[index] }} aria-hidden="true" />
                  <Link href={`/runs/${run.id}`}>{run.name}</Link>
                  {real && (
                    <>
                      {" "}
                      <span className="badge badge-accent">Imported</span>
                    </>
                  )}
                </th>
                <td className="num">{!real ? formatInteger(run.stepsPerEpoch) : realSteps ? formatInteger(realSteps.stepsPerEpoch) : <span className={styles.notMeasured}>not recorded</span>}</td>
                <td className="num">
                  {recommended ? (
                    <>
                      epoch {run.recommendedEpoch} · step {formatInteger(recommended.step)}
                    </>
                  ) : (
                    <>
                      epoch {run.recommendedEpoch} <span className={styles.notMeasured}>(predicted)</span>
                    </>
                  )}
                </td>
                <td className="num">{recommended ? format(recommended[metric]) : realValue !== null ? format(realValue) : notMeasured}</td>
                <td className="num">{real ? notMeasured : formatScore(run.bestQuality)}</td>
                <td>{real ? notMeasured : <VerdictBadge verdict={run.finalVerdict} quality={run.lastQuality} bestQuality={run.bestQuality} />}</td>
                <td>
                  <div className={styles.actions}>
                    {(real ? real.checkpoints.length + (real.beforeTraining.length > 0 ? 1 : 0) >= 2 : epochs.length >= 2) && (
                      <Link href={real ? `/runs/${encodeURIComponent(run.id)}/compare` : compareEpochsHref(run.id, epochs)} className="button button-small">
                        Epochs<span className="visually-hidden"> of {run.name} side by side</span>
                      </Link>
                    )}
                    {others.length >= COMPARE_RUNS_MIN && (
                      <Link href={compareRunsHref(others, query)} className="button button-small">
                        Remove<span className="visually-hidden"> {run.name} from the comparison</span>
                      </Link>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The chart's numbers as a table, for screen readers and for reading exact values. */
function ChartData({ runs, rows, seriesKeys, xKey, metric }: { runs: RunDetail[]; rows: Record<string, number | null>[]; seriesKeys: string[]; xKey: OverlayAxis; metric: OverlayMetricKey }) {
  const { digits, label } = CHECKPOINT_METRICS.find((m) => m.key === metric)!;
  return (
    <details className={styles.data}>
      <summary>Chart data ({rows.length} rows)</summary>
      <div className={`table-wrap ${styles.wrap}`} role="region" aria-label={`${label} of each run by ${xKey}`} tabIndex={0}>
        <table className="data">
          <caption className="visually-hidden">
            {label} of each run by {xKey}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {xKey === "epoch" ? "Epoch" : "Step"}
              </th>
              {runs.map((run) => (
                <th key={run.id} scope="col" className="num">
                  {run.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row[xKey]}>
                <th scope="row" className="num">
                  {formatInteger(row[xKey] ?? 0)}
                </th>
                {seriesKeys.map((key) => (
                  <td key={key} className="num">
                    {row[key] == null ? "—" : row[key]!.toFixed(digits)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

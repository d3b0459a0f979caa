// /compare?runs=a,b,c&metric=quality&x=epoch: several runs overlaid on one
// chart, their recommended epochs marked, and a table of the settings that differ.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CHECKPOINT_METRICS, metricDefinition, OVERLAY_METRIC_KEYS, type OverlayMetricKey } from "@/lib/compare/metrics";
import { OVERLAY_AXES, overlayRows, type OverlayAxis } from "@/lib/compare/overlay";
import { COMPARE_RUNS_MAX, COMPARE_RUNS_MIN, compareEpochsHref, compareRunsHref, parseCompareRunsQuery, type CompareRunsQuery } from "@/lib/compare/query";
import { defaultCompareEpochs } from "@/lib/compare/epochs";
import { settingsDiff } from "@/lib/compare/settings-diff";
import { formatInteger, formatScore } from "@/lib/format";
import { getRuns, InputError, listRuns, runIdsTagged, type RunDetail } from "@/lib/runs";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { RunsOverlayChart } from "@/app/ui/compare/runs-overlay-chart";
import { CompareSelection } from "@/app/ui/runs-list/compare-selection";
import styles from "@/app/ui/compare/compare.module.css";
import { SAMPLE_PROMPTS } from "@/lib/preview";
import { SampleImage } from "@/app/ui/sample-image";
import { DeferredSampleViewer } from "@/app/ui/sample-viewer/deferred-sample-viewer";
import { formatSampleView, parseSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { viewerRunOf } from "@/app/ui/sample-viewer/viewer-run";

export const metadata: Metadata = { title: "Compare runs" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SERIES_COLORS = ["var(--series-1)", "var(--series-2)", "var(--series-3)", "var(--series-4)", "var(--series-5)", "var(--series-6)"];
const AXIS_LABELS: Record<OverlayAxis, string> = { epoch: "Per epoch", step: "Per step" };

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
  const missing = query.runIds.filter((id) => !runs.some((run) => run.id === id));
  const ids = runs.map((run) => run.id);
  if (runs.length < COMPARE_RUNS_MIN) {
    return (
      <div className="alert alert-error" role="alert">
        <p>
          {missing.length === 1 ? "One of these runs was" : `${missing.length} of these runs were`} not found ({missing.join(", ")}): they may have been
          deleted. Comparing needs at least {COMPARE_RUNS_MIN} runs.
        </p>
        <Link href="/">Choose runs in the runs list</Link>
      </div>
    );
  }
  const metric = metricDefinition(query.metric);
  const overlay = overlayRows(runs, query.metric, query.x);
  const series = runs.map((run, index) => ({
    key: overlay.seriesKeys[index],
    label: run.name,
    color: SERIES_COLORS[index % SERIES_COLORS.length],
    dashed: index >= 3,
    dots: query.x === "epoch" || undefined,
    connectNulls: query.x === "step" || undefined,
  }));
  const points = overlay.recommended.map((point) => ({ x: point.x, y: point.y, color: series[point.run].color }));
  const diff = settingsDiff(runs);
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
        </p>
        <RunsOverlayChart
          rows={overlay.rows}
          xKey={overlay.xKey}
          series={series}
          points={points}
          metricLabel={metric.label}
          digits={metric.digits}
          label={`${metric.label} of ${runs.length} runs by ${query.x}; recommended epochs: ${runs.map((run) => `${run.name} epoch ${run.recommendedEpoch}`).join(", ")}`}
        />
        <RunsTable runs={runs} metric={query.metric} colors={series.map((s) => s.color)} query={query} />
        <ChartData runs={runs} rows={overlay.rows} seriesKeys={overlay.seriesKeys} xKey={overlay.xKey} metric={query.metric} />
      </section>
      <section className="stack" aria-labelledby="settings-heading">
        <div>
          <h2 id="settings-heading">Settings</h2>
          <p className="muted">
            {differing === 0 ? "These runs have identical settings." : `${differing} of ${diff.length} settings differ; they are highlighted.`}
          </p>
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
      <SampleStrips runs={runs} ids={ids} query={query} view={view} />
    </>
  );
}

/** Each run's samples at its recommended epoch; each opens the full-size viewer, whose Tab moves across these runs. */
function SampleStrips({ runs, ids, query, view }: { runs: RunDetail[]; ids: string[]; query: CompareRunsQuery; view: string | string[] | undefined }) {
  const initialView = parseSampleView(view, runs.map((run) => ({ id: run.id, epochs: run.checkpoints.length })));
  const base = compareRunsHref(ids, query);
  return (
    <section className="card stack" aria-labelledby="samples-heading">
      <h2 id="samples-heading">Samples at each recommended epoch</h2>
      <p className="muted">Select a sample to view it full size; in the viewer Tab shows the same prompt and epoch in the next run.</p>
      <ul className={styles.strips}>
        {runs.map((run) => (
          <li key={run.id} className={styles.strip}>
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
        ))}
      </ul>
      <DeferredSampleViewer runs={runs.map(viewerRunOf)} initialView={initialView && formatSampleView(initialView)} />
    </section>
  );
}

function RunsTable({ runs, metric, colors, query }: { runs: RunDetail[]; metric: OverlayMetricKey; colors: string[]; query: CompareRunsQuery }) {
  const definition = metricDefinition(metric);
  const format = (value: number) => value.toFixed(definition.digits);
  return (
    <div className={`table-wrap ${styles.wrap}`}>
      <table className="data">
        <caption className="visually-hidden">The compared runs, their recommended epochs and the {definition.label.toLowerCase()} there</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col" className="num">Steps / epoch</th>
            <th scope="col" className="num">Recommended</th>
            <th scope="col" className="num">{definition.label} there</th>
            <th scope="col" className="num">Best quality</th>
            <th scope="col">Last epoch</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run, index) => {
            const recommended = run.checkpoints[run.recommendedEpoch - 1];
            const others = runs.filter((other) => other.id !== run.id).map((other) => other.id);
            const epochs = defaultCompareEpochs(run);
            return (
              <tr key={run.id}>
                <th scope="row" className={styles.runName}>
                  <span className={styles.swatch} style={{ background: colors[index] }} aria-hidden="true" />
                  <Link href={`/runs/${run.id}`}>{run.name}</Link>
                </th>
                <td className="num">{formatInteger(run.stepsPerEpoch)}</td>
                <td className="num">
                  epoch {run.recommendedEpoch} · step {formatInteger(recommended.step)}
                </td>
                <td className="num">{format(recommended[metric])}</td>
                <td className="num">{formatScore(run.bestQuality)}</td>
                <td>
                  <VerdictBadge verdict={run.finalVerdict} quality={run.lastQuality} bestQuality={run.bestQuality} />
                </td>
                <td>
                  <div className={styles.actions}>
                    {epochs.length >= 2 && (
                      <Link href={compareEpochsHref(run.id, epochs)} className="button button-small">
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
function ChartData({
  runs,
  rows,
  seriesKeys,
  xKey,
  metric,
}: {
  runs: RunDetail[];
  rows: Record<string, number | null>[];
  seriesKeys: string[];
  xKey: OverlayAxis;
  metric: OverlayMetricKey;
}) {
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
                    {row[key] == null ? "" : row[key]!.toFixed(digits)}
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

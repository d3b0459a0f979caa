// The compare page's comparison of the runs in the URL: the chosen metric
// overlaid, the training losses, the settings that differ and the samples.
import Link from "next/link";
import { metricDefinition, OVERLAY_METRIC_KEYS } from "@/lib/compare/metrics";
import { OVERLAY_AXES, type OverlayAxis } from "@/lib/compare/overlay";
import { COMPARE_RUNS_MIN, compareRunsHref, type CompareRunsQuery } from "@/lib/compare/query";
import { settingsDiff } from "@/lib/compare/settings-diff";
import { trainerLabel } from "@/lib/import/trainer-label";
import { getImportedRun, getRuns } from "@/lib/server/runs";
import { Alert } from "@/app/ui/alert";
import { ButtonLink } from "@/app/ui/button";
import { RunsOverlayChart } from "@/app/ui/compare/runs-overlay-chart";
import styles from "@/app/ui/compare/compare.module.css";
import { ChartData } from "./chart-data";
import { ComparedRunsTable } from "./compared-runs-table";
import { lossRunOf, overlayRunOf, SERIES_COLORS, type ComparedRun } from "./compared-run";
import { measuredSteps, mixedOverlayRows, withUnrecorded } from "./mixed-runs";
import { RunsLossChart } from "./runs-loss-chart";
import { SampleStrips } from "./sample-strips";
import { SettingsDiff } from "./settings-diff";

const AXIS_LABELS: Record<OverlayAxis, string> = { epoch: "Per epoch", step: "Per step" };

export async function Comparison({ query, view }: { query: CompareRunsQuery; view: string | string[] | undefined }) {
  const runs = await getRuns(query.runIds);
  const compared: ComparedRun[] = await Promise.all(runs.map(async (run) => ({ run, real: run.source === "imported" ? await getImportedRun(run.id) : null })));
  const mixed = compared.some((entry) => entry.real);
  const missing = query.runIds.filter((id) => !runs.some((run) => run.id === id));
  const ids = runs.map((run) => run.id);
  if (runs.length < COMPARE_RUNS_MIN) {
    return (
      <Alert as="div" tone="error" role="alert">
        <p>
          {missing.length === 1 ? "One of these runs was" : `${missing.length} of these runs were`} not found ({missing.join(", ")}): they may have been deleted. Comparing needs at least{" "}
          {COMPARE_RUNS_MIN} runs.
        </p>
        <Link href="/">Choose runs in the runs list</Link>
      </Alert>
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
  const sources = compared.map(({ real }) => (real ? `Imported from ${trainerLabel(real.trainer)}` : "Simulated"));

  return (
    <>
      {missing.length > 0 && (
        <Alert as="div" tone="warning" role="status">
          Not found (deleted?): {missing.join(", ")}. <Link href={compareRunsHref(ids, query)}>Compare the {runs.length} runs that remain</Link>
        </Alert>
      )}
      <p>
        <ButtonLink href={`/review/new?runs=${ids.map(encodeURIComponent).join(",")}`}>Review these runs blind</ButtonLink>{" "}
        <span className="muted">judge their checkpoints&apos; samples against each other, labelled A and B only</span>
      </p>
      <section className="card stack" aria-labelledby="curves-heading">
        <div className={`panel-head ${styles.chartHeader}`}>
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
          <Alert data-testid="not-measured-note">
            {metric.label} was not measured for {unmeasured.join(", ")}: {unmeasured.length === 1 ? "it is a real run" : "they are real runs"}, and a trainer logs only losses. Switch to validation
            loss to see {unmeasured.length === 1 ? "its" : "their"} measured curve.
          </Alert>
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
        <ComparedRunsTable compared={compared} metric={query.metric} colors={series.map((s) => s.color)} query={query} />
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
      <SettingsDiff runs={runs} diff={diff} sources={mixed ? sources : null} />
      <SampleStrips compared={compared} ids={ids} query={query} view={view} />
    </>
  );
}

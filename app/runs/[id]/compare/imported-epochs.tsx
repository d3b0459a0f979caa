// /runs/[id]/compare for an imported run: its saved epochs (and the samples
// before training) side by side with the trainer's own images and what was
// measured. Scores the trainer cannot measure (quality, fidelity, …) say
// "not measured"; nothing is filled in from the simulator.
import Link from "next/link";
import { redirect } from "next/navigation";
import { compareEpochsHref } from "@/lib/compare/query";
import { differenceOf } from "@/lib/compare/difference";
import { CHECKPOINT_METRICS, formatMetric, type CheckpointMetricKey } from "@/lib/compare/metrics";
import { formatInteger } from "@/lib/format";
import type { ImportedRunDetail, ImportedSample } from "@/lib/server/runs";
import { DeferredSampleViewer } from "@/app/ui/sample-viewer/deferred-sample-viewer";
import { formatSampleView, parseSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { realPromptId, realViewerRunOf, viewTargetOf } from "@/app/ui/sample-viewer/viewer-run";
import { EpochColumnControls } from "@/app/ui/compare/epoch-column-controls";
import { PickEpochButton } from "@/app/ui/compare/pick-epoch-button";
import styles from "@/app/ui/compare/epochs.module.css";
import { Alert } from "@/app/ui/alert";
import { ButtonLink } from "@/app/ui/button";
import { EmptyState } from "@/app/ui/empty-state";
import { PageHeader } from "@/app/ui/page-header";
import { defaultMeasuredEpochs, measuredEpochLabel, parseMeasuredEpochList } from "./measured-epochs";

const TRAINER_LABELS: Record<string, string> = { kohya: "kohya sd-scripts", "ai-toolkit": "ai-toolkit" };

/** What a column shows of one epoch: the trainer's file, its measured losses and its samples. */
interface MeasuredColumn {
  epoch: number;
  step: number | null;
  trainLoss: number | null;
  validationLoss: number | null;
  samples: ImportedSample[];
}

/** The measured value of a metric at an epoch; null when nobody measured it. */
function measured(column: MeasuredColumn, key: CheckpointMetricKey): number | null {
  if (key === "trainLoss") return column.trainLoss;
  if (key === "validationLoss") return column.validationLoss;
  if (key === "step") return column.step;
  return null;
}

export function ImportedEpochs({ run, query }: { run: ImportedRunDetail; query: Record<string, string | string[] | undefined> }) {
  const columns = new Map<number, MeasuredColumn>(run.checkpoints.map((c) => [c.epoch, c]));
  if (run.beforeTraining.length > 0) columns.set(0, { epoch: 0, step: 0, trainLoss: null, validationLoss: null, samples: run.beforeTraining });
  const available = [...columns.keys()].sort((a, b) => a - b);
  const prompts = new Map<number, string>();
  for (const column of columns.values())
    for (const sample of column.samples) if (!prompts.has(sample.promptIndex)) prompts.set(sample.promptIndex, sample.prompt ?? `Prompt ${sample.promptIndex + 1}`);
  const promptList = [...prompts.entries()].sort(([a], [b]) => a - b);

  const header = (
    <PageHeader
      title={`Epochs of ${run.name}`}
      description={
        <>
          <span className="badge badge-accent">Imported</span> from {run.trainer ? (TRAINER_LABELS[run.trainer] ?? run.trainer) : "a trainer's folder"} · {run.checkpoints.length} epoch{" "}
          {run.checkpoints.length === 1 ? "file" : "files"} · {promptList.length === 0 ? "no samples" : `samples of ${promptList.length} ${promptList.length === 1 ? "prompt" : "prompts"}`}
          {run.beforeTraining.length > 0 && ", before training too"}
        </>
      }
      actions={<ButtonLink href={`/runs/${run.id}`}>Back to the run</ButtonLink>}
    />
  );

  if (available.length < 2) {
    return (
      <div className="page stack">
        {header}
        <EmptyState title="Only one checkpoint" description="The trainer saved a single epoch and no samples before training, so there is nothing to compare it with." />
      </div>
    );
  }
  const defaults = defaultMeasuredEpochs(available, run);
  if (query.epochs === undefined) redirect(compareEpochsHref(run.id, defaults));
  const parsed = parseMeasuredEpochList(query.epochs, available);
  if (!parsed.ok) {
    return (
      <div className="page stack">
        {header}
        <Alert as="div" tone="error" role="alert">
          <p>{parsed.message}</p>
          <Link href={compareEpochsHref(run.id, defaults)}>Compare {defaults.map((epoch) => measuredEpochLabel(epoch).toLowerCase()).join(", ")}</Link>
        </Alert>
      </div>
    );
  }
  const viewerRun = realViewerRunOf(run);
  const openedView = parseSampleView(query[VIEW_PARAM], [viewTargetOf(viewerRun)]);
  const choices = available.map((epoch) => ({ value: epoch, label: epoch === 0 ? "Before training" : String(epoch) }));
  const first = columns.get(parsed.epochs[0])!;

  return (
    <div className="page stack">
      {header}
      <p className="muted">
        The trainer&apos;s own samples and what it logged. Differences are against the first column ({measuredEpochLabel(first.epoch).toLowerCase()}). Quality, fidelity, flexibility, caption adherence
        and overfit risk are scores of the simulator: nobody measured them for this run, so they read “not measured”; judge those from the samples. Choose each column&apos;s epoch with its menu;
        reorder columns with “← Move” and “Move →”, or focus one of them and press ← or →.
      </p>
      {promptList.length > 0 && (
        <details className={styles.prompts}>
          <summary>Sample prompts</summary>
          <ol>
            {promptList.map(([index, text]) => (
              <li key={index}>{text}</li>
            ))}
          </ol>
        </details>
      )}
      <div className={styles.columnsFrame}>
        <div
          className={styles.columns}
          style={{ ["--columns" as string]: parsed.epochs.length }}
          role="region"
          aria-label={`${parsed.epochs.length} epochs side by side; scrolls sideways on narrow screens`}
          tabIndex={0}
        >
          {parsed.epochs.map((epoch, index) => (
            <section key={epoch} className={`card ${styles.column}`} aria-labelledby={`epoch-${epoch}-heading`} data-testid="epoch-column">
              <div className="panel-head">
                <h2 id={`epoch-${epoch}-heading`}>{measuredEpochLabel(epoch)}</h2>
                <EpochColumnControls runId={run.id} epochs={parsed.epochs} index={index} epochCount={run.epochs} choices={choices} />
              </div>
              <div className={styles.badges}>
                {epoch === run.recommendedEpoch && <span className="badge">Predicted best</span>}
                {epoch === run.pickedEpoch && <span className="badge badge-accent">Picked</span>}
                {index === 0 && <span className="badge">Baseline</span>}
              </div>
              <Samples run={run} epochs={parsed.epochs} column={columns.get(epoch)!} prompts={promptList} />
              <Metrics column={columns.get(epoch)!} baseline={first} showDifference={index > 0} />
              {epoch >= 1 && epoch <= run.epochs ? (
                <PickEpochButton runId={run.id} epoch={epoch} picked={run.pickedEpoch === epoch} className={styles.pick} />
              ) : (
                <p className={`muted ${styles.pick}`}>{epoch === 0 ? "The base model before training: nothing to pick." : "Beyond the run's epochs: cannot be picked."}</p>
              )}
            </section>
          ))}
        </div>
      </div>
      {promptList.length > 0 && (
        <>
          <p className="muted">Select a sample to view it full size; in the viewer ←/→ change the prompt and ↑/↓ the epoch.</p>
          <DeferredSampleViewer runs={[viewerRun]} initialView={openedView && formatSampleView(openedView)} />
        </>
      )}
    </div>
  );
}

function Samples({ run, epochs, column, prompts }: { run: ImportedRunDetail; epochs: number[]; column: MeasuredColumn; prompts: [number, string][] }) {
  if (prompts.length === 0) return <p className="muted">The folder held no sample images.</p>;
  return (
    <div className={styles.previews}>
      {prompts.map(([index, text]) => {
        const sample = column.samples.find((candidate) => candidate.promptIndex === index);
        if (!sample) {
          return (
            <p key={index} className={`muted ${styles.noSample}`}>
              No sample of “{text}”
            </p>
          );
        }
        const view = formatSampleView({ runId: run.id, epoch: column.epoch, promptId: realPromptId(index) });
        const width = Math.min(240, sample.width);
        return (
          <a
            key={index}
            href={`${compareEpochsHref(run.id, epochs)}&${VIEW_PARAM}=${view}`}
            data-sample-view={view}
            className="sample-link"
            aria-label={`${measuredEpochLabel(column.epoch)}, “${text}”: view full size`}
          >
            {/* eslint-disable-next-line @next/next/no-img-element -- content-addressed previews served by the API, already sized */}
            <img
              src={sample.previewUrl}
              width={width}
              height={Math.round((width * sample.height) / sample.width)}
              alt={`${measuredEpochLabel(column.epoch)}: ${text}`}
              loading="lazy"
              className="sample-image"
            />
          </a>
        );
      })}
    </div>
  );
}

function Metrics({ column, baseline, showDifference }: { column: MeasuredColumn; baseline: MeasuredColumn; showDifference: boolean }) {
  return (
    <dl className={styles.metrics}>
      {CHECKPOINT_METRICS.map((metric) => {
        const value = measured(column, metric.key);
        const base = measured(baseline, metric.key);
        const difference = value !== null && base !== null ? differenceOf(value, base, { digits: metric.digits, polarity: metric.polarity }) : null;
        return (
          <div key={metric.key} className={styles.metric} data-metric={metric.key}>
            <dt title={metric.hint}>{metric.label}</dt>
            <dd>
              {value === null ? (
                <span className={styles.notMeasured}>{metric.key === "step" ? "not recorded" : "not measured"}</span>
              ) : (
                <span className={styles.value}>{metric.key === "step" ? formatInteger(value) : formatMetric(metric.key, value)}</span>
              )}
              {showDifference && difference && (
                <span className={`${styles.delta} ${styles[difference.tone]}`}>
                  <span aria-hidden="true">{difference.direction === "up" ? "▲" : difference.direction === "down" ? "▼" : "="}</span> {difference.label}
                  {difference.tone !== "neutral" && <span className="visually-hidden"> ({difference.tone})</span>}
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

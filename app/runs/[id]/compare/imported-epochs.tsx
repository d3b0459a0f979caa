// /runs/[id]/compare for an imported run: its saved epochs (and the samples
// before training) side by side with the trainer's own images and what was
// measured. Scores the trainer cannot measure (quality, fidelity, …) say
// "not measured"; nothing is filled in from the simulator.
import { redirect } from "next/navigation";
import { compareEpochsHref } from "@/lib/compare/query";
import { differenceOf } from "@/lib/compare/difference";
import { CHECKPOINT_METRICS, formatMetric, type CheckpointMetricKey } from "@/lib/compare/metrics";
import { formatInteger } from "@/lib/format";
import { trainerLabel } from "@/lib/import/trainer-label";
import type { ImportedRunDetail, ImportedSample } from "@/lib/server/runs";
import { formatSampleView, parseSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { realPromptId, realViewerRunOf, viewTargetOf } from "@/app/ui/sample-viewer/viewer-run";
import { EpochColumnControls } from "@/app/ui/compare/epoch-column-controls";
import { PickEpochButton } from "@/app/ui/compare/pick-epoch-button";
import { EpochColumnCard, EpochColumns, EpochListProblem, EpochsPage, EpochsSampleViewer, MetricRow, SampleLink, SamplePromptList } from "@/app/ui/compare/epochs-page";
import styles from "@/app/ui/compare/epochs.module.css";
import { EmptyState } from "@/app/ui/empty-state";
import { defaultMeasuredEpochs, measuredEpochLabel, parseMeasuredEpochList } from "./measured-epochs";

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

  const description = (
    <>
      <span className="badge badge-accent">Imported</span> from {trainerLabel(run.trainer)} · {run.checkpoints.length} epoch {run.checkpoints.length === 1 ? "file" : "files"} ·{" "}
      {promptList.length === 0 ? "no samples" : `samples of ${promptList.length} ${promptList.length === 1 ? "prompt" : "prompts"}`}
      {run.beforeTraining.length > 0 && ", before training too"}
    </>
  );

  if (available.length < 2) {
    return (
      <EpochsPage run={run} description={description}>
        <EmptyState title="Only one checkpoint" description="The trainer saved a single epoch and no samples before training, so there is nothing to compare it with." />
      </EpochsPage>
    );
  }
  const defaults = defaultMeasuredEpochs(available, run);
  if (query.epochs === undefined) redirect(compareEpochsHref(run.id, defaults));
  const parsed = parseMeasuredEpochList(query.epochs, available);
  if (!parsed.ok) {
    return (
      <EpochsPage run={run} description={description}>
        <EpochListProblem message={parsed.message} href={compareEpochsHref(run.id, defaults)}>
          Compare {defaults.map((epoch) => measuredEpochLabel(epoch).toLowerCase()).join(", ")}
        </EpochListProblem>
      </EpochsPage>
    );
  }
  const viewerRun = realViewerRunOf(run);
  const openedView = parseSampleView(query[VIEW_PARAM], [viewTargetOf(viewerRun)]);
  const choices = available.map((epoch) => ({ value: epoch, label: epoch === 0 ? "Before training" : String(epoch) }));
  const first = columns.get(parsed.epochs[0])!;

  return (
    <EpochsPage run={run} description={description}>
      <p className="muted">
        The trainer&apos;s own samples and what it logged. Differences are against the first column ({measuredEpochLabel(first.epoch).toLowerCase()}). Quality, fidelity, flexibility, caption adherence
        and overfit risk are scores of the simulator: nobody measured them for this run, so they read “not measured”; judge those from the samples. Choose each column&apos;s epoch with its menu;
        reorder columns with “← Move” and “Move →”, or focus one of them and press ← or →.
      </p>
      {promptList.length > 0 && <SamplePromptList prompts={promptList.map(([index, text]) => ({ id: index, text }))} />}
      <EpochColumns count={parsed.epochs.length}>
        {parsed.epochs.map((epoch, index) => (
          <EpochColumnCard
            key={epoch}
            epoch={epoch}
            title={measuredEpochLabel(epoch)}
            controls={<EpochColumnControls runId={run.id} epochs={parsed.epochs} index={index} epochCount={run.epochs} choices={choices} />}
            badges={
              <>
                {epoch === run.recommendedEpoch && <span className="badge">Predicted best</span>}
                {epoch === run.pickedEpoch && <span className="badge badge-accent">Picked</span>}
                {index === 0 && <span className="badge">Baseline</span>}
              </>
            }
          >
            <Samples run={run} epochs={parsed.epochs} column={columns.get(epoch)!} prompts={promptList} />
            <Metrics column={columns.get(epoch)!} baseline={first} showDifference={index > 0} />
            {epoch >= 1 && epoch <= run.epochs ? (
              <PickEpochButton runId={run.id} epoch={epoch} picked={run.pickedEpoch === epoch} className={styles.pick} />
            ) : (
              <p className={`muted ${styles.pick}`}>{epoch === 0 ? "The base model before training: nothing to pick." : "Beyond the run's epochs: cannot be picked."}</p>
            )}
          </EpochColumnCard>
        ))}
      </EpochColumns>
      {promptList.length > 0 && <EpochsSampleViewer runs={[viewerRun]} initialView={openedView && formatSampleView(openedView)} />}
    </EpochsPage>
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
        const width = Math.min(240, sample.width);
        return (
          <SampleLink
            key={index}
            runId={run.id}
            epochs={epochs}
            view={formatSampleView({ runId: run.id, epoch: column.epoch, promptId: realPromptId(index) })}
            label={`${measuredEpochLabel(column.epoch)}, “${text}”: view full size`}
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
          </SampleLink>
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
        const difference = showDifference && value !== null && base !== null ? differenceOf(value, base, { digits: metric.digits, polarity: metric.polarity }) : null;
        return (
          <MetricRow key={metric.key} metric={metric} difference={difference}>
            {value === null ? (
              <span className={styles.notMeasured}>{metric.key === "step" ? "not recorded" : "not measured"}</span>
            ) : (
              <span className={styles.value}>{metric.key === "step" ? formatInteger(value) : formatMetric(metric.key, value)}</span>
            )}
          </MetricRow>
        );
      })}
    </dl>
  );
}

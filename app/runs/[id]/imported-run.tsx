// The page of a run imported from a trainer's folder: what the trainer measured
// (losses, gaps where nothing was logged), its real samples per epoch, the pick
// and notes, and the simulator's prediction for the same settings beside it.
import Link from "next/link";
import { countVotes, getRunTags, type ImportedRunDetail } from "@/lib/server/runs";
import { getWriteLockStatus } from "@/lib/server/auth/session";
import { formatDateTime } from "@/lib/format";
import { trainerLabel } from "@/lib/import/trainer-label";
import { formatSetting } from "@/lib/sim";
import { PredictedVsActual } from "./predicted-vs-actual";
import { DeferredSampleViewer } from "@/app/ui/sample-viewer/deferred-sample-viewer";
import { formatSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { realPromptId, realViewerRunOf } from "@/app/ui/sample-viewer/viewer-run";
import { CheckpointCard, CheckpointCards } from "./checkpoints-section";
import { PickProvider } from "./pick-context";
import { RunHeaderCard } from "./run-header";
import styles from "./dashboard.module.css";

function formatLoss(value: number | null): string {
  return value === null ? "not logged" : value.toFixed(4);
}

export async function ImportedRun({ run }: { run: ImportedRunDetail }) {
  const [{ canWrite }, reviews, tags] = await Promise.all([getWriteLockStatus(), countVotes(run.id), getRunTags(run.id)]);
  const read = new Set<string>(run.importInfo.read);
  const prompts = new Map<number, string | null>();
  for (const sample of [...run.beforeTraining, ...run.checkpoints.flatMap((c) => c.samples)]) if (!prompts.has(sample.promptIndex)) prompts.set(sample.promptIndex, sample.prompt);
  const promptIndices = [...prompts.keys()].sort((a, b) => a - b);
  const columns = [...(run.beforeTraining.length > 0 ? [{ epoch: 0, samples: run.beforeTraining }] : []), ...run.checkpoints];

  return (
    <div className="page stack">
      <PickProvider runId={run.id} initialPickedEpoch={run.pickedEpoch} recommendedEpoch={run.recommendedEpoch}>
        <RunHeaderCard
          run={run}
          lead={
            <p>
              <span className="badge badge-accent">Imported</span> from {trainerLabel(run.trainer)}
            </p>
          }
          setting={(key) => (read.has(key) ? formatSetting(key, run[key]) : <span className="muted">not in the files (predicted with {formatSetting(key, run[key])})</span>)}
          canWrite={canWrite}
          reviews={reviews}
          tags={tags}
        >
          {Object.keys(run.importInfo.unmodelled).length > 0 && (
            <p className="muted">
              Read but not modelled by the simulator:{" "}
              {Object.entries(run.importInfo.unmodelled)
                .map(([key, value]) => `${key} ${value}`)
                .join("; ")}
              .
            </p>
          )}
          <p className="muted">
            Imported <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>. Export its settings: <Link href={`/runs/${run.id}/export/training`}>kohya training config</Link>,{" "}
            <Link href={`/runs/${run.id}/export/dataset`}>kohya dataset config</Link>, <Link href={`/runs/${run.id}/export/aitoolkit`}>ai-toolkit job config</Link>
          </p>
        </RunHeaderCard>

        <PredictedVsActual run={run} />

        <section aria-labelledby="samples-heading" className={`stack ${styles.section}`}>
          <h2 id="samples-heading">Samples</h2>
          {promptIndices.length === 0 ? (
            <p className="muted">The folder held no sample images.</p>
          ) : (
            <div className={styles.sampleScroller} tabIndex={0} role="region" aria-label="Samples per epoch, scrolls sideways">
              <table className={styles.sampleGrid}>
                <caption className="visually-hidden">The trainer&apos;s sample images, one row per prompt, one column per epoch</caption>
                <thead>
                  <tr>
                    <th scope="col">Prompt</th>
                    {columns.map((column) => (
                      <th scope="col" key={column.epoch}>
                        {column.epoch === 0 ? "Before training" : `Epoch ${column.epoch}`}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {promptIndices.map((index) => (
                    <tr key={index}>
                      <th scope="row" className={styles.promptCell}>
                        {prompts.get(index) ?? `Prompt ${index + 1}`}
                      </th>
                      {columns.map((column) => {
                        const sample = column.samples.find((s) => s.promptIndex === index);
                        return (
                          <td key={column.epoch}>
                            {sample ? (
                              <a
                                href={`/runs/${run.id}?${VIEW_PARAM}=${formatSampleView({ runId: run.id, epoch: column.epoch, promptId: realPromptId(index) })}`}
                                data-sample-view={formatSampleView({ runId: run.id, epoch: column.epoch, promptId: realPromptId(index) })}
                                aria-label={`${column.epoch === 0 ? "Before training" : `Epoch ${column.epoch}`}, “${sample.prompt ?? `prompt ${index + 1}`}”: view full size`}
                              >
                                {/* eslint-disable-next-line @next/next/no-img-element -- content-addressed previews served by the API, already sized */}
                                <img
                                  src={sample.previewUrl}
                                  width={Math.min(160, sample.width)}
                                  height={Math.round((Math.min(160, sample.width) * sample.height) / sample.width)}
                                  alt={`${column.epoch === 0 ? "Before training" : `Epoch ${column.epoch}`}: ${sample.prompt ?? `prompt ${index + 1}`}`}
                                  loading="lazy"
                                />
                              </a>
                            ) : (
                              <span className="muted">no sample</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {promptIndices.length > 0 && (
            <>
              <p className="muted">Select a sample to view it full size; in the viewer ←/→ change the prompt and ↑/↓ the epoch.</p>
              <DeferredSampleViewer runs={[realViewerRunOf(run)]} />
            </>
          )}
        </section>

        <CheckpointCards intro="One LoRA file per epoch. Fidelity, flexibility and overfit risk were not measured for an imported run; pick the epoch you would keep from the samples.">
          {run.checkpoints.map((c) => (
            <CheckpointCard
              key={c.epoch}
              epoch={c.epoch}
              badges={c.epoch === run.recommendedEpoch && <span className="badge">Predicted best</span>}
              facts={[
                { label: "Training loss", value: formatLoss(c.trainLoss) },
                { label: "Validation loss", value: formatLoss(c.validationLoss) },
                { label: "File", value: c.file.split("/").pop() },
              ]}
              pickable={c.epoch <= run.epochs}
            />
          ))}
        </CheckpointCards>
      </PickProvider>
    </div>
  );
}

// The page of a run imported from a trainer's folder: what the trainer measured
// (losses, gaps where nothing was logged), its real samples per epoch, the pick
// and notes, and the simulator's prediction for the same settings beside it.
import Link from "next/link";
import type { ImportedRunDetail } from "@/lib/runs";
import { formatDateTime, formatInteger } from "@/lib/format";
import { formatSetting, SETTING_ORDER, SETTINGS } from "@/lib/sim";
import { DeferredSampleViewer } from "@/app/ui/sample-viewer/deferred-sample-viewer";
import { formatSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { realPromptId, realViewerRunOf } from "@/app/ui/sample-viewer/viewer-run";
import { ImportedLossChart, type ImportedLossRow } from "./imported-loss-chart";
import { PickControl, PickProvider, PickStatus } from "./pick-context";
import { RunDetailsEditor } from "./run-details-editor";
import styles from "./dashboard.module.css";

const TRAINER_LABELS: Record<string, string> = { kohya: "kohya sd-scripts", "ai-toolkit": "ai-toolkit" };

function formatLoss(value: number | null): string {
  return value === null ? "not logged" : value.toFixed(4);
}

export function ImportedRun({ run }: { run: ImportedRunDetail }) {
  const read = new Set<string>(run.importInfo.read);
  const predictionByEpoch = new Map(run.prediction.map((c) => [c.epoch, c]));
  const measuredEpochs = run.checkpoints.map((c) => c.epoch);
  // Steps and images seen come from the files when they hold them, else from the settings read (never from a default).
  const geometryRead = read.has("images") && read.has("repeats");
  const stepsRead = geometryRead && read.has("batchSize");
  const rows: ImportedLossRow[] = run.checkpoints.map((c) => ({
    epoch: c.epoch,
    step: c.step ?? (stepsRead ? c.epoch * run.stepsPerEpoch : null),
    images: geometryRead ? c.epoch * run.images * run.repeats : null,
    trainLoss: c.trainLoss,
    validationLoss: c.validationLoss,
    predictedTrain: predictionByEpoch.get(c.epoch)?.trainLoss ?? null,
    predictedValidation: predictionByEpoch.get(c.epoch)?.validationLoss ?? null,
  }));
  const anyTrain = run.checkpoints.some((c) => c.trainLoss !== null);
  const anyValidation = run.checkpoints.some((c) => c.validationLoss !== null);
  const measuredLowest = run.checkpoints
    .filter((c) => c.validationLoss !== null)
    .reduce<(typeof run.checkpoints)[number] | null>((lowest, c) => (lowest === null || c.validationLoss! < lowest.validationLoss! ? c : lowest), null);
  const prompts = new Map<number, string | null>();
  for (const sample of [...run.beforeTraining, ...run.checkpoints.flatMap((c) => c.samples)]) if (!prompts.has(sample.promptIndex)) prompts.set(sample.promptIndex, sample.prompt);
  const promptIndices = [...prompts.keys()].sort((a, b) => a - b);
  const columns = [...(run.beforeTraining.length > 0 ? [{ epoch: 0, samples: run.beforeTraining }] : []), ...run.checkpoints];

  return (
    <div className="page stack">
      <PickProvider runId={run.id} initialPickedEpoch={run.pickedEpoch} recommendedEpoch={run.recommendedEpoch}>
        <header className={`card ${styles.header}`}>
          <p>
            <span className="badge badge-accent">Imported</span> from {run.trainer ? TRAINER_LABELS[run.trainer] ?? run.trainer : "a trainer's folder"}
          </p>
          <RunDetailsEditor runId={run.id} initialName={run.name} initialNotes={run.notes} />
          <dl className={styles.settings} aria-label="Settings">
            {SETTING_ORDER.filter((key) => key !== "name").map((key) => (
              <div key={key}>
                <dt>{SETTINGS[key].label}</dt>
                <dd>{read.has(key) ? formatSetting(key, run[key]) : <span className="muted">not in the files (predicted with {formatSetting(key, run[key])})</span>}</dd>
              </div>
            ))}
          </dl>
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
            Imported <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>. Export its settings:{" "}
            <Link href={`/runs/${run.id}/export/training`}>kohya training config</Link>, <Link href={`/runs/${run.id}/export/dataset`}>kohya dataset config</Link>, <Link href={`/runs/${run.id}/export/aitoolkit`}>ai-toolkit job config</Link>
          </p>
          <PickStatus />
        </header>

        <section aria-labelledby="loss-heading" className={`stack ${styles.section}`}>
          <h2 id="loss-heading">Measured and predicted loss</h2>
          {anyTrain || anyValidation ? (
            <ImportedLossChart rows={rows} predictedBest={run.recommendedEpoch} pickedEpoch={run.pickedEpoch} />
          ) : (
            <p className="alert">The trainer logged no loss for any epoch: only the prediction is known for this run.</p>
          )}
          <p>{agreementSentence(run.recommendedEpoch, run.pickedEpoch, measuredLowest?.epoch ?? null)}</p>
          <p className="muted">
            Solid lines are what the trainer logged (left axis); dashed lines the simulator&apos;s prediction for the same settings (right axis). Absolute
            losses differ by model family and trainer, so compare the shapes, not the values.
            {!anyValidation && " No validation loss was logged: the trainer ran without a validation set."}
          </p>
          <details className={styles.dataTable}>
            <summary>Data table of the chart</summary>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Measured losses, scrolls sideways">
              <table>
                <caption>Losses per epoch: measured, and predicted for the same settings</caption>
                <thead>
                  <tr>
                    <th scope="col">Epoch</th>
                    <th scope="col">Step</th>
                    <th scope="col">Training loss</th>
                    <th scope="col">Validation loss</th>
                    <th scope="col">Predicted validation loss</th>
                  </tr>
                </thead>
                <tbody>
                  {run.checkpoints.map((c) => (
                    <tr key={c.epoch}>
                      <th scope="row">{c.epoch}</th>
                      <td className="num">{c.step === null ? "—" : formatInteger(c.step)}</td>
                      <td className="num">{formatLoss(c.trainLoss)}</td>
                      <td className="num">{formatLoss(c.validationLoss)}</td>
                      <td className="num">{formatLoss(predictionByEpoch.get(c.epoch)?.validationLoss ?? null)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>

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

        <section aria-labelledby="checkpoints-heading" className={styles.section}>
          <h2 id="checkpoints-heading">Checkpoints</h2>
          <p className="muted">One LoRA file per epoch. Fidelity, flexibility and overfit risk were not measured for an imported run; pick the epoch you would keep from the samples.</p>
          <ol className={styles.checkpoints} aria-label="Checkpoints">
            {run.checkpoints.map((c) => (
              <li key={c.epoch} className={styles.checkpoint} data-testid="checkpoint" aria-labelledby={`checkpoint-${c.epoch}`}>
                <div className={styles.checkpointHead}>
                  <h3 id={`checkpoint-${c.epoch}`} className={styles.checkpointTitle}>
                    Epoch {c.epoch}
                  </h3>
                  {c.epoch === run.recommendedEpoch && <span className="badge">Predicted best</span>}
                </div>
                <dl className={styles.metrics}>
                  <div>
                    <dt>Training loss</dt>
                    <dd>{formatLoss(c.trainLoss)}</dd>
                  </div>
                  <div>
                    <dt>Validation loss</dt>
                    <dd>{formatLoss(c.validationLoss)}</dd>
                  </div>
                  <div>
                    <dt>File</dt>
                    <dd>{c.file.split("/").pop()}</dd>
                  </div>
                </dl>
                {measuredEpochs.includes(c.epoch) && c.epoch <= run.epochs && (
                  <div className={styles.pickRow}>
                    <PickControl epoch={c.epoch} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      </PickProvider>
    </div>
  );
}

function agreementSentence(predictedBest: number, picked: number | null, lowestValidation: number | null): string {
  const lowest = lowestValidation === null ? "" : ` The measured validation loss is lowest at epoch ${lowestValidation}.`;
  if (picked === null) return `The simulator predicts epoch ${predictedBest} as the best for these settings; nobody has picked an epoch yet.${lowest}`;
  if (picked === predictedBest) return `The team's pick, epoch ${picked}, is the epoch the simulator predicts as the best.${lowest}`;
  const direction = picked > predictedBest ? "later" : "earlier";
  return `The team picked epoch ${picked}, ${Math.abs(picked - predictedBest)} ${Math.abs(picked - predictedBest) === 1 ? "epoch" : "epochs"} ${direction} than the simulator's predicted best (epoch ${predictedBest}): the real run trained ${direction === "later" ? "slower" : "faster"} than the model expects, or the samples showed something the losses do not.${lowest}`;
}

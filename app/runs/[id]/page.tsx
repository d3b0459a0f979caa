// /runs/[id]: the run dashboard. Server-rendered; the charts, the Pick buttons
// and the name/notes editor are the only client leaves. Unknown ids are a 404
// (no loading.tsx here: it would turn the 404 into a 200).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRun } from "@/lib/runs";
import { CheckpointTable } from "@/app/ui/checkpoint-table";
import { epochZones, lossRows, metricRows, stepZones } from "@/lib/charts";
import { buildExport, EXPORT_FILES, EXPORT_KINDS, exportFileName, KOHYA_CAPTION_EXTENSION, KOHYA_IMAGE_DIR } from "@/lib/export";
import { describeSteps } from "@/lib/form/steps";
import { baselineCheckpoint, previewEpochs, SAMPLE_PROMPTS } from "@/lib/preview";
import { formatDateTime, formatLoss, formatInteger, formatRate, formatScore } from "@/lib/format";
import { bestVersusLast, overfitOnsetEpoch } from "@/lib/replay";
import { getWriteAccess } from "@/lib/auth/session";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { EstimatePanel } from "@/app/ui/decide/estimate-panel";
import { TwinActions } from "@/app/ui/decide/twin-actions-panel";
import { SamplePreview } from "@/app/ui/sample-preview";
import { SampleViewer } from "@/app/ui/sample-viewer/sample-viewer";
import { formatSampleView, parseSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { viewerRunOf } from "@/app/ui/sample-viewer/viewer-run";
import { firstOverfitEpoch, nextSteps } from "@/lib/advice";
import { DashboardCharts } from "./dashboard-charts";
import { NextStepsSection } from "./next-steps";
import { PickedBestVersusLast, PickedReplayPanel } from "./picked-panels";
import { PickControl, PickProvider, PickStatus } from "./pick-context";
import { RunDetailsEditor } from "./run-details-editor";
import styles from "./dashboard.module.css";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const run = await getRun((await params).id);
  return { title: run ? run.name : "Run not found" };
}

export default async function RunPage({ params, searchParams }: Props) {
  const run = await getRun((await params).id);
  if (!run) notFound();
  const { settings, checkpoints } = run;
  const sampleEpochs = previewEpochs(settings.epochs, [run.recommendedEpoch, run.pickedEpoch]);
  const byEpoch = new Map(checkpoints.map((c) => [c.epoch, c]));
  const onset = overfitOnsetEpoch(checkpoints);
  const overfitFrom = firstOverfitEpoch(checkpoints);
  const { canWrite } = await getWriteAccess();
  const initialView = parseSampleView((await searchParams)[VIEW_PARAM], [{ id: run.id, epochs: settings.epochs }]);
  const baseline = baselineCheckpoint();
  const viewHref = (epoch: number, promptId: string) => `/runs/${run.id}?${VIEW_PARAM}=${formatSampleView({ runId: run.id, epoch, promptId })}`;

  return (
    <div className="page stack">
      <PickProvider runId={run.id} initialPickedEpoch={run.pickedEpoch} recommendedEpoch={run.recommendedEpoch}>
        <header className={`card ${styles.header}`}>
          <RunDetailsEditor runId={run.id} initialName={run.name} initialNotes={run.notes} />
          <dl className={styles.settings}>
            <div>
              <dt>Images</dt>
              <dd>{settings.images}</dd>
            </div>
            <div>
              <dt>Repeats</dt>
              <dd>{settings.repeats}</dd>
            </div>
            <div>
              <dt>Epochs</dt>
              <dd>{settings.epochs}</dd>
            </div>
            <div>
              <dt>Batch size</dt>
              <dd>{settings.batchSize}</dd>
            </div>
            <div>
              <dt>Learning rate</dt>
              <dd>{formatRate(settings.learningRate)}</dd>
            </div>
            <div>
              <dt>Text-encoder LR</dt>
              <dd>{settings.textEncoderLearningRate === 0 ? "0 (frozen)" : formatRate(settings.textEncoderLearningRate)}</dd>
            </div>
            <div>
              <dt>Caption quality</dt>
              <dd>{settings.captionQuality.toFixed(2)}</dd>
            </div>
            <div>
              <dt>Dataset similarity</dt>
              <dd>{settings.datasetSimilarity.toFixed(2)}</dd>
            </div>
            <div>
              <dt>Seed</dt>
              <dd>{settings.seed}</dd>
            </div>
          </dl>
          <p className={styles.steps}>
            <strong>Steps:</strong> {describeSteps(settings)}
          </p>
          <p className="muted">
            Created <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
          </p>
          <PickStatus />
        </header>

        <section aria-labelledby="charts-heading" className={`stack ${styles.section}`}>
          <h2 id="charts-heading">Every epoch checkpoint</h2>
          <DashboardCharts
            lossRows={lossRows(checkpoints, run.lossCurve)}
            stepZones={stepZones(checkpoints)}
            epochSteps={checkpoints.map((c) => c.step)}
            metricRows={metricRows(checkpoints)}
            epochZones={epochZones(checkpoints)}
            overfitOnsetEpoch={onset}
            firstOverfitEpoch={overfitFrom}
          />
          <details className={styles.dataTable}>
            <summary>Data table of the charts</summary>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Checkpoint numbers, scrolls sideways">
              <CheckpointTable checkpoints={checkpoints} caption="Every checkpoint's numbers, as charted" />
            </div>
          </details>
        </section>

        <section aria-labelledby="checkpoints-heading" className={styles.section}>
          <h2 id="checkpoints-heading">Checkpoints</h2>
          <p className="muted">
            One LoRA per epoch. The recommended one has the highest quality; pick the one you would keep.
          </p>
          <ol className={styles.checkpoints} aria-label="Checkpoints">
            {checkpoints.map((c) => (
              <li key={c.epoch} className={styles.checkpoint} data-testid="checkpoint" aria-labelledby={`checkpoint-${c.epoch}`}>
                <div className={styles.checkpointHead}>
                  <h3 id={`checkpoint-${c.epoch}`} className={styles.checkpointTitle}>
                    Epoch {c.epoch}
                  </h3>
                  <VerdictBadge verdict={c.verdict} />
                  {c.epoch === run.recommendedEpoch && <span className="badge badge-accent">Recommended</span>}
                </div>
                <dl className={styles.metrics}>
                  <div>
                    <dt>Quality</dt>
                    <dd>{formatScore(c.quality)}</dd>
                  </div>
                  <div>
                    <dt>Fidelity</dt>
                    <dd>{formatScore(c.fidelity)}</dd>
                  </div>
                  <div>
                    <dt>Flexibility</dt>
                    <dd>{formatScore(c.flexibility)}</dd>
                  </div>
                  <div>
                    <dt>Overfit risk</dt>
                    <dd>{formatScore(c.overfitRisk)}</dd>
                  </div>
                  <div>
                    <dt>Val. loss</dt>
                    <dd>{formatLoss(c.validationLoss)}</dd>
                  </div>
                  <div>
                    <dt>Step</dt>
                    <dd>{formatInteger(c.step)}</dd>
                  </div>
                </dl>
                <div className={styles.pickRow}>
                  <PickControl epoch={c.epoch} />
                </div>
              </li>
            ))}
          </ol>
        </section>

      <section aria-labelledby="decide-heading" className={`stack ${styles.section}`} data-testid="decide-section">
        <h2 id="decide-heading">Decide</h2>
        <p className="muted">Which epoch to keep, where early stopping would have ended, what this run costs on a real GPU, and a twin to test one trade-off.</p>
        <PickedBestVersusLast
          {...bestVersusLast(run)}
          overfitOnsetEpoch={onset}
          firstOverfitEpoch={overfitFrom}
          lastVerdict={checkpoints[checkpoints.length - 1].verdict}
          headingLevel={3}
        />
        <div className={styles.decideGrid}>
          <PickedReplayPanel
            checkpoints={checkpoints}
            stepsPerEpoch={run.stepsPerEpoch}
            recommendedEpoch={run.recommendedEpoch}
            settings={settings}
            headingLevel={3}
          />
          <EstimatePanel images={settings.images} repeats={settings.repeats} epochs={settings.epochs} batchSize={settings.batchSize} headingLevel={3} />
        </div>
        <TwinActions runId={run.id} settings={settings} canWrite={canWrite} headingLevel={3} />
      </section>
      </PickProvider>

      <section aria-labelledby="samples-heading" className={styles.section}>
        <h2 id="samples-heading">Sample previews</h2>
        <p className="muted">
          Simulated sample images of each checkpoint for {SAMPLE_PROMPTS.length} prompts, like the sample grids a trainer saves every epoch.
          Underfit checkpoints draw a vague, generic figure; balanced ones a clear subject that follows each prompt; overfit ones repeat the
          training image&apos;s rigid, over-saturated composition whatever the prompt.
          {" "}Epoch 0 is the untrained base model, for reference.
          {sampleEpochs.length < settings.epochs && ` Showing ${sampleEpochs.length} of ${settings.epochs} epochs.`}
        </p>
        <div className={styles.sampleScroller} tabIndex={0} role="region" aria-label="Sample previews, prompts by epoch; scrolls sideways">
          <table className={styles.sampleGrid}>
            <caption className="visually-hidden">Sample previews: one row per prompt, one column per epoch</caption>
            <thead>
              <tr>
                <th scope="col">Prompt</th>
                <th scope="col">
                  Epoch 0
                  <br />
                  <span className="badge">Untrained</span>
                </th>
                {sampleEpochs.map((epoch) => (
                  <th scope="col" key={epoch}>
                    Epoch {epoch}
                    <br />
                    <VerdictBadge verdict={byEpoch.get(epoch)!.verdict} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {SAMPLE_PROMPTS.map((prompt) => (
                <tr key={prompt.id}>
                  <th scope="row" className={styles.promptCell}>
                    {prompt.text}
                  </th>
                  <td>
                    <a
                      href={viewHref(0, prompt.id)}
                      data-sample-view={formatSampleView({ runId: run.id, epoch: 0, promptId: prompt.id })}
                      className={styles.sampleLink}
                      aria-label={`Untrained baseline, “${prompt.text}”: view full size`}
                    >
                      <SamplePreview checkpoint={baseline} seed={settings.seed} prompt={prompt} size={88} className={styles.sample} />
                    </a>
                  </td>
                  {sampleEpochs.map((epoch) => (
                    <td key={epoch}>
                      <a
                        href={viewHref(epoch, prompt.id)}
                        data-sample-view={formatSampleView({ runId: run.id, epoch, promptId: prompt.id })}
                        className={styles.sampleLink}
                        aria-label={`Epoch ${epoch}, “${prompt.text}”: view full size`}
                      >
                        <SamplePreview checkpoint={byEpoch.get(epoch)!} seed={settings.seed} prompt={prompt} size={88} className={styles.sample} />
                      </a>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">Select a sample to view it full size; in the viewer ←/→ change the prompt and ↑/↓ the epoch.</p>
        <SampleViewer runs={[viewerRunOf(run)]} initialView={initialView} />
      </section>

      <section aria-labelledby="export-heading" className={`stack ${styles.section}`}>
        <h2 id="export-heading">Export</h2>
        <ul className={styles.exports}>
          {EXPORT_KINDS.map((kind) => (
            <li key={kind}>
              <a className="button button-small" href={`/runs/${run.id}/export/${kind}`} download={exportFileName(run, kind)}>
                {EXPORT_FILES[kind].label}
              </a>
            </li>
          ))}
        </ul>
        <details className={styles.kohya}>
          <summary>Export for kohya sd-scripts: what the files hold</summary>
          <p>
            To train this run for real with{" "}
            <a href="https://github.com/kohya-ss/sd-scripts">kohya-ss sd-scripts</a>: put the {settings.images} images in{" "}
            <code>{KOHYA_IMAGE_DIR}</code> with a <code>{KOHYA_CAPTION_EXTENSION}</code> caption beside each, set the base model path, then run
            the launch script. Repeats go in the dataset config (<code>num_repeats</code>); learning rates, batch size, epochs and seed in the
            training config, which saves a LoRA every epoch (<code>save_every_n_epochs = 1</code>) so you can compare checkpoints as here.
            Caption quality and dataset similarity describe your data: they have no setting.
          </p>
          <h3>Dataset config</h3>
          <pre className={styles.code} tabIndex={0} role="region" aria-label="Dataset config (TOML)">
            <code>{buildExport(run, "dataset")}</code>
          </pre>
          <h3>Training config</h3>
          <pre className={styles.code} tabIndex={0} role="region" aria-label="Training config (TOML)">
            <code>{buildExport(run, "training")}</code>
          </pre>
        </details>
      </section>

      <NextStepsSection runId={run.id} advice={nextSteps(run)} canWrite={canWrite} />
      <p>
        <Link href="/">Back to runs</Link>
      </p>
    </div>
  );
}

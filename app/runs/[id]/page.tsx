// /runs/[id]: the run dashboard. Server-rendered; the first screen's client
// leaves are the charts, the Pick buttons and the name/notes editor. Below the
// fold, the sample grid is plain images (no script), and the decide panels and
// the sample viewer load when needed (lazy-leaves.tsx). Unknown ids are a 404
// (no loading.tsx here: it would turn the 404 into a 200).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { countVotes, getImportedRun, getRun, getRunTags } from "@/lib/runs";
import { pickSettings } from "@/lib/sim";
import { CheckpointTable } from "@/app/ui/checkpoint-table";
import { epochZones, lossRows, metricRows, stepZones } from "@/lib/charts";
import { buildExport, EXPORT_FILES, EXPORT_KINDS, exportableRun, exportFileName, KOHYA_CAPTION_EXTENSION, KOHYA_IMAGE_DIR, KOHYA_MODELS } from "@/lib/export";
import { describeSteps } from "@/lib/form/steps";
import { baselineCheckpoint, previewEpochs, SAMPLE_PROMPTS, type PreviewMetrics, type SamplePrompt } from "@/lib/preview";
import { formatDateTime, formatInteger } from "@/lib/format";
import { formatSetting, METRICS, SETTING_ORDER, SETTINGS, SIMULATOR_VERSION, type MetricKey } from "@/lib/sim";
import { bestVersusLast, overfitOnsetEpoch } from "@/lib/replay";
import { getWriteLockStatus } from "@/lib/auth/session";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { RunTags } from "@/app/ui/run-tags";
import { formatSampleView, parseSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { viewerRunOf } from "@/app/ui/sample-viewer/viewer-run";
import { firstOverfitEpoch, nextSteps } from "@/lib/advice";
import { DashboardCharts } from "./dashboard-charts";
import { DeferredEstimatePanel } from "./lazy-leaves";
import { TwinActions } from "@/app/ui/decide/twin-actions-panel";
import { DeferredSampleViewer } from "@/app/ui/sample-viewer/deferred-sample-viewer";
import { SampleImage } from "@/app/ui/sample-image";
import { NextStepsSection } from "./next-steps";
import { PickedBestVersusLast, PickedReplayPanel } from "./picked-panels";
import { ImportedRun } from "./imported-run";
import { PickControl, PickProvider, PickStatus } from "./pick-context";
import { RunDetailsEditor } from "./run-details-editor";
import { SimulatorVersion } from "./simulator-version";
import styles from "./dashboard.module.css";
import { ScrollRegion } from "@/app/ui/scroll-region";
import { buttonClass } from "@/app/ui/button";

/** The metrics each checkpoint card shows, in this order. */
const CHECKPOINT_CARD_METRICS: readonly MetricKey[] = ["quality", "fidelity", "flexibility", "overfitRisk", "validationLoss"];

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const run = await getRun((await params).id);
  return { title: run ? run.name : "Run not found" };
}

export default async function RunPage({ params, searchParams }: Props) {
  const run = await getRun((await params).id);
  if (!run) notFound();
  if (run.source === "imported") {
    const imported = await getImportedRun(run.id);
    if (!imported) notFound();
    return <ImportedRun run={imported} />;
  }
  const { checkpoints } = run;
  const settings = pickSettings(run);
  const exportable = exportableRun(run);
  const sampleEpochs = previewEpochs(settings.epochs, [run.recommendedEpoch, run.pickedEpoch]);
  const byEpoch = new Map(checkpoints.map((c) => [c.epoch, c]));
  const onset = overfitOnsetEpoch(checkpoints);
  const bestQuality = checkpoints[run.recommendedEpoch - 1].quality;
  const overfitFrom = firstOverfitEpoch(checkpoints);
  const [{ canWrite }, reviews, tags] = await Promise.all([getWriteLockStatus(), countVotes(run.id), getRunTags(run.id)]);
  const initialView = parseSampleView((await searchParams)[VIEW_PARAM], [{ id: run.id, epochs: settings.epochs }]);
  const baseline = baselineCheckpoint();
  const sample = (checkpoint: PreviewMetrics, prompt: SamplePrompt) => (
    <SampleImage runId={run.id} checkpoint={checkpoint} seed={settings.seed} prompt={prompt} size={88} className={styles.sample} />
  );
  const viewHref = (epoch: number, promptId: string) => `/runs/${run.id}?${VIEW_PARAM}=${formatSampleView({ runId: run.id, epoch, promptId })}`;

  return (
    <div className="page stack">
      <PickProvider runId={run.id} initialPickedEpoch={run.pickedEpoch} recommendedEpoch={run.recommendedEpoch}>
        <header className={`card ${styles.header}`}>
          <RunDetailsEditor runId={run.id} initialName={run.name} initialNotes={run.notes} />
          <dl className={styles.settings} aria-label="Settings">
            {SETTING_ORDER.filter((key) => key !== "name").map((key) => (
              <div key={key}>
                <dt>{SETTINGS[key].label}</dt>
                <dd>{formatSetting(key, settings[key])}</dd>
              </div>
            ))}
          </dl>
          <p className={styles.steps}>
            <strong>Steps:</strong> {describeSteps(settings)}
          </p>
          <p className="muted">
            Created <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
          </p>
          <SimulatorVersion runId={run.id} version={run.simulatorVersion} currentVersion={SIMULATOR_VERSION} canWrite={canWrite} />
          <PickStatus />
          <RunTags runId={run.id} initialTags={tags} canWrite={canWrite} />
          <p>
            <Link href={`/runs/${run.id}/review`}>Blind review</Link>{" "}
            <span className="muted">
              ({reviews} {reviews === 1 ? "vote" : "votes"} so far)
            </span>
          </p>
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
            geometry={{ images: settings.images, repeats: settings.repeats, batchSize: settings.batchSize }}
          />
          <details className={styles.dataTable}>
            <summary>Data table of the charts</summary>
            <ScrollRegion label="Checkpoint numbers, scrolls sideways">
              <CheckpointTable checkpoints={checkpoints} caption="Every checkpoint's numbers, as charted" />
            </ScrollRegion>
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
                  <VerdictBadge verdict={c.verdict} quality={c.quality} bestQuality={bestQuality} />
                  {c.epoch === run.recommendedEpoch && <span className="badge badge-accent">Recommended</span>}
                </div>
                <dl className={styles.metrics}>
                  {CHECKPOINT_CARD_METRICS.map((key) => (
                    <div key={key}>
                      <dt>{METRICS[key].label}</dt>
                      <dd>{METRICS[key].format(c[key])}</dd>
                    </div>
                  ))}
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
          <DeferredEstimatePanel images={settings.images} repeats={settings.repeats} epochs={settings.epochs} batchSize={settings.batchSize} headingLevel={3} />
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
                    <VerdictBadge verdict={byEpoch.get(epoch)!.verdict} quality={byEpoch.get(epoch)!.quality} bestQuality={bestQuality} />
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
                      {sample(baseline, prompt)}
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
                        {sample(byEpoch.get(epoch)!, prompt)}
                      </a>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">Select a sample to view it full size; in the viewer ←/→ change the prompt and ↑/↓ the epoch.</p>
        <DeferredSampleViewer runs={[viewerRunOf(run)]} initialView={initialView && formatSampleView(initialView)} />
      </section>

      <section aria-labelledby="export-heading" className={`stack ${styles.section}`}>
        <h2 id="export-heading">Export</h2>
        <ul className={styles.exports}>
          {EXPORT_KINDS.map((kind) => (
            <li key={kind}>
              <a className={buttonClass({ size: "small" })} href={`/runs/${run.id}/export/${kind}`} download={exportFileName(exportable, kind)}>
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
            Rank, alpha, optimizer, scheduler and warm-up go in the training config too, and the launch script runs{" "}
            <code>{KOHYA_MODELS[settings.modelFamily].script}</code> for {formatSetting("modelFamily", settings.modelFamily)}. Caption quality and
            dataset similarity describe your data: they have no setting. The ai-toolkit job config holds the same run for{" "}
            <a href="https://github.com/ostris/ai-toolkit">ostris ai-toolkit</a>, counted in steps.
          </p>
          <h3>Dataset config</h3>
          <pre className={styles.code} tabIndex={0} role="region" aria-label="Dataset config (TOML)">
            <code>{buildExport(exportable, "dataset")}</code>
          </pre>
          <h3>Training config</h3>
          <pre className={styles.code} tabIndex={0} role="region" aria-label="Training config (TOML)">
            <code>{buildExport(exportable, "training")}</code>
          </pre>
        </details>
      </section>

      <NextStepsSection runId={run.id} advice={nextSteps({ settings, checkpoints, recommendedEpoch: run.recommendedEpoch })} canWrite={canWrite} />
      <p>
        <Link href="/">Back to runs</Link>
      </p>
    </div>
  );
}

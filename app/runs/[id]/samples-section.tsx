// The run page's sample previews: a grid of simulated samples, prompts by
// epoch (plain images and links, no script), and the full-size viewer, which
// loads when a sample is opened.
import type { RunDetail } from "@/lib/server/runs";
import type { Settings } from "@/lib/sim";
import { baselineCheckpoint, previewEpochs, SAMPLE_PROMPTS, type PreviewMetrics, type SamplePrompt } from "@/lib/preview";
import { SampleImage } from "@/app/ui/sample-image";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { DeferredSampleViewer } from "@/app/ui/sample-viewer/deferred-sample-viewer";
import { formatSampleView, VIEW_PARAM, type SampleView } from "@/app/ui/sample-viewer/view-param";
import { viewerRunOf } from "@/app/ui/sample-viewer/viewer-run";
import styles from "./dashboard.module.css";

export function SamplesSection({ run, settings, initialView }: { run: RunDetail; settings: Settings; initialView: SampleView | null }) {
  const sampleEpochs = previewEpochs(settings.epochs, [run.recommendedEpoch, run.pickedEpoch]);
  const byEpoch = new Map(run.checkpoints.map((c) => [c.epoch, c]));
  const bestQuality = run.checkpoints[run.recommendedEpoch - 1].quality;
  const baseline = baselineCheckpoint();
  const sample = (checkpoint: PreviewMetrics, prompt: SamplePrompt) => <SampleImage runId={run.id} checkpoint={checkpoint} seed={settings.seed} prompt={prompt} size={88} className={styles.sample} />;
  const viewHref = (epoch: number, promptId: string) => `/runs/${run.id}?${VIEW_PARAM}=${formatSampleView({ runId: run.id, epoch, promptId })}`;

  return (
    <section aria-labelledby="samples-heading" className={styles.section}>
      <h2 id="samples-heading">Sample previews</h2>
      <p className="muted">
        Simulated sample images of each checkpoint for {SAMPLE_PROMPTS.length} prompts, like the sample grids a trainer saves every epoch. Underfit checkpoints draw a vague, generic figure; balanced
        ones a clear subject that follows each prompt; overfit ones repeat the training image&apos;s rigid, over-saturated composition whatever the prompt. Epoch 0 is the untrained base model, for
        reference.
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
                    className={`sample-link ${styles.sampleLink}`}
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
                      className={`sample-link ${styles.sampleLink}`}
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
  );
}

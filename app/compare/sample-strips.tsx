// The compare page's sample strips: each run's samples at its recommended
// epoch (a real run's own images at its pick), opening the full-size viewer.
import { compareRunsHref, type CompareRunsQuery } from "@/lib/compare/query";
import { SAMPLE_PROMPTS } from "@/lib/preview";
import type { ImportedRunDetail } from "@/lib/server/runs";
import { SampleImage } from "@/app/ui/sample-image";
import { DeferredSampleViewer } from "@/app/ui/sample-viewer/deferred-sample-viewer";
import { formatSampleView, parseSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { realPromptId, realViewerRunOf, viewerRunOf, viewTargetOf } from "@/app/ui/sample-viewer/viewer-run";
import styles from "@/app/ui/compare/compare.module.css";
import type { ComparedRun } from "./compared-run";

/** The epoch whose samples a real run shows: its pick, else the predicted best, else its last epoch with samples; null without samples. */
function realStripEpoch(real: ImportedRunDetail): { epoch: number; why: string } | null {
  const withSamples = real.checkpoints.filter((c) => c.samples.length > 0);
  if (withSamples.length === 0) return null;
  if (real.pickedEpoch !== null && withSamples.some((c) => c.epoch === real.pickedEpoch)) return { epoch: real.pickedEpoch, why: "picked" };
  if (withSamples.some((c) => c.epoch === real.recommendedEpoch)) return { epoch: real.recommendedEpoch, why: "predicted best" };
  return { epoch: withSamples[withSamples.length - 1].epoch, why: "last with samples" };
}

/** Each run's samples at its recommended epoch (a real run's own images at its pick); each opens the full-size viewer, whose Tab moves across these runs. */
export function SampleStrips({ compared, ids, query, view }: { compared: ComparedRun[]; ids: string[]; query: CompareRunsQuery; view: string | string[] | undefined }) {
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
      <ul className={`plain-list ${styles.strips}`}>
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
                  <ul className={`plain-list ${styles.stripSamples}`}>
                    {checkpoint.samples.map((sample) => {
                      const sampleView = formatSampleView({ runId: run.id, epoch: checkpoint.epoch, promptId: realPromptId(sample.promptIndex) });
                      const text = sample.prompt ?? `prompt ${sample.promptIndex + 1}`;
                      return (
                        <li key={sample.promptIndex}>
                          <a
                            href={`${base}&${VIEW_PARAM}=${sampleView}`}
                            data-sample-view={sampleView}
                            className="sample-link"
                            aria-label={`${run.name}, epoch ${checkpoint.epoch}, “${text}”: view full size`}
                          >
                            {/* eslint-disable-next-line @next/next/no-img-element -- content-addressed previews served by the API, already sized */}
                            <img
                              src={sample.previewUrl}
                              width={72}
                              height={Math.round((72 * sample.height) / sample.width)}
                              alt={`Epoch ${checkpoint.epoch}: ${text}`}
                              loading="lazy"
                              className="sample-image"
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
              <ul className={`plain-list ${styles.stripSamples}`}>
                {SAMPLE_PROMPTS.map((prompt) => {
                  const sampleView = formatSampleView({ runId: run.id, epoch: run.recommendedEpoch, promptId: prompt.id });
                  return (
                    <li key={prompt.id}>
                      <a
                        href={`${base}&${VIEW_PARAM}=${sampleView}`}
                        data-sample-view={sampleView}
                        className="sample-link"
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

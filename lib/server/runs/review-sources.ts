// What a run's review shows: an imported run's real samples when it has them,
// otherwise previews drawn from its checkpoints (for an imported run without
// samples, from the simulator's prediction for its settings).
import "server-only";
import { previewMetricsOf, SAMPLE_PROMPTS } from "@/lib/preview";
import { getImportedRun } from "@/lib/server/runs/imports";
import { getRun } from "@/lib/server/runs/runs";
import type { SetRunForReview } from "@/lib/server/runs/review-set-logic";
import type { ReviewImage, ReviewRunSource } from "@/lib/server/runs/review-view";

export type { ReviewImage, ReviewRunSource } from "@/lib/server/runs/review-view";

/** A run as its review reads it, and what it shows; null when the run does not exist. */
export async function reviewSourceOf(runId: string): Promise<{ run: SetRunForReview; source: ReviewRunSource } | null> {
  const run = await getRun(runId);
  if (!run) return null;
  const base = { id: run.id, name: run.name, epochs: run.epochs, recommendedEpoch: run.recommendedEpoch, pickedEpoch: run.pickedEpoch };
  if (run.source !== "imported") {
    // Every checkpoint, not just the dealt ones: a new pick changes which epochs are dealt.
    return { run: base, source: { kind: "simulated", runId: run.id, seed: run.seed, checkpoints: run.checkpoints.map(previewMetricsOf) } };
  }
  const imported = await getImportedRun(runId);
  if (!imported) return null;
  const images: ReviewImage[] = [
    ...imported.beforeTraining.map((sample) => ({ epoch: 0, ...sample })),
    ...imported.checkpoints.flatMap((checkpoint) => checkpoint.samples.map((sample) => ({ epoch: checkpoint.epoch, ...sample }))),
  ].map(({ epoch, promptIndex, prompt, url, previewUrl, width, height }) => ({ epoch, promptIndex, prompt, url, previewUrl, width, height }));
  const trained = images.filter((image) => image.epoch >= 1 && image.epoch <= run.epochs);
  const epochsWithSamples = [...new Set(trained.map((image) => image.epoch))].sort((x, y) => x - y);
  if (epochsWithSamples.length >= 1) {
    const promptCount = Math.max(...trained.map((image) => image.promptIndex)) + 1;
    const prompts = Array.from({ length: promptCount }, (_, index) => images.find((image) => image.promptIndex === index && image.prompt !== null)?.prompt ?? null);
    return { run: { ...base, epochsToReview: epochsWithSamples, promptCount }, source: { kind: "images", runId: run.id, images, prompts } };
  }
  // No samples in the folder: previews of the prediction for the same settings.
  return {
    run: { ...base, promptCount: SAMPLE_PROMPTS.length },
    source: { kind: "simulated", runId: run.id, seed: run.seed, checkpoints: imported.prediction.map(previewMetricsOf) },
  };
}

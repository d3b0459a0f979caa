// A stored run reduced to what the sample viewer draws (keeps the client props
// small): a simulated run's checkpoint metrics, or an imported run's real images.
import type { RealViewerRun, SimulatedViewerRun } from "./sample-viewer";
import { previewMetricsOf, type PreviewMetrics } from "@/lib/preview";

export function viewerRunOf(run: { id: string; name: string; seed: number; checkpoints: readonly PreviewMetrics[] }): SimulatedViewerRun {
  return {
    id: run.id,
    name: run.name,
    seed: run.seed,
    checkpoints: run.checkpoints.map(previewMetricsOf),
  };
}

/** The view id of a real run's prompt: "p0", "p1", … (its index in the trainer's prompt file). */
export function realPromptId(promptIndex: number): string {
  return `p${promptIndex}`;
}

interface RealSampleSource {
  promptIndex: number;
  prompt: string | null;
  url: string;
  width: number;
  height: number;
}

/** What an imported run (ImportedRunDetail) gives the viewer: the epochs with samples, its prompts and every image. */
export function realViewerRunOf(run: {
  id: string;
  name: string;
  epochs: number;
  beforeTraining: readonly RealSampleSource[];
  checkpoints: readonly { epoch: number; samples: readonly RealSampleSource[] }[];
}): RealViewerRun {
  const columns = [{ epoch: 0, samples: run.beforeTraining }, ...run.checkpoints].filter((column) => column.samples.length > 0);
  const prompts = new Map<number, string | null>();
  for (const column of columns) for (const sample of column.samples) if (!prompts.has(sample.promptIndex) || prompts.get(sample.promptIndex) === null) prompts.set(sample.promptIndex, sample.prompt);
  return {
    kind: "real",
    id: run.id,
    name: run.name,
    lastEpoch: Math.max(run.epochs, ...run.checkpoints.map((c) => c.epoch)),
    epochs: columns.map((column) => column.epoch).sort((a, b) => a - b),
    prompts: [...prompts.entries()].sort(([a], [b]) => a - b).map(([index, text]) => ({ id: realPromptId(index), text: text ?? `Prompt ${index + 1}` })),
    samples: columns.flatMap((column) =>
      column.samples.map((sample) => ({ epoch: column.epoch, promptId: realPromptId(sample.promptIndex), url: sample.url, width: sample.width, height: sample.height })),
    ),
  };
}

export { viewTargetOf } from "./view-param";

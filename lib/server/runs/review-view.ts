// What a review shows for one run, pure types shared by the server and the
// review pages: simulated previews drawn from the run's checkpoints, or an
// imported run's real sample images (with its before-training samples).
import type { PreviewMetrics } from "@/lib/preview";
import type { ImportedSample } from "@/lib/server/runs/imports";

/** One of an imported run's sample images, with its epoch. */
export interface ReviewImage extends ImportedSample {
  epoch: number;
}

export type ReviewRunSource =
  | { kind: "simulated"; runId: string; seed: number; checkpoints: PreviewMetrics[] }
  /** Real samples: epoch 0 is before training; `prompts` by prompt index. */
  | { kind: "images"; runId: string; images: ReviewImage[]; prompts: (string | null)[] };

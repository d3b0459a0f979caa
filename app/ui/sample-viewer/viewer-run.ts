// A stored run reduced to what the sample viewer draws (keeps the client props small).
import type { ViewerRun } from "./sample-viewer";
import type { PreviewMetrics } from "@/lib/preview";

export function viewerRunOf(run: { id: string; name: string; seed: number; checkpoints: readonly PreviewMetrics[] }): ViewerRun {
  return {
    id: run.id,
    name: run.name,
    seed: run.seed,
    checkpoints: run.checkpoints.map(({ epoch, fidelity, flexibility, captionAdherence, overfitRisk, verdict }) => ({
      epoch,
      fidelity,
      flexibility,
      captionAdherence,
      overfitRisk,
      verdict,
    })),
  };
}

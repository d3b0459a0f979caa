// Which epochs a sample grid shows, and the untrained baseline beside them.
import type { PreviewMetrics } from "./types";

/**
 * The base model before any training (epoch 0), for the sample grid's
 * baseline column: nothing of the subject learned (a generic figure), nothing
 * memorised, so it follows every prompt's scene.
 * @example buildSamplePreview({ checkpoint: baselineCheckpoint(), seed, prompt }).look.detail // → 0
 */
export function baselineCheckpoint(): PreviewMetrics {
  return { epoch: 0, fidelity: 0, flexibility: 0.75, captionAdherence: 0, overfitRisk: 0, verdict: "underfit" };
}

/** Most epochs the sample grid shows at once; longer runs show an even selection. */
export const PREVIEW_EPOCHS_MAX = 12;

/**
 * The epochs a sample grid shows: all of them for short runs, otherwise an
 * even spread that always includes the first, the last and the given epochs
 * (recommended, picked).
 * @example previewEpochs(40, [17]) // → 12 sorted epochs from 1 to 40, 17 among them
 */
export function previewEpochs(epochs: number, include: (number | null)[] = [], max = PREVIEW_EPOCHS_MAX): number[] {
  if (epochs <= max) return Array.from({ length: epochs }, (_, i) => i + 1);
  const chosen = new Set<number>([1, epochs]);
  for (const epoch of include) if (epoch !== null && epoch >= 1 && epoch <= epochs) chosen.add(epoch);
  const spread = max - chosen.size;
  for (let i = 1; i <= spread; i++) chosen.add(Math.round(1 + (i * (epochs - 1)) / (spread + 1)));
  return [...chosen].sort((a, b) => a - b);
}

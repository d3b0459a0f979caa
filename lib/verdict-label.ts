// The words a checkpoint's verdict is shown with. The simulator's verdict
// stays as it is (the API returns it unchanged); only its label is gentler
// where "underfit" would mislead: a checkpoint at 99.6% of the run's best
// quality is not a bad one, the run simply has not peaked yet.
import type { Verdict } from "@/lib/sim";

/** An underfit checkpoint whose quality is at least this share of the run's best reads "Still improving". */
export const NEAR_BEST_SHARE = 0.99;

export const VERDICT_LABELS: Record<Verdict, string> = { underfit: "Underfit", balanced: "Balanced", overfit: "Overfit" };
export const STILL_IMPROVING_LABEL = "Still improving";

/**
 * The label of a verdict, given the checkpoint's quality and the run's best when known.
 * @example verdictLabel("underfit", 0.796, 0.8) // → "Still improving"
 * @example verdictLabel("underfit", 0.6, 0.8) // → "Underfit"
 */
export function verdictLabel(verdict: Verdict, quality?: number, bestQuality?: number): string {
  if (verdict === "underfit" && quality !== undefined && bestQuality !== undefined && bestQuality > 0 && quality >= bestQuality * NEAR_BEST_SHARE) {
    return STILL_IMPROVING_LABEL;
  }
  return VERDICT_LABELS[verdict];
}

// A checkpoint's verdict as a badge. Given the checkpoint's quality and its
// run's best, an underfit checkpoint within a hair of the best reads "Still
// improving" (lib/verdict-label.ts); the verdict itself is unchanged.
import type { Verdict } from "@/lib/sim";
import { VERDICT_LABELS, verdictLabel } from "@/lib/verdict-label";

export function VerdictBadge({ verdict, quality, bestQuality }: { verdict: Verdict; quality?: number; bestQuality?: number }) {
  const label = verdictLabel(verdict, quality, bestQuality);
  const relabelled = label !== VERDICT_LABELS[verdict];
  return (
    <span className={`badge badge-${verdict}`} title={relabelled ? `Verdict: ${verdict}, within 1% of the run's best quality` : undefined}>
      {label}
    </span>
  );
}

import type { Verdict } from "@/lib/sim";

const LABELS: Record<Verdict, string> = { underfit: "Underfit", balanced: "Balanced", overfit: "Overfit" };

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge badge-${verdict}`}>{LABELS[verdict]}</span>;
}

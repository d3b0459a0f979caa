import { VERDICT_LABELS, type Verdict } from "@/lib/sim";

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge badge-${verdict}`}>{VERDICT_LABELS[verdict]}</span>;
}

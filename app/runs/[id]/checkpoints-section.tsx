// The run page's checkpoint cards: one LoRA per epoch, its verdict and
// numbers, and the Pick button. An imported run's page (imported-run.tsx)
// shows its measured checkpoints in the same cards.
import type { ReactNode } from "react";
import type { RunDetail } from "@/lib/server/runs";
import { formatInteger } from "@/lib/format";
import { METRICS, type MetricKey } from "@/lib/sim";
import { FactList, type Fact } from "@/app/ui/fact-list";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { PickControl } from "./pick-context";
import styles from "./dashboard.module.css";

/** The metrics each checkpoint card shows, in this order. */
const CHECKPOINT_CARD_METRICS: readonly MetricKey[] = ["quality", "fidelity", "flexibility", "overfitRisk", "validationLoss"];

export function CheckpointsSection({ run }: { run: RunDetail }) {
  const bestQuality = run.checkpoints[run.recommendedEpoch - 1].quality;
  return (
    <CheckpointCards intro="One LoRA per epoch. The recommended one has the highest quality; pick the one you would keep.">
      {run.checkpoints.map((c) => (
        <CheckpointCard
          key={c.epoch}
          epoch={c.epoch}
          badges={
            <>
              <VerdictBadge verdict={c.verdict} quality={c.quality} bestQuality={bestQuality} />
              {c.epoch === run.recommendedEpoch && <span className="badge badge-accent">Recommended</span>}
            </>
          }
          facts={[...CHECKPOINT_CARD_METRICS.map((key) => ({ label: METRICS[key].label, value: METRICS[key].format(c[key]) })), { label: "Step", value: formatInteger(c.step) }]}
        />
      ))}
    </CheckpointCards>
  );
}

/** The "Checkpoints" section: its heading, a line on what the cards say, and the cards (children). */
export function CheckpointCards({ intro, children }: { intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby="checkpoints-heading" className={styles.section}>
      <h2 id="checkpoints-heading">Checkpoints</h2>
      <p className="muted">{intro}</p>
      <ol className={`plain-list ${styles.checkpoints}`} aria-label="Checkpoints">
        {children}
      </ol>
    </section>
  );
}

/** One checkpoint's card: its epoch and badges, its numbers, and the Pick button when it can be picked. */
export function CheckpointCard({ epoch, badges, facts, pickable = true }: { epoch: number; badges: ReactNode; facts: readonly Fact[]; pickable?: boolean }) {
  return (
    <li className={styles.checkpoint} data-testid="checkpoint" aria-labelledby={`checkpoint-${epoch}`}>
      <div className={styles.checkpointHead}>
        <h3 id={`checkpoint-${epoch}`} className={styles.checkpointTitle}>
          Epoch {epoch}
        </h3>
        {badges}
      </div>
      <FactList className={`stat-list ${styles.metrics}`} facts={facts} />
      {pickable && (
        <div className={styles.pickRow}>
          <PickControl epoch={epoch} />
        </div>
      )}
    </li>
  );
}

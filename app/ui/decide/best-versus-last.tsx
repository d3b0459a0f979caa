// The four epochs that matter when choosing a checkpoint (picked, recommended,
// lowest validation loss, last) and what keeping the last one costs. No hooks:
// renders in server components (run rows, dashboards) and client ones alike.
import { formatScore } from "@/lib/format";
import { QUALITY_GAP_NOTABLE, type BestVersusLastSummary } from "@/lib/replay";
import type { Verdict } from "@/lib/sim";
import styles from "./best-versus-last.module.css";

export interface BestVersusLastProps extends BestVersusLastSummary {
  /** The epoch where validation loss starts rising while training loss falls (lib/replay's overfitOnsetEpoch); omit to hide. */
  overfitOnsetEpoch?: number | null;
  /** The first epoch with the Overfit verdict (the badges' rule); omit to hide. */
  firstOverfitEpoch?: number | null;
  /** The last epoch's verdict: an underfit last epoch that is also the best is "still improving", not "nothing lost". */
  lastVerdict?: Verdict;
  /** "card" for a dashboard, "inline" for a table cell or list row (default "card"). */
  variant?: "card" | "inline";
  /** Heading level of the card's title (default 2). */
  headingLevel?: 2 | 3;
}

export function BestVersusLast({
  recommendedEpoch,
  pickedEpoch,
  lowestValidationEpoch,
  lastEpoch,
  qualityGap,
  overfitOnsetEpoch,
  firstOverfitEpoch,
  lastVerdict,
  variant = "card",
  headingLevel = 2,
}: BestVersusLastProps) {
  const notable = qualityGap >= QUALITY_GAP_NOTABLE;
  const stillImproving = recommendedEpoch === lastEpoch && lastVerdict === "underfit";
  if (variant === "inline") {
    return (
      <span className={styles.inline} data-testid="best-versus-last">
        <span>Picked {pickedEpoch ?? "—"}</span>
        <span>Recommended {recommendedEpoch}</span>
        <span>Lowest val. loss {lowestValidationEpoch}</span>
        <span>Last {lastEpoch}</span>
        <span className={notable ? styles.gapNotable : styles.gap}>Gap {formatScore(qualityGap)}</span>
      </span>
    );
  }
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="card panel" aria-label="Best versus last epoch" data-testid="best-versus-last">
      <Heading className="panel-title">Best versus last</Heading>
      <dl className={`stat-list stat-tiles ${styles.epochs}`}>
        <div>
          <dt>Picked</dt>
          <dd>{pickedEpoch ?? <span className="muted">not yet</span>}</dd>
        </div>
        <div>
          <dt>Recommended</dt>
          <dd>{recommendedEpoch}</dd>
        </div>
        <div>
          <dt>Lowest validation loss</dt>
          <dd>{lowestValidationEpoch}</dd>
        </div>
        <div>
          <dt>Last</dt>
          <dd>{lastEpoch}</dd>
        </div>
        {overfitOnsetEpoch !== undefined && (
          <div>
            <dt>Val. loss turns up</dt>
            <dd>{overfitOnsetEpoch ?? <span className="muted">never</span>}</dd>
          </div>
        )}
        {firstOverfitEpoch !== undefined && (
          <div>
            <dt>First Overfit verdict</dt>
            <dd>{firstOverfitEpoch ?? <span className="muted">none</span>}</dd>
          </div>
        )}
      </dl>
      <p className={styles.summary}>
        <span className={`badge ${notable ? "badge-overfit" : stillImproving ? "badge-underfit" : "badge-balanced"}`}>
          {notable ? "Last is worse" : stillImproving ? "Still improving" : "Last ≈ best"}
        </span>{" "}
        {stillImproving
          ? "The last epoch is the best so far but still underfit: the run stopped before its peak, so train longer."
          : recommendedEpoch === lastEpoch
            ? "The last epoch is the recommended one: nothing lost by keeping it."
            : notable
              ? `Keeping epoch ${lastEpoch} instead of ${recommendedEpoch} costs ${formatScore(qualityGap)} quality.`
              : `Epoch ${lastEpoch} is within ${formatScore(QUALITY_GAP_NOTABLE)} quality of epoch ${recommendedEpoch} (gap ${formatScore(qualityGap)}).`}
      </p>
    </section>
  );
}

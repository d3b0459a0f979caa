"use client";
// The parts of predicted versus actual that follow the pick as it is made
// (without a reload): the best epochs side by side, the sentence on where they
// disagree, and the chart's markers.
import Link from "next/link";
import type { Settings } from "@/lib/sim";
import { agreementSentence } from "@/lib/sim/team-calibration-agreement";
import { ImportedLossChart, type ImportedLossRow } from "./imported-loss-chart";
import { useDeferredPick } from "./pick-context";
import styles from "./dashboard.module.css";

interface SummaryProps {
  settings: Settings;
  predictedBest: number;
  lowestMeasuredValidation: number | null;
  calibrated: { epoch: number; runs: number } | null;
  /** Why there is no team calibration yet, when there is none. */
  calibrationNeeds: string | null;
}

export function PredictedVsActualSummary({ settings, predictedBest, lowestMeasuredValidation, calibrated, calibrationNeeds }: SummaryProps) {
  const pickedEpoch = useDeferredPick();
  return (
    <>
      <dl className={`stat-list ${styles.settings}`} aria-label="Best epoch, predicted and picked">
        <div>
          <dt>Simulator&apos;s best epoch</dt>
          <dd data-testid="predicted-best">epoch {predictedBest}</dd>
        </div>
        <div>
          <dt>Your team&apos;s pick</dt>
          <dd data-testid="team-pick">{pickedEpoch === null ? "none yet" : `epoch ${pickedEpoch}`}</dd>
        </div>
        <div>
          <dt>Calibrated to your team</dt>
          <dd data-testid="calibrated-best">{calibrated ? `epoch ${calibrated.epoch}` : <span className="muted">not yet</span>}</dd>
        </div>
      </dl>
      <p data-testid="agreement" aria-live="polite">
        {agreementSentence({ settings, predictedBest, pickedEpoch, lowestMeasuredValidation, calibrated })}
      </p>
      {calibrationNeeds && (
        <p className="muted">
          Team calibration, counting your other runs only: {calibrationNeeds} <Link href="/runs/import">Import a run</Link>
        </p>
      )}
    </>
  );
}

export function PredictedVsActualChart({ rows, predictedBest }: { rows: ImportedLossRow[]; predictedBest: number }) {
  const pickedEpoch = useDeferredPick();
  return <ImportedLossChart rows={rows} predictedBest={predictedBest} pickedEpoch={pickedEpoch} />;
}

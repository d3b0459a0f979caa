"use client";
// The run's two charts, with the picked epoch taken from the pick state. A
// Pick answers at once (button, badge, status); the charts move their marker
// from a deferred copy of the pick, so redrawing them never holds up the click.
import { useDeferredValue, useMemo } from "react";
import type { LossRow, MetricRow, Zone } from "@/lib/charts";
import { EpochScoresChart, LossChart } from "@/app/ui/charts/run-charts";
import { overfitOnsetMarkers } from "@/app/ui/decide/markers";
import { usePick } from "./pick-context";
import styles from "./dashboard.module.css";

export interface DashboardChartsProps {
  lossRows: LossRow[];
  stepZones: Zone[];
  epochSteps: number[];
  metricRows: MetricRow[];
  epochZones: Zone[];
  /** The epoch where validation loss starts rising while training loss keeps falling; null when the run never turns. */
  overfitOnsetEpoch?: number | null;
}

export function DashboardCharts({ lossRows, stepZones, epochSteps, metricRows, epochZones, overfitOnsetEpoch = null }: DashboardChartsProps) {
  const { pickedEpoch, recommendedEpoch } = usePick();
  const chartedPick = useDeferredValue(pickedEpoch);
  // The onset is an epoch; the loss chart's x axis is steps.
  const onsetMarkers = useMemo(
    () =>
      overfitOnsetMarkers(overfitOnsetEpoch).map((marker) => ({
        ...marker,
        x: epochSteps[marker.x - 1] ?? 0,
        labelSide: marker.x > epochSteps.length / 2 ? ("left" as const) : ("right" as const),
        labelRow: 2,
      })),
    [overfitOnsetEpoch, epochSteps],
  );
  const lossChart = useMemo(
    () => (
      <LossChart rows={lossRows} zones={stepZones} epochSteps={epochSteps} recommendedEpoch={recommendedEpoch} pickedEpoch={chartedPick} extraMarkers={onsetMarkers} />
    ),
    [lossRows, stepZones, epochSteps, recommendedEpoch, chartedPick, onsetMarkers],
  );
  const scoresChart = useMemo(
    () => <EpochScoresChart rows={metricRows} zones={epochZones} recommendedEpoch={recommendedEpoch} pickedEpoch={chartedPick} />,
    [metricRows, epochZones, recommendedEpoch, chartedPick],
  );
  return (
    <div className={styles.charts}>
      <div className={`card ${styles.chartCard}`}>
        <h3>Loss</h3>
        {lossChart}
        {overfitOnsetEpoch !== null && (
          <p className={styles.chartNote} data-testid="overfit-onset-note">
            Dashed red line: overfit onset at epoch {overfitOnsetEpoch}, where validation loss starts rising while training loss keeps falling.
          </p>
        )}
      </div>
      <div className={`card ${styles.chartCard}`}>
        <h3>Scores per epoch</h3>
        {scoresChart}
      </div>
    </div>
  );
}

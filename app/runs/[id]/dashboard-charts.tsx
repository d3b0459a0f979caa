"use client";
// The run's two charts, with the picked epoch taken from the pick state so a
// new pick moves the marker at once.
import type { LossRow, MetricRow, Zone } from "@/lib/charts";
import { EpochScoresChart, LossChart } from "@/app/ui/charts/run-charts";
import { usePick } from "./pick-context";
import styles from "./dashboard.module.css";

export interface DashboardChartsProps {
  lossRows: LossRow[];
  stepZones: Zone[];
  epochSteps: number[];
  metricRows: MetricRow[];
  epochZones: Zone[];
}

export function DashboardCharts({ lossRows, stepZones, epochSteps, metricRows, epochZones }: DashboardChartsProps) {
  const { pickedEpoch, recommendedEpoch } = usePick();
  return (
    <div className={styles.charts}>
      <div className={`card ${styles.chartCard}`}>
        <h3>Loss</h3>
        <LossChart rows={lossRows} zones={stepZones} epochSteps={epochSteps} recommendedEpoch={recommendedEpoch} pickedEpoch={pickedEpoch} />
      </div>
      <div className={`card ${styles.chartCard}`}>
        <h3>Scores per epoch</h3>
        <EpochScoresChart rows={metricRows} zones={epochZones} recommendedEpoch={recommendedEpoch} pickedEpoch={pickedEpoch} />
      </div>
    </div>
  );
}

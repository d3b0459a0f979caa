"use client";
// The run's two charts, with the picked epoch taken from the pick state so a
// new pick moves the marker at once.
import type { LossRow, MetricRow, Zone } from "@/lib/charts";
import { EpochScoresChart, LossChart } from "@/app/ui/charts/run-charts";
import { LossChartControls, useLossView } from "@/app/ui/charts/loss-chart-controls";
import type { StepGeometry } from "@/lib/charts/smoothing";
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
  /** Images, repeats and batch size: what converts steps to epochs or images seen. */
  geometry?: StepGeometry;
}

export function DashboardCharts({ lossRows, stepZones, epochSteps, metricRows, epochZones, overfitOnsetEpoch = null, geometry }: DashboardChartsProps) {
  const { pickedEpoch, recommendedEpoch } = usePick();
  const [lossView, setLossView] = useLossView();
  // The onset is an epoch; the loss chart's x axis is steps.
  const onsetMarkers = overfitOnsetMarkers(overfitOnsetEpoch).map((marker) => ({
    ...marker,
    x: epochSteps[marker.x - 1] ?? 0,
    labelSide: marker.x > epochSteps.length / 2 ? ("left" as const) : ("right" as const),
    labelRow: 2,
  }));
  return (
    <div className={styles.charts}>
      <div className={`card ${styles.chartCard}`}>
        <h3>Loss</h3>
        {geometry && <LossChartControls view={lossView} onChange={setLossView} />}
        <LossChart
          rows={lossRows}
          zones={stepZones}
          epochSteps={epochSteps}
          recommendedEpoch={recommendedEpoch}
          pickedEpoch={pickedEpoch}
          extraMarkers={onsetMarkers}
          smoothing={lossView.smoothing}
          xAxis={lossView.xAxis}
          geometry={geometry}
        />
        {overfitOnsetEpoch !== null && (
          <p className={styles.chartNote} data-testid="overfit-onset-note">
            Dashed red line: overfit onset at epoch {overfitOnsetEpoch}, where validation loss starts rising while training loss keeps falling.
          </p>
        )}
      </div>
      <div className={`card ${styles.chartCard}`}>
        <h3>Scores per epoch</h3>
        <EpochScoresChart rows={metricRows} zones={epochZones} recommendedEpoch={recommendedEpoch} pickedEpoch={pickedEpoch} />
      </div>
    </div>
  );
}

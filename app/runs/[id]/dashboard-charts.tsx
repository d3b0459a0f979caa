"use client";
// The run's two charts, with the picked epoch taken from the pick state. A
// Pick answers at once (button, badge, status); the charts move their marker
// from a deferred copy of the pick, so redrawing them never holds up the click.
import { useMemo } from "react";
import type { LossRow, MetricRow, Zone } from "@/lib/charts";
import { EpochScoresChart, LossChart } from "@/app/ui/charts/run-charts";
import { LossChartControls, useLossView } from "@/app/ui/charts/loss-chart-controls";
import type { StepGeometry } from "@/lib/charts/smoothing";
import { overfitOnsetMarkers } from "@/app/ui/decide/markers";
import { useDeferredPick, usePick } from "./pick-context";
import styles from "./dashboard.module.css";

export interface DashboardChartsProps {
  lossRows: LossRow[];
  stepZones: Zone[];
  epochSteps: number[];
  metricRows: MetricRow[];
  epochZones: Zone[];
  /** The epoch where validation loss starts rising while training loss keeps falling; null when the run never turns. */
  overfitOnsetEpoch?: number | null;
  /** The first epoch whose verdict badge says Overfit; null when none does. */
  firstOverfitEpoch?: number | null;
  /** Images, repeats and batch size: what converts steps to epochs or images seen. */
  geometry?: StepGeometry;
}

export function DashboardCharts({ lossRows, stepZones, epochSteps, metricRows, epochZones, overfitOnsetEpoch = null, firstOverfitEpoch = null, geometry }: DashboardChartsProps) {
  const { recommendedEpoch } = usePick();
  const chartedPick = useDeferredPick();
  const [lossView, setLossView] = useLossView();
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
      <LossChart
        rows={lossRows}
        zones={stepZones}
        epochSteps={epochSteps}
        recommendedEpoch={recommendedEpoch}
        pickedEpoch={chartedPick}
        extraMarkers={onsetMarkers}
        smoothing={lossView.smoothing}
        xAxis={lossView.xAxis}
        geometry={geometry}
      />
    ),
    [lossRows, stepZones, epochSteps, recommendedEpoch, chartedPick, onsetMarkers, lossView.smoothing, lossView.xAxis, geometry],
  );
  const scoresChart = useMemo(
    () => <EpochScoresChart rows={metricRows} zones={epochZones} recommendedEpoch={recommendedEpoch} pickedEpoch={chartedPick} />,
    [metricRows, epochZones, recommendedEpoch, chartedPick],
  );
  return (
    <div className={styles.charts}>
      <div className={`card ${styles.chartCard}`}>
        <h3>Loss</h3>
        {geometry && <LossChartControls view={lossView} onChange={setLossView} />}
        {lossChart}
        <p className={styles.chartNote} data-testid="overfit-onset-note">
          {overfitOnsetEpoch !== null
            ? `Dashed red line: validation loss turns up at epoch ${overfitOnsetEpoch} while training loss keeps falling, the first sign of memorising. `
            : "Validation loss never turns up in this run. "}
          The Underfit / Balanced / Overfit badges rate each checkpoint&apos;s overfit risk instead:{" "}
          {firstOverfitEpoch !== null
            ? `it reaches Overfit at epoch ${firstOverfitEpoch}${overfitOnsetEpoch !== null && firstOverfitEpoch > overfitOnsetEpoch ? `, so ${firstOverfitEpoch - 1 === overfitOnsetEpoch ? `epoch ${overfitOnsetEpoch} is` : `epochs ${overfitOnsetEpoch}–${firstOverfitEpoch - 1} are`} still Balanced while validation loss rises` : ""}.`
            : "no checkpoint reaches Overfit."}
        </p>
      </div>
      <div className={`card ${styles.chartCard}`}>
        <h3>Scores per epoch</h3>
        {scoresChart}
      </div>
    </div>
  );
}

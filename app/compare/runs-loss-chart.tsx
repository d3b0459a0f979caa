"use client";
// /compare's training-loss overlay: each simulated run's per-step curve and
// each real run's measured epoch averages, labelled apart, with the run
// page's smoothing slider and x axis choice (kept in the URL as `smoothing`
// and `lossX`: `x` already picks the metric chart's axis on this page).
import { useMemo } from "react";
import { LineChart, type ChartSeries } from "@/app/ui/charts/line-chart";
import { LossChartControls, useLossView } from "@/app/ui/charts/loss-chart-controls";
import type { XAxisKind } from "@/lib/charts/smoothing";
import { lossOverlayKinds, lossOverlayRows, type LossOverlayRun } from "./mixed-runs";

const X_LABELS: Record<XAxisKind, string> = { steps: "Step", epochs: "Epoch", images: "Images seen" };
const integer = (value: number) => Math.round(value).toLocaleString("en-US");
const epochs = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export function RunsLossChart({ runs, colors }: { runs: LossOverlayRun[]; colors: string[] }) {
  const kinds = useMemo(() => lossOverlayKinds(runs), [runs]);
  const [view, setView] = useLossView({ x: "lossX" }, kinds);
  const rows = useMemo(() => lossOverlayRows(runs, view.smoothing, view.xAxis), [runs, view.smoothing, view.xAxis]);
  const series = useMemo<ChartSeries[]>(
    () =>
      runs.map((run, index) => ({
        key: `run${index}`,
        label: `${run.name} (${run.kind})`,
        color: colors[index % colors.length],
        dots: run.kind === "measured" || undefined,
        dashed: run.kind === "simulated" && index >= 3 ? true : undefined,
        connectNulls: true,
      })),
    [runs, colors],
  );
  return (
    <div data-testid="runs-loss-chart" data-x-axis={view.xAxis} data-smoothing={view.smoothing}>
      <LossChartControls view={view} onChange={setView} kinds={kinds} />
      <LineChart
        rows={rows}
        xKey="x"
        xLabel={X_LABELS[view.xAxis]}
        yLabel="Training loss"
        series={series}
        formatX={view.xAxis === "epochs" ? epochs : integer}
        formatY={(value) => value.toFixed(3)}
        xDomain={[0, "dataMax"]}
        height={300}
        label={`Training loss of ${runs.length} runs by ${X_LABELS[view.xAxis].toLowerCase()}: ${runs.map((run) => `${run.name} ${run.kind === "measured" ? "as measured by its trainer, one point per epoch" : "as simulated, per step"}`).join("; ")}${view.smoothing > 0 ? `; smoothed with weight ${view.smoothing.toFixed(2)}` : ""}.`}
      />
    </div>
  );
}

"use client";
// The overlaid curves of /compare: one line per run, each run's recommended
// epoch ringed on its own curve. Rows and series come shaped from the server.
import { LineChart, type ChartPoint, type ChartRow, type ChartSeries } from "@/app/ui/charts/line-chart";

interface Props {
  rows: ChartRow[];
  xKey: "epoch" | "step";
  series: ChartSeries[];
  points: ChartPoint[];
  metricLabel: string;
  /** Decimal places of the metric. */
  digits: number;
  label: string;
}

const integer = (value: number) => Math.round(value).toLocaleString("en-US");

export function RunsOverlayChart({ rows, xKey, series, points, metricLabel, digits, label }: Props) {
  return (
    <LineChart
      rows={rows}
      xKey={xKey}
      xLabel={xKey === "epoch" ? "Epoch" : "Step"}
      yLabel={metricLabel}
      series={series}
      points={points}
      formatX={integer}
      formatY={(value) => value.toFixed(digits)}
      yDomain={["auto", "auto"]}
      height={320}
      label={label}
    />
  );
}

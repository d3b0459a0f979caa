"use client";
// The two charts of a run, on the shared line-chart wrapper: losses per step
// (with validation loss per epoch) and the per-epoch scores. Rows come shaped
// by lib/charts; only formatters and marker placement live here.
import { epochMarkers, epochTicks, type LossRow, type MetricRow, type Zone } from "@/lib/charts";
import { METRICS } from "@/lib/sim";
import { formatInteger } from "@/lib/format";
import { useMemo } from "react";
import { lossRowsOnAxis, stepToAxis, type StepGeometry, type XAxisKind } from "@/lib/charts/smoothing";
import { LineChart, type ChartMarker, type ChartSeries } from "./line-chart";

// Labels and colours from the metric registry: each metric has one colour on every chart.
const SCORE_SERIES: ChartSeries[] = [
  { key: "quality", label: METRICS.quality.label, color: METRICS.quality.color, dots: true },
  { key: "fidelity", label: METRICS.fidelity.label, color: METRICS.fidelity.color, dots: true },
  { key: "flexibility", label: METRICS.flexibility.label, color: METRICS.flexibility.color, dots: true, dashed: true },
  { key: "overfitRisk", label: METRICS.overfitRisk.label, color: METRICS.overfitRisk.color, dots: true, dashed: true },
];

const LOSS_SERIES: ChartSeries[] = [
  { key: "trainLoss", label: `${METRICS.trainLoss.label} (per step)`, color: METRICS.trainLoss.color, faint: true },
  { key: "validationLoss", label: `${METRICS.validationLoss.label} (per epoch, right axis)`, color: METRICS.validationLoss.color, dots: true, connectNulls: true, axis: "right" },
];

/**
 * The validation-loss axis: its own range with a margin, so a rise of a few
 * thousandths (the U-shape users look for) fills the chart instead of lying
 * flat on the training loss's scale.
 * @example validationLossDomain([{ validationLoss: 0.1172 }, { validationLoss: 0.1196 }]) // → [0.11684, 0.11996]
 */
export function validationLossDomain(rows: readonly { validationLoss?: number | null }[]): [number, number] | ["auto", "auto"] {
  const values = rows.map((row) => row.validationLoss).filter((value): value is number => typeof value === "number" && Number.isFinite(value));
  if (values.length === 0) return ["auto", "auto"];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = Math.max((high - low) * 0.15, Math.abs(high) * 1e-3, 1e-6);
  return [Number((low - margin).toPrecision(6)), Number((high + margin).toPrecision(6))];
}

const formatScore = (value: number) => value.toFixed(2);
const formatLoss = (value: number) => value.toFixed(3);
const formatValidationLoss = (value: number) => value.toFixed(4);
const formatEpoch = (value: number) => String(value);
// Tick labels are formatted many times per redraw: one shared Intl formatter, not toLocaleString per call.
const formatStep = (value: number) => formatInteger(Math.round(value));

/** Recommended and picked epochs as chart markers, labels placed so they neither clip nor overlap. */
function markersFor(recommendedEpoch: number, pickedEpoch: number | null, epochs: number, xOf: (epoch: number) => number): ChartMarker[] {
  const markers = epochMarkers(recommendedEpoch, pickedEpoch);
  const sideOf = (epoch: number): "left" | "right" => (epoch >= epochs ? "left" : epoch <= 1 ? "right" : epoch > epochs / 2 ? "left" : "right");
  return markers.map((marker, index) => {
    const other = markers[1 - index];
    const side = sideOf(marker.epoch);
    // A second marker close to the first, labelled on the same side, drops one line so the labels never overlap.
    const crowded = other !== undefined && index === 1 && sideOf(other.epoch) === side && Math.abs(other.epoch - marker.epoch) <= Math.max(3, epochs / 3);
    return {
      x: xOf(marker.epoch),
      label: marker.label,
      color: marker.kind === "recommended" ? "var(--accent)" : "var(--text)",
      dashed: marker.kind === "picked",
      labelSide: side,
      labelRow: crowded ? 1 : 0,
    };
  });
}

export interface EpochScoresChartProps {
  rows: MetricRow[];
  zones: Zone[];
  recommendedEpoch: number;
  pickedEpoch: number | null;
  height?: number;
  label?: string;
}

/** Fidelity, flexibility, quality and overfit risk per epoch, verdict zones shaded. */
export function EpochScoresChart({ rows, zones, recommendedEpoch, pickedEpoch, height = 300, label }: EpochScoresChartProps) {
  const epochs = rows.length;
  return (
    <LineChart
      rows={rows}
      xKey="epoch"
      xLabel="Epoch"
      series={SCORE_SERIES}
      zones={zones}
      markers={markersFor(recommendedEpoch, pickedEpoch, epochs, (epoch) => epoch)}
      xDomain={[0.5, epochs + 0.5]}
      xTicks={epochTicks(epochs)}
      yDomain={[0, 1]}
      formatX={formatEpoch}
      formatY={formatScore}
      height={height}
      label={
        label ??
        `Scores per epoch: quality, fidelity, flexibility and overfit risk for ${epochs} epochs; recommended epoch ${recommendedEpoch}${pickedEpoch ? `, picked epoch ${pickedEpoch}` : ""}. The numbers are in the data table.`
      }
    />
  );
}

export interface LossChartProps {
  rows: LossRow[];
  zones: Zone[];
  /** Step at the end of each epoch, to place the epoch markers. */
  epochSteps: number[];
  recommendedEpoch: number;
  pickedEpoch: number | null;
  height?: number;
  /** Further markers, already in steps (e.g. the overfit onset). */
  extraMarkers?: ChartMarker[];
  /** TensorBoard smoothing weight of the training loss, 0 (raw) to 0.999. */
  smoothing?: number;
  /** What the x axis counts; epochs and images seen need the run's geometry. */
  xAxis?: XAxisKind;
  geometry?: StepGeometry;
}

const X_LABELS: Record<XAxisKind, string> = { steps: "Step", epochs: "Epoch", images: "Images seen" };
const formatEpochX = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** Training loss per step (downsampled) with validation loss per epoch. */
export function LossChart({ rows, zones, epochSteps, recommendedEpoch, pickedEpoch, height = 300, extraMarkers = [], smoothing = 0, xAxis = "steps", geometry }: LossChartProps) {
  const epochs = epochSteps.length;
  const kind = geometry ? xAxis : "steps";
  const { images = 1, repeats = 1, batchSize = 1 } = geometry ?? {};
  const toX = (step: number) => stepToAxis(step, kind, { images, repeats, batchSize });
  // Smoothing a few hundred points is cheap, but only redo it when the data, the weight or the axis change.
  const data = useMemo(() => lossRowsOnAxis(rows, smoothing, kind, { images, repeats, batchSize }), [rows, smoothing, kind, images, repeats, batchSize]);
  return (
    <LineChart
      rows={data}
      xKey="x"
      xLabel={X_LABELS[kind]}
      series={LOSS_SERIES}
      zones={zones.map((zone) => ({ ...zone, from: toX(zone.from), to: toX(zone.to) }))}
      markers={[...markersFor(recommendedEpoch, pickedEpoch, epochs, (epoch) => toX(epochSteps[epoch - 1] ?? 0)), ...extraMarkers.map((marker) => ({ ...marker, x: toX(marker.x) }))]}
      xDomain={[0, "dataMax"]}
      rightDomain={validationLossDomain(rows)}
      formatX={kind === "epochs" ? formatEpochX : formatStep}
      formatY={formatLoss}
      formatRight={formatValidationLoss}
      height={height}
      label={`Loss: training loss per step over ${formatStep(epochSteps[epochs - 1] ?? 0)} steps and validation loss at each of the ${epochs} epochs on its own right-hand axis, zoomed to its range so its turn is visible; validation loss rises once the run overfits. The numbers are in the data table.`}
    />
  );
}

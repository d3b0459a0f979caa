"use client";
// Predicted versus measured loss of an imported run, per epoch, on one axis:
// the predicted rows come scaled by the single factor the page states
// (predicted-vs-actual.tsx). Measured losses nobody logged stay gaps (no line
// is drawn across them). The same smoothing
// slider and x axis choice as a simulated run's loss chart, kept in the URL.
import { useMemo } from "react";
import { LineChart, type ChartMarker, type ChartRow } from "@/app/ui/charts/line-chart";
import { LossChartControls, useLossView } from "@/app/ui/charts/loss-chart-controls";
import { smoothSeries, type XAxisKind } from "@/lib/charts/smoothing";

/** One epoch of an imported run: where it sits on each x axis, and its losses (null where not logged). */
export interface ImportedLossRow {
  epoch: number;
  /** The global step at the end of the epoch; null when neither the files nor the settings tell it. */
  step: number | null;
  /** Images seen by the end of the epoch (images × repeats × epoch); null when the dataset size was not recorded. */
  images: number | null;
  trainLoss: number | null;
  validationLoss: number | null;
  predictedTrain: number | null;
  predictedValidation: number | null;
}

const X_LABELS: Record<XAxisKind, string> = { steps: "Step", epochs: "Epoch", images: "Images seen" };
const integer = (value: number) => Math.round(value).toLocaleString("en-US");

/** The x axes every row can be placed on: epochs always, steps and images seen when each row knows them. */
export function importedAxisKinds(rows: readonly ImportedLossRow[]): XAxisKind[] {
  const kinds: XAxisKind[] = [];
  if (rows.every((row) => row.step !== null)) kinds.push("steps");
  kinds.push("epochs");
  if (rows.every((row) => row.images !== null)) kinds.push("images");
  return kinds;
}

function xOf(row: ImportedLossRow, kind: XAxisKind): number {
  if (kind === "steps") return row.step ?? row.epoch;
  if (kind === "images") return row.images ?? row.epoch;
  return row.epoch;
}

/** TensorBoard smoothing of a series with gaps: missing values stay missing and do not enter the average. */
function smoothWithGaps(values: readonly (number | null)[], weight: number): (number | null)[] {
  return smoothSeries(
    values.map((value) => value ?? Number.NaN),
    weight,
  ).map((value) => (Number.isFinite(value) ? value : null));
}

export function ImportedLossChart({ rows, predictedBest, pickedEpoch }: { rows: ImportedLossRow[]; predictedBest: number; pickedEpoch: number | null }) {
  const kinds = useMemo(() => importedAxisKinds(rows), [rows]);
  const [view, setView] = useLossView({}, kinds);
  const kind = view.xAxis;
  const data = useMemo<ChartRow[]>(() => {
    const train = smoothWithGaps(
      rows.map((row) => row.trainLoss),
      view.smoothing,
    );
    const predictedTrain = smoothWithGaps(
      rows.map((row) => row.predictedTrain),
      view.smoothing,
    );
    return rows.map((row, index) => ({
      x: xOf(row, kind),
      epoch: row.epoch,
      trainLoss: train[index],
      validationLoss: row.validationLoss,
      predictedTrain: predictedTrain[index],
      predictedValidation: row.predictedValidation,
    }));
  }, [rows, view.smoothing, kind]);
  const markers = useMemo(() => {
    const at = (epoch: number) => {
      const row = rows.find((candidate) => candidate.epoch === epoch);
      return row ? xOf(row, kind) : null;
    };
    const list: ChartMarker[] = [];
    const last = rows[rows.length - 1]?.epoch ?? 0;
    const side = (epoch: number): "left" | "right" => (epoch > last / 2 ? "left" : "right");
    const best = at(predictedBest);
    if (best !== null) list.push({ x: best, label: `predicted best ${predictedBest}`, dashed: true, labelSide: side(predictedBest) });
    const picked = pickedEpoch === null ? null : at(pickedEpoch);
    if (picked !== null && pickedEpoch !== null) list.push({ x: picked, label: `picked ${pickedEpoch}`, dashed: false, labelSide: side(pickedEpoch), labelRow: 1 });
    return list;
  }, [rows, kind, predictedBest, pickedEpoch]);
  return (
    <div data-testid="imported-loss-chart" data-x-axis={kind} data-smoothing={view.smoothing}>
      <LossChartControls view={view} onChange={setView} kinds={kinds} />
      <LineChart
        label={`Measured training and validation loss at each epoch's end, by ${X_LABELS[kind].toLowerCase()}, with the simulator's predicted losses for the same settings scaled onto the same axis${view.smoothing > 0 ? `; training losses smoothed with weight ${view.smoothing.toFixed(2)}` : ""}. The numbers are in the data table.`}
        rows={data}
        xKey="x"
        xLabel={X_LABELS[kind]}
        yLabel="Loss"
        series={[
          { key: "trainLoss", label: "Measured training loss", color: "var(--series-1)", dots: true },
          { key: "validationLoss", label: "Measured validation loss", color: "var(--series-2)", dots: true },
          { key: "predictedTrain", label: "Predicted training loss (scaled)", color: "var(--series-1)", dashed: true },
          { key: "predictedValidation", label: "Predicted validation loss (scaled)", color: "var(--series-2)", dashed: true },
        ]}
        markers={markers}
        xTicks={data.map((row) => Number(row.x))}
        formatX={kind === "epochs" ? String : integer}
      />
    </div>
  );
}

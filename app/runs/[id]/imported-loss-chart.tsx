"use client";
// Predicted versus measured loss of an imported run, per epoch, on one axis:
// the predicted rows come scaled by the single factor the page states
// (predicted-vs-actual.tsx). Measured losses nobody logged stay gaps (no line
// is drawn across them).
import { LineChart, type ChartMarker, type ChartRow } from "@/app/ui/charts/line-chart";

export function ImportedLossChart({ rows, predictedBest, pickedEpoch }: { rows: ChartRow[]; predictedBest: number; pickedEpoch: number | null }) {
  // Labels near the right edge sit left of their line; the pick's label goes one row lower so the two never overlap.
  const middle = Math.max(...rows.map((row) => Number(row.epoch))) / 2;
  const side = (epoch: number) => (epoch > middle ? ("left" as const) : ("right" as const));
  const markers: ChartMarker[] = [{ x: predictedBest, label: `predicted best ${predictedBest}`, dashed: true, labelSide: side(predictedBest) }];
  if (pickedEpoch !== null) markers.push({ x: pickedEpoch, label: `picked ${pickedEpoch}`, dashed: false, labelSide: side(pickedEpoch), labelRow: 1 });
  return (
    <LineChart
      label="Measured training and validation loss per epoch, with the simulator's predicted losses for the same settings scaled onto the same axis"
      rows={rows}
      xKey="epoch"
      xLabel="Epoch"
      yLabel="Loss"
      series={[
        { key: "trainLoss", label: "Measured training loss", color: "var(--series-1)", dots: true },
        { key: "validationLoss", label: "Measured validation loss", color: "var(--series-2)", dots: true },
        { key: "predictedTrain", label: "Predicted training loss (scaled)", color: "var(--series-1)", dashed: true },
        { key: "predictedValidation", label: "Predicted validation loss (scaled)", color: "var(--series-2)", dashed: true },
      ]}
      markers={markers}
      xTicks={rows.map((row) => Number(row.epoch))}
    />
  );
}

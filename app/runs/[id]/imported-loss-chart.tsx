"use client";
// Predicted versus measured loss of an imported run, per epoch, on one axis:
// the predicted rows come scaled by the single factor the page states
// (predicted-vs-actual.tsx). Measured losses nobody logged stay gaps (no line
// is drawn across them).
import { LineChart, type ChartRow } from "@/app/ui/charts/line-chart";

export function ImportedLossChart({ rows, predictedBest, pickedEpoch }: { rows: ChartRow[]; predictedBest: number; pickedEpoch: number | null }) {
  const markers = [{ x: predictedBest, label: `predicted best ${predictedBest}`, dashed: true }];
  if (pickedEpoch !== null) markers.push({ x: pickedEpoch, label: `picked ${pickedEpoch}`, dashed: false });
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

import { describe, expect, it } from "vitest";
import { DENSE_SERIES_POINTS, seriesDrawing } from "@/lib/charts/series-drawing";

describe("seriesDrawing", () => {
  // A per-step loss chart: the training loss at every step, validation loss every 50 steps.
  const rows = Array.from({ length: 500 }, (_, i) => ({ step: i + 1, trainLoss: 1 / (i + 1), validationLoss: (i + 1) % 50 === 0 ? 0.5 : null }));

  it("draws a per-step series with straight segments and the dots of a once-per-epoch series itself", () => {
    expect(seriesDrawing(rows, [{ key: "trainLoss" }, { key: "validationLoss", dots: true }, { key: "validationLoss" }])).toEqual(["dense", "sparse-dots", "plain"]);
  });

  it("leaves per-epoch charts to Recharts: every row has a value, and there are few", () => {
    const epochs = Array.from({ length: 40 }, (_, i) => ({ epoch: i + 1, quality: 0.5, ghostQuality: i < 10 ? 0.4 : null }));
    expect(seriesDrawing(epochs, [{ key: "quality", dots: true }, { key: "ghostQuality" }])).toEqual(["plain", "plain"]);
  });

  it("counts values, not rows: a series is dense above the threshold only", () => {
    const at = (count: number) => Array.from({ length: count }, (_, i) => ({ x: i, y: i }));
    expect(seriesDrawing(at(DENSE_SERIES_POINTS), [{ key: "y" }])).toEqual(["plain"]);
    expect(seriesDrawing(at(DENSE_SERIES_POINTS + 1), [{ key: "y" }])).toEqual(["dense"]);
    expect(seriesDrawing([{ x: 1 }], [{ key: "y", dots: true }])).toEqual(["sparse-dots"]);
  });
});

import { describe, expect, it } from "vitest";
import type { Checkpoint } from "@/lib/sim";
import { overlayRows } from "./overlay";

const checkpoint = (epoch: number, step: number, quality: number): Checkpoint => ({
  epoch,
  step,
  quality,
  trainLoss: 0.1,
  validationLoss: 0.12,
  fidelity: 0.5,
  flexibility: 0.5,
  captionAdherence: 0.5,
  overfitRisk: 0.1 * epoch,
  verdict: "balanced",
});

// Run a: 3 epochs of 100 steps; run b: 2 epochs of 150 steps.
const a = { recommendedEpoch: 2, checkpoints: [checkpoint(1, 100, 0.4), checkpoint(2, 200, 0.6), checkpoint(3, 300, 0.5)] };
const b = { recommendedEpoch: 2, checkpoints: [checkpoint(1, 150, 0.3), checkpoint(2, 300, 0.7)] };

describe("overlayRows", () => {
  it("gives one row per epoch up to the longest run, null where a run has ended", () => {
    expect(overlayRows([a, b], "quality", "epoch")).toEqual({
      xKey: "epoch",
      seriesKeys: ["run0", "run1"],
      rows: [
        { epoch: 1, run0: 0.4, run1: 0.3 },
        { epoch: 2, run0: 0.6, run1: 0.7 },
        { epoch: 3, run0: 0.5, run1: null },
      ],
      recommended: [
        { run: 0, x: 2, y: 0.6 },
        { run: 1, x: 2, y: 0.7 },
      ],
    });
  });
  it("gives one row per distinct step, merging runs that share a step", () => {
    const overlay = overlayRows([a, b], "quality", "step");
    expect(overlay.rows).toEqual([
      { step: 100, run0: 0.4, run1: null },
      { step: 150, run0: null, run1: 0.3 },
      { step: 200, run0: 0.6, run1: null },
      { step: 300, run0: 0.5, run1: 0.7 },
    ]);
    expect(overlay.recommended).toEqual([
      { run: 0, x: 200, y: 0.6 },
      { run: 1, x: 300, y: 0.7 },
    ]);
  });
  it("plots the chosen metric", () => {
    expect(overlayRows([a], "overfitRisk", "epoch").rows.map((row) => row.run0)).toEqual([0.1, 0.2, 0.30000000000000004]);
  });
  it("returns no rows for no runs", () => {
    expect(overlayRows([], "quality", "step")).toEqual({ xKey: "step", rows: [], seriesKeys: [], recommended: [] });
  });
});

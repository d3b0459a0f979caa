import { describe, expect, it } from "vitest";
import { simulate, type Checkpoint } from "@/lib/sim";
import { epochMarkers, epochTicks, epochZones, lossRows, metricRows, stepZones, verdictSpans } from "./index";

const verdicts = (list: Checkpoint["verdict"][]) => list.map((verdict, index) => ({ epoch: index + 1, step: (index + 1) * 100, verdict }));

describe("lossRows", () => {
  it("merges each epoch's validation loss into the curve point at its last step", () => {
    const rows = lossRows(
      [
        { epoch: 1, step: 200, validationLoss: 0.12 },
        { epoch: 2, step: 400, validationLoss: 0.11 },
      ],
      [
        { step: 100, loss: 0.15 },
        { step: 200, loss: 0.13 },
        { step: 300, loss: 0.12 },
        { step: 400, loss: 0.1 },
      ],
    );
    expect(rows).toEqual([
      { step: 100, trainLoss: 0.15 },
      { step: 200, trainLoss: 0.13, validationLoss: 0.12, epoch: 1 },
      { step: 300, trainLoss: 0.12 },
      { step: 400, trainLoss: 0.1, validationLoss: 0.11, epoch: 2 },
    ]);
  });

  it("has one validation point per epoch for a simulated run", () => {
    const run = simulate({ images: 7, repeats: 3, epochs: 12, batchSize: 2, seed: 5 });
    const rows = lossRows(run.checkpoints, run.lossCurve);
    expect(rows.filter((row) => row.validationLoss !== undefined).map((row) => row.epoch)).toEqual(run.checkpoints.map((c) => c.epoch));
    expect(rows.map((row) => row.step)).toEqual([...rows.map((row) => row.step)].sort((a, b) => a - b));
  });
});

describe("metricRows", () => {
  it("keeps one row per checkpoint with the charted scores", () => {
    const run = simulate({ images: 10, seed: 1 });
    const rows = metricRows(run.checkpoints);
    expect(rows).toHaveLength(10);
    expect(rows[2]).toEqual({
      epoch: 3,
      fidelity: run.checkpoints[2].fidelity,
      flexibility: run.checkpoints[2].flexibility,
      quality: run.checkpoints[2].quality,
      overfitRisk: run.checkpoints[2].overfitRisk,
      captionAdherence: run.checkpoints[2].captionAdherence,
    });
  });
});

describe("verdictSpans", () => {
  it("groups consecutive epochs with the same verdict", () => {
    expect(verdictSpans(verdicts(["underfit", "underfit", "balanced", "balanced", "overfit"]))).toEqual([
      { verdict: "underfit", firstEpoch: 1, lastEpoch: 2 },
      { verdict: "balanced", firstEpoch: 3, lastEpoch: 4 },
      { verdict: "overfit", firstEpoch: 5, lastEpoch: 5 },
    ]);
  });
});

describe("epochZones and stepZones", () => {
  it("cover the whole epoch axis from 0.5 to epochs + 0.5 without gaps", () => {
    const zones = epochZones(verdicts(["underfit", "balanced", "balanced", "overfit"]));
    expect(zones.map(({ from, to, label, color }) => ({ from, to, label, color }))).toEqual([
      { from: 0.5, to: 1.5, label: "Underfit", color: "var(--underfit)" },
      { from: 1.5, to: 3.5, label: "Balanced", color: "var(--balanced)" },
      { from: 3.5, to: 4.5, label: "Overfit", color: "var(--overfit)" },
    ]);
  });

  it("cover the steps from 0 to the last checkpoint", () => {
    const zones = stepZones(verdicts(["underfit", "balanced", "balanced", "overfit"]));
    expect(zones.map(({ from, to }) => [from, to])).toEqual([
      [0, 100],
      [100, 300],
      [300, 400],
    ]);
  });
});

describe("epochMarkers", () => {
  it("marks the recommended epoch alone when nothing is picked", () => {
    expect(epochMarkers(8, null)).toEqual([{ epoch: 8, label: "Recommended 8", kind: "recommended" }]);
  });

  it("marks recommended and picked epochs separately, or once when they are the same", () => {
    expect(epochMarkers(8, 7).map((m) => m.label)).toEqual(["Recommended 8", "Picked 7"]);
    expect(epochMarkers(8, 8)).toEqual([{ epoch: 8, label: "Recommended & picked 8", kind: "both" }]);
  });
});

describe("epochTicks", () => {
  it("ticks every epoch up to 20 and about ten beyond, always ending on the last", () => {
    expect(epochTicks(3)).toEqual([1, 2, 3]);
    expect(epochTicks(20)).toHaveLength(20);
    expect(epochTicks(45)).toEqual([1, 6, 11, 16, 21, 26, 31, 36, 41, 45]);
  });
});

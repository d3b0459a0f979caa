import { describe, expect, it } from "vitest";
import { lossOverlayKinds, lossOverlayRows, measuredSteps, mixedOverlayRows, withUnrecorded, type LossOverlayRun } from "./mixed-runs";

describe("mixedOverlayRows", () => {
  it("keeps a real run's unmeasured epochs as gaps and rings only measured points", () => {
    const simulated = { points: [1, 2, 3].map((epoch) => ({ epoch, step: epoch * 100, value: epoch / 10 })), ringEpoch: 2 };
    const real = {
      points: [
        { epoch: 1, step: 50, value: 0.12 },
        { epoch: 2, step: 100, value: null },
      ],
      ringEpoch: 2,
    };
    const overlay = mixedOverlayRows([simulated, real], "epoch");
    expect(overlay.rows).toEqual([
      { epoch: 1, run0: 0.1, run1: 0.12 },
      { epoch: 2, run0: 0.2, run1: null },
      { epoch: 3, run0: 0.3, run1: null },
    ]);
    expect(overlay.recommended).toEqual([{ run: 0, x: 2, y: 0.2 }]);
    expect(mixedOverlayRows([simulated, real], "step").rows.map((row) => row.step)).toEqual([50, 100, 200, 300]);
  });
});

describe("withUnrecorded", () => {
  const rows = [
    { key: "images" as const, label: "Images", values: ["20", "20"], differs: false },
    { key: "learningRate" as const, label: "Learning rate", values: ["1e-4", "1e-4"], differs: false },
    { key: "stepsPerEpoch" as const, label: "Steps per epoch", values: ["200", "200"], differs: false },
  ];

  it("shows what an imported run's files did not give as not recorded, and flags the row", () => {
    const result = withUnrecorded(rows, [null, new Set(["learningRate"])]);
    expect(result.map((row) => row.values)).toEqual([
      ["20", "not recorded"],
      ["1e-4", "1e-4"],
      ["200", "not recorded"],
    ]);
    expect(result.map((row) => row.differs)).toEqual([true, false, true]);
  });

  it("takes a real run's steps from its files when they give them", () => {
    const steps = measuredSteps([
      { epoch: 1, step: 250 },
      { epoch: 4, step: 1000 },
    ]);
    expect(steps).toEqual({ stepsPerEpoch: 250, totalSteps: 1000 });
    expect(withUnrecorded(rows, [null, new Set()], [null, steps])[2].values).toEqual(["200", "250"]);
    expect(measuredSteps([{ epoch: 2, step: null }])).toBeNull();
  });

  it("leaves a set of simulated runs alone", () => {
    expect(withUnrecorded(rows, [null, null])).toEqual(rows);
  });
});

describe("lossOverlayRows", () => {
  const simulated: LossOverlayRun = {
    name: "sim",
    kind: "simulated",
    stepsPerEpoch: 100,
    geometry: { images: 10, repeats: 10, batchSize: 1 },
    points: [50, 100, 150, 200].map((step) => ({ step, loss: step === 150 ? 0 : 1 })),
  };
  const real: LossOverlayRun = {
    name: "real",
    kind: "measured",
    stepsPerEpoch: 50,
    geometry: null,
    points: [
      { step: 50, loss: 0.3 },
      { step: 100, loss: 0.2 },
    ],
  };

  it("places each run on the chosen axis by its own steps per epoch", () => {
    expect(lossOverlayRows([simulated, real], 0, "epochs")).toEqual([
      { x: 0.5, run0: 1, run1: null },
      { x: 1, run0: 1, run1: 0.3 },
      { x: 1.5, run0: 0, run1: null },
      { x: 2, run0: 1, run1: 0.2 },
    ]);
    expect(lossOverlayRows([simulated], 0, "images").map((row) => row.x)).toEqual([50, 100, 150, 200]);
  });

  it("places a real run's epoch averages at their own epochs, whatever the settings' steps per epoch", () => {
    const measured: LossOverlayRun = { ...real, stepsPerEpoch: 20, geometry: { images: 5, repeats: 2, batchSize: 1 }, points: [{ step: 250, loss: 0.3, epoch: 1 }] };
    expect(lossOverlayRows([measured], 0, "epochs")).toEqual([{ x: 1, run0: 0.3 }]);
    expect(lossOverlayRows([measured], 0, "images")).toEqual([{ x: 10, run0: 0.3 }]);
  });

  it("smooths each run on its own, as TensorBoard does", () => {
    const rows = lossOverlayRows([simulated, real], 0.5, "steps");
    expect(rows.find((row) => row.x === 150)!.run0).toBeCloseTo(0.4286, 3);
    expect(rows.find((row) => row.x === 100)!.run1).toBeCloseTo(0.2333, 3);
  });

  it("offers images seen only when every run records its dataset size", () => {
    expect(lossOverlayKinds([simulated])).toEqual(["steps", "epochs", "images"]);
    expect(lossOverlayKinds([simulated, real])).toEqual(["steps", "epochs"]);
  });
});

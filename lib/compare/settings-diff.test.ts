import { describe, expect, it } from "vitest";
import { SETTINGS_DEFAULTS } from "@/lib/sim";
import { settingsDiff } from "./settings-diff";

const base = {
  ...SETTINGS_DEFAULTS,
  images: 10,
  seed: 7,
  stepsPerEpoch: 200,
  totalSteps: 2000,
};

describe("settingsDiff", () => {
  it("lists every setting with each run's value and flags only those that differ", () => {
    const rows = settingsDiff([base, { ...base, batchSize: 2, learningRate: 2e-4, stepsPerEpoch: 100, totalSteps: 1000 }]);
    expect(rows.filter((row) => row.differs).map((row) => row.key)).toEqual(["batchSize", "learningRate", "stepsPerEpoch", "totalSteps"]);
    expect(rows.find((row) => row.key === "learningRate")).toEqual({ key: "learningRate", label: "Learning rate", values: ["1e-4", "2e-4"], differs: true });
    expect(rows.find((row) => row.key === "totalSteps")?.values).toEqual(["2,000", "1,000"]);
  });
  it("marks a frozen text encoder in words", () => {
    const rows = settingsDiff([base, { ...base, textEncoderLearningRate: 0 }]);
    expect(rows.find((row) => row.key === "textEncoderLearningRate")).toMatchObject({ values: ["1e-5", "0 (frozen)"], differs: true });
  });
  it("finds no difference between identical runs, even through float noise", () => {
    expect(settingsDiff([base, { ...base, captionQuality: 0.1 * 7 }, base]).some((row) => row.differs)).toBe(false);
  });
  it("shows the simulator-2 settings in trainers' words and flags them like the others", () => {
    const rows = settingsDiff([base, { ...base, networkDim: 16, networkAlpha: 8, optimizer: "prodigy", learningRate: 1, lrScheduler: "cosine", warmupSteps: 100, modelFamily: "flux" }]);
    expect(rows.filter((row) => row.differs).map((row) => row.key)).toEqual(["learningRate", "networkDim", "networkAlpha", "optimizer", "lrScheduler", "warmupSteps", "modelFamily"]);
    expect(rows.find((row) => row.key === "optimizer")).toEqual({ key: "optimizer", label: "Optimizer", values: ["AdamW8bit", "Prodigy"], differs: true });
    expect(rows.find((row) => row.key === "learningRate")?.values).toEqual(["1e-4", "1"]);
    expect(rows.find((row) => row.key === "modelFamily")?.values).toEqual(["SDXL", "FLUX.1"]);
    expect(rows.find((row) => row.key === "lrScheduler")?.values).toEqual(["constant", "cosine"]);
  });
  it("flags a difference between any two of several runs", () => {
    const rows = settingsDiff([base, base, { ...base, seed: 8 }]);
    expect(rows.find((row) => row.key === "seed")).toEqual({ key: "seed", label: "Seed", values: ["7", "7", "8"], differs: true });
  });
});

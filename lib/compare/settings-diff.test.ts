import { describe, expect, it } from "vitest";
import { settingsDiff } from "./settings-diff";

const base = {
  images: 10,
  repeats: 20,
  epochs: 10,
  batchSize: 1,
  learningRate: 1e-4,
  textEncoderLearningRate: 1e-5,
  captionQuality: 0.7,
  datasetSimilarity: 0.4,
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
  it("flags a difference between any two of several runs", () => {
    const rows = settingsDiff([base, base, { ...base, seed: 8 }]);
    expect(rows.find((row) => row.key === "seed")).toEqual({ key: "seed", label: "Seed", values: ["7", "7", "8"], differs: true });
  });
});

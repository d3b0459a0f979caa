import { describe, expect, it } from "vitest";
import { defaultMeasuredEpochs, measuredEpochLabel, parseMeasuredEpochList } from "./measured-epochs";

describe("parseMeasuredEpochList", () => {
  const available = [0, 2, 4, 6];

  it("takes the saved epochs and before training, in the order given", () => {
    expect(parseMeasuredEpochList("6,0,2", available)).toEqual({ ok: true, epochs: [6, 0, 2] });
  });

  it("names the epochs the trainer saved when one is missing", () => {
    const result = parseMeasuredEpochList("2,3", available);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe("The trainer saved nothing for epoch 3: this run has epochs 0 (before training) and 2, 4, 6.");
    expect(parseMeasuredEpochList("0,2", [1, 2, 3]).ok).toBe(false);
  });

  it("refuses repeats, words and too many or too few columns", () => {
    expect(parseMeasuredEpochList("2,2", available).ok).toBe(false);
    expect(parseMeasuredEpochList("two,4", available).ok).toBe(false);
    expect(parseMeasuredEpochList("2", available).ok).toBe(false);
    expect(parseMeasuredEpochList("", available).ok).toBe(false);
    expect(parseMeasuredEpochList("0,2,4,6,8", [0, 2, 4, 6, 8]).ok).toBe(false);
  });
});

describe("defaultMeasuredEpochs", () => {
  it("opens with before training, the pick or the predicted best, and the last epoch", () => {
    expect(defaultMeasuredEpochs([0, 1, 2, 3, 4], { recommendedEpoch: 3, pickedEpoch: null })).toEqual([0, 3, 4]);
    expect(defaultMeasuredEpochs([0, 1, 2, 3, 4], { recommendedEpoch: 3, pickedEpoch: 2 })).toEqual([0, 2, 4]);
  });

  it("fills from the latest epochs when the predicted best has no file or there is no before-training sample", () => {
    expect(defaultMeasuredEpochs([2, 4, 6], { recommendedEpoch: 5, pickedEpoch: null })).toEqual([2, 4, 6]);
    expect(defaultMeasuredEpochs([1, 2], { recommendedEpoch: 2, pickedEpoch: null })).toEqual([1, 2]);
  });

  it("labels before training", () => {
    expect(measuredEpochLabel(0)).toBe("Before training");
    expect(measuredEpochLabel(3)).toBe("Epoch 3");
  });
});

import { describe, expect, it } from "vitest";
import { defaultCompareEpochs, moveColumn, parseEpochList, replaceEpoch } from "./epochs";

describe("parseEpochList", () => {
  it("reads 2 to 4 distinct epochs in the order given", () => {
    expect(parseEpochList("6,8,10", 10)).toEqual({ ok: true, epochs: [6, 8, 10] });
    expect(parseEpochList(" 10, 2 ", 10)).toEqual({ ok: true, epochs: [10, 2] });
    expect(parseEpochList(["1", "2,3,4"], 10)).toEqual({ ok: true, epochs: [1, 2, 3, 4] });
  });
  it("asks for epochs when none are given", () => {
    expect(parseEpochList(undefined, 10)).toEqual({ ok: false, message: "Choose 2 to 4 epochs to compare, for example ?epochs=6,8,10." });
  });
  it("refuses one epoch or more than four", () => {
    expect(parseEpochList("6", 10)).toEqual({ ok: false, message: "Compare 2 to 4 epochs at a time (1 given), for example ?epochs=6,8,10." });
    expect(parseEpochList("1,2,3,4,5", 10)).toMatchObject({ ok: false, message: expect.stringContaining("(5 given)") });
  });
  it("names an epoch the run does not have", () => {
    expect(parseEpochList("6,12", 10)).toEqual({ ok: false, message: "Epoch 12 does not exist: this run has epochs 1 to 10." });
    expect(parseEpochList("0,2", 10)).toMatchObject({ ok: false, message: expect.stringContaining("Epoch 0 does not exist") });
  });
  it("names a repeated epoch and text that is not a number", () => {
    expect(parseEpochList("6,6", 10)).toEqual({ ok: false, message: "Epoch 6 is listed twice: each epoch can be shown once." });
    expect(parseEpochList("6,x", 10)).toMatchObject({ ok: false, message: expect.stringContaining("“x” is not an epoch number") });
    expect(parseEpochList("6,2.5", 10)).toMatchObject({ ok: false });
    expect(parseEpochList("6,,8", 10)).toMatchObject({ ok: false, message: expect.stringContaining("“” is not an epoch number") });
  });
  it("gives an example that fits a short run", () => {
    expect(parseEpochList("", 4)).toMatchObject({ message: expect.stringContaining("?epochs=1,2,4") });
  });
});

describe("defaultCompareEpochs", () => {
  it("shows the recommended, picked and last epochs in order", () => {
    expect(defaultCompareEpochs({ epochs: 10, recommendedEpoch: 7, pickedEpoch: 5 })).toEqual([5, 7, 10]);
  });
  it("fills in with the recommended epoch's neighbours when some coincide", () => {
    expect(defaultCompareEpochs({ epochs: 10, recommendedEpoch: 10, pickedEpoch: null })).toEqual([1, 9, 10]);
    expect(defaultCompareEpochs({ epochs: 10, recommendedEpoch: 8, pickedEpoch: 8 })).toEqual([7, 8, 10]);
  });
  it("returns what exists for very short runs", () => {
    expect(defaultCompareEpochs({ epochs: 2, recommendedEpoch: 2, pickedEpoch: null })).toEqual([1, 2]);
    expect(defaultCompareEpochs({ epochs: 1, recommendedEpoch: 1, pickedEpoch: null })).toEqual([1]);
  });
});

describe("moveColumn", () => {
  it("swaps a column with its neighbour", () => {
    expect(moveColumn([6, 8, 10], 2, -1)).toEqual([6, 10, 8]);
    expect(moveColumn([6, 8, 10], 0, 1)).toEqual([8, 6, 10]);
  });
  it("leaves the order alone at the edges", () => {
    expect(moveColumn([6, 8, 10], 0, -1)).toEqual([6, 8, 10]);
    expect(moveColumn([6, 8, 10], 2, 1)).toEqual([6, 8, 10]);
  });
});

describe("replaceEpoch", () => {
  it("changes one column's epoch", () => {
    expect(replaceEpoch([6, 8, 10], 1, 7)).toEqual([6, 7, 10]);
  });
  it("swaps two columns when the new epoch is already shown", () => {
    expect(replaceEpoch([6, 8, 10], 0, 10)).toEqual([10, 8, 6]);
  });
});

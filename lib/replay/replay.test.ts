import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "@/lib/sim";
import { bestVersusLast, overfitOnsetEpoch, replayByPatience, replayEarlyStopping } from "./replay";

/** Checkpoints of a run with 100 steps per epoch, from validation (and optionally training) losses. */
function run(validation: number[], train: number[] = validation.map((_, i) => 0.12 - i * 0.002)) {
  return validation.map((validationLoss, i) => ({ epoch: i + 1, step: (i + 1) * 100, validationLoss, trainLoss: train[i], quality: 0.5 }));
}

// Lowest at epoch 4, a dip at 6 that does not beat it, rising from 7.
const U_SHAPED = run([0.1, 0.09, 0.08, 0.07, 0.075, 0.072, 0.078, 0.08, 0.09, 0.1]);

describe("replayEarlyStopping", () => {
  it("stops once patience epochs in a row fail to beat the best validation loss", () => {
    expect(replayEarlyStopping(U_SHAPED, { patience: 1 })).toEqual({
      patience: 1,
      stoppedAtEpoch: 5,
      keptEpoch: 4,
      epochsSaved: 5,
      stepsSaved: 500,
      stoppedEarly: true,
    });
    expect(replayEarlyStopping(U_SHAPED, { patience: 2 })).toMatchObject({ stoppedAtEpoch: 6, keptEpoch: 4, epochsSaved: 4, stepsSaved: 400 });
    expect(replayEarlyStopping(U_SHAPED, { patience: 5 })).toMatchObject({ stoppedAtEpoch: 9, keptEpoch: 4, stepsSaved: 100 });
  });

  it("runs to the end when patience outlasts the run, keeping the lowest validation loss", () => {
    expect(replayEarlyStopping(U_SHAPED, { patience: 6 })).toEqual({
      patience: 6,
      stoppedAtEpoch: 10,
      keptEpoch: 4,
      epochsSaved: 0,
      stepsSaved: 0,
      stoppedEarly: false,
    });
    expect(replayEarlyStopping(run([0.1, 0.09, 0.08]), { patience: 1 })).toMatchObject({ stoppedAtEpoch: 3, keptEpoch: 3, stoppedEarly: false });
  });

  it("counts an epoch as better only beyond minDelta, yet keeps the lowest loss seen", () => {
    const slow = run([0.1, 0.0995, 0.099, 0.0985, 0.098]);
    expect(replayEarlyStopping(slow, { patience: 2, minDelta: 0.001 })).toMatchObject({ stoppedAtEpoch: 3, keptEpoch: 3 });
    expect(replayEarlyStopping(slow, { patience: 2 })).toMatchObject({ stoppedAtEpoch: 5, stoppedEarly: false });
  });

  it("keeps the earliest of equal losses and reads checkpoints in epoch order", () => {
    const flat = run([0.1, 0.08, 0.08, 0.09]);
    expect(replayEarlyStopping(flat, { patience: 2 })).toMatchObject({ stoppedAtEpoch: 4, keptEpoch: 2 });
    expect(replayEarlyStopping([...U_SHAPED].reverse(), { patience: 2 })).toMatchObject({ stoppedAtEpoch: 6, keptEpoch: 4 });
  });

  it("refuses a patience below 1, a negative minDelta and an empty run", () => {
    expect(() => replayEarlyStopping(U_SHAPED, { patience: 0 })).toThrow(/patience/);
    expect(() => replayEarlyStopping(U_SHAPED, { patience: 1.5 })).toThrow(/patience/);
    expect(() => replayEarlyStopping(U_SHAPED, { patience: 1, minDelta: -1 })).toThrow(/minDelta/);
    expect(() => replayEarlyStopping([], { patience: 1 })).toThrow(/checkpoint/);
  });

  it("stops the 40-image demo run (lowest validation loss at epoch 5) after epoch 7 with patience 2", () => {
    const result = simulate({ images: 40, seed: 1104 }, { lossCurve: false });
    expect(replayEarlyStopping(result.checkpoints, { patience: 2 })).toEqual({
      patience: 2,
      stoppedAtEpoch: 7,
      keptEpoch: 5,
      epochsSaved: 3,
      stepsSaved: 3 * result.stepsPerEpoch,
      stoppedEarly: true,
    });
  });

  const lossesArb = fc.array(fc.double({ min: 0.05, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 40 });
  const stepsArb = fc.integer({ min: 1, max: 5000 });

  it("stops within the run, keeps the lowest loss up to the stop, and saves what it did not train", () => {
    fc.assert(
      fc.property(lossesArb, fc.integer({ min: 1, max: 12 }), stepsArb, fc.constantFrom(0, 0.001, 0.01), (losses, patience, stepsPerEpoch, minDelta) => {
        const checkpoints = losses.map((validationLoss, i) => ({ epoch: i + 1, step: (i + 1) * stepsPerEpoch, validationLoss }));
        const result = replayEarlyStopping(checkpoints, { patience, minDelta });
        expect(result.stoppedAtEpoch).toBeLessThanOrEqual(losses.length);
        expect(result.keptEpoch).toBeLessThanOrEqual(result.stoppedAtEpoch);
        expect(Math.min(...losses.slice(0, result.stoppedAtEpoch))).toBe(losses[result.keptEpoch - 1]);
        expect(result.epochsSaved).toBe(losses.length - result.stoppedAtEpoch);
        expect(result.stepsSaved).toBe(result.epochsSaved * stepsPerEpoch);
        expect(result.stoppedEarly).toBe(result.epochsSaved > 0);
        if (result.stoppedEarly) expect(result.stoppedAtEpoch).toBeGreaterThan(patience);
      }),
      { numRuns: 500 },
    );
  });

  it("never stops earlier with more patience", () => {
    fc.assert(
      fc.property(lossesArb, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }), (losses, patience, extra) => {
        const checkpoints = losses.map((validationLoss, i) => ({ epoch: i + 1, step: (i + 1) * 10, validationLoss }));
        const shorter = replayEarlyStopping(checkpoints, { patience });
        const longer = replayEarlyStopping(checkpoints, { patience: patience + extra });
        expect(longer.stoppedAtEpoch).toBeGreaterThanOrEqual(shorter.stoppedAtEpoch);
        expect(longer.stepsSaved).toBeLessThanOrEqual(shorter.stepsSaved);
      }),
      { numRuns: 500 },
    );
  });
});

describe("replayByPatience", () => {
  it("replays every patience from 1 to the maximum", () => {
    expect(replayByPatience(U_SHAPED, 6).map((result) => [result.patience, result.stoppedAtEpoch, result.keptEpoch])).toEqual([
      [1, 5, 4],
      [2, 6, 4],
      [3, 7, 4],
      [4, 8, 4],
      [5, 9, 4],
      [6, 10, 4],
    ]);
  });
});

describe("overfitOnsetEpoch", () => {
  it("is the first epoch where validation loss rises for good while training loss keeps falling", () => {
    expect(overfitOnsetEpoch(run([0.1, 0.09, 0.08, 0.07, 0.072, 0.075, 0.08]))).toBe(5);
  });

  it("skips a rise that later comes back below the minimum (noise, not overfitting)", () => {
    expect(overfitOnsetEpoch(run([0.1, 0.09, 0.092, 0.085, 0.08, 0.083, 0.086]))).toBe(6);
  });

  it("ignores a rise within the epsilon", () => {
    expect(overfitOnsetEpoch(run([0.1, 0.09, 0.09001, 0.09002, 0.09003]))).toBeNull();
  });

  it("is null when validation loss only falls, or when training loss rises with it", () => {
    expect(overfitOnsetEpoch(run([0.1, 0.09, 0.08, 0.07]))).toBeNull();
    expect(overfitOnsetEpoch(run([0.1, 0.09, 0.095, 0.1], [0.12, 0.11, 0.115, 0.12]))).toBeNull();
    expect(overfitOnsetEpoch([])).toBeNull();
  });

  it("marks epoch 6 of the 40-image demo run and nothing in the under-trained 6-image run", () => {
    expect(overfitOnsetEpoch(simulate({ images: 40, seed: 1104 }, { lossCurve: false }).checkpoints)).toBe(6);
    expect(overfitOnsetEpoch(simulate({ images: 6, seed: 1102 }, { lossCurve: false }).checkpoints)).toBeNull();
  });

  it("never marks the first epoch, and the loss there stays above every loss before it", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.05, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 30 }), (losses) => {
        const checkpoints = run(losses);
        const onset = overfitOnsetEpoch(checkpoints);
        if (onset === null) return;
        expect(onset).toBeGreaterThan(1);
        const minimumBefore = Math.min(...losses.slice(0, onset - 1));
        for (const loss of losses.slice(onset - 1)) expect(loss).toBeGreaterThan(minimumBefore);
      }),
      { numRuns: 300 },
    );
  });
});

describe("bestVersusLast", () => {
  it("names the recommended, picked, lowest-validation and last epochs, and the quality gap", () => {
    const checkpoints = [
      { epoch: 1, validationLoss: 0.12, quality: 0.4 },
      { epoch: 2, validationLoss: 0.11, quality: 0.7 },
      { epoch: 3, validationLoss: 0.112, quality: 0.75 },
      { epoch: 4, validationLoss: 0.115, quality: 0.6 },
    ];
    expect(bestVersusLast({ checkpoints, recommendedEpoch: 3, pickedEpoch: null })).toEqual({
      recommendedEpoch: 3,
      pickedEpoch: null,
      lowestValidationEpoch: 2,
      lastEpoch: 4,
      qualityGap: 0.75 - 0.6,
    });
  });

  it("agrees with the figures lib/runs stores for a simulated run", () => {
    const result = simulate({ images: 40, seed: 1104 }, { lossCurve: false });
    const summary = bestVersusLast({ ...result, pickedEpoch: 5 });
    const best = result.checkpoints[result.recommendedEpoch - 1].quality;
    const last = result.checkpoints[result.checkpoints.length - 1].quality;
    expect(summary).toEqual({ recommendedEpoch: 5, pickedEpoch: 5, lowestValidationEpoch: 5, lastEpoch: 10, qualityGap: best - last });
  });
});

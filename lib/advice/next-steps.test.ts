import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeSettings, simulate, SETTING_KEYS, type Settings } from "@/lib/sim";
import { firstOverfitEpoch, nextSteps, qualityPair } from "./next-steps";

const runOf = (settings: Settings) => {
  const result = simulate(settings, { lossCurve: false });
  return { settings, checkpoints: result.checkpoints, recommendedEpoch: result.recommendedEpoch };
};

const settingsArbitrary = fc
  .record({
    images: fc.integer({ min: 3, max: 60 }),
    repeats: fc.integer({ min: 2, max: 30 }),
    epochs: fc.integer({ min: 3, max: 20 }),
    batchSize: fc.constantFrom(1, 2, 4),
    learningRate: fc.constantFrom(3e-5, 5e-5, 1e-4, 2e-4, 4e-4),
    seed: fc.integer({ min: 0, max: 10_000 }),
  })
  .map((input) => completeSettings(input));

describe("nextSteps", () => {
  it("never calls a run whose last epoch is underfit anything but still improving, and proposes more epochs", () => {
    fc.assert(
      fc.property(settingsArbitrary, (settings) => {
        const run = runOf(settings);
        const advice = nextSteps(run);
        if (run.checkpoints[run.checkpoints.length - 1].verdict === "underfit" && settings.epochs < 100) {
          expect(advice.situation).toBe("underfit");
          expect(advice.headline).toMatch(/^Still improving/);
          expect(advice.steps[0].id).toBe("more-epochs");
          expect(advice.steps[0].settings.epochs).toBeGreaterThan(settings.epochs);
        }
        if (firstOverfitEpoch(run.checkpoints) !== null) expect(advice.situation).not.toBe("balanced");
      }),
      { numRuns: 120 },
    );
  });

  it("keeps the seed and changes exactly one setting in every proposal, and shows the simulation of that proposal", () => {
    fc.assert(
      fc.property(settingsArbitrary, (settings) => {
        for (const step of nextSteps(runOf(settings)).steps) {
          expect(step.settings.seed).toBe(settings.seed);
          const changed = SETTING_KEYS.filter((key) => step.settings[key] !== settings[key]);
          expect(changed).toHaveLength(1);
          const simulated = simulate(step.settings, { lossCurve: false });
          expect(step.totalSteps).toBe(simulated.totalSteps);
          expect(step.bestEpoch).toBe(simulated.recommendedEpoch);
          expect(step.detail).toContain(new Intl.NumberFormat("en-US").format(simulated.totalSteps));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("tells a run that overfits before the end to stop at its best epoch, with the step count", () => {
    const settings = completeSettings({ images: 30, epochs: 12, seed: 3 });
    const run = runOf(settings);
    expect(firstOverfitEpoch(run.checkpoints)).not.toBeNull();
    const advice = nextSteps(run);
    expect(advice.situation).toBe("overfit");
    const stop = advice.steps.find((step) => step.id === "stop-earlier");
    expect(stop?.settings.epochs).toBe(run.recommendedEpoch);
    expect(stop?.detail).toMatch(/steps instead of 7,200/);
    expect(advice.steps.map((step) => step.id)).toEqual(expect.arrayContaining(["fewer-repeats", "lower-lr"]));
  });

  it("says a run that ends balanced near its best needs no change", () => {
    const advice = nextSteps(runOf(completeSettings({ images: 10, seed: 3 })));
    expect(advice.situation).toBe("balanced");
    expect(advice.steps).toEqual([]);
  });
});

describe("qualityPair", () => {
  it("adds a digit when two decimals would show equal numbers", () => {
    expect(qualityPair(0.7328, 0.7261)).toEqual(["0.733", "0.726"]);
    expect(qualityPair(0.79, 0.72)).toEqual(["0.79", "0.72"]);
  });
});

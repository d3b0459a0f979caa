import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countSteps, resolveSettings, SETTINGS_LIMITS, type Settings } from "@/lib/sim";
import { anySettingsArb } from "@/lib/sim/test/arbitraries";
import { compareHref, equalStepsTwin, TWIN_KINDS } from "./twins";

const ARTICLE: Settings = resolveSettings({ name: "Character", images: 10, seed: 1 });
const steps = (settings: Settings) => countSteps(settings).totalSteps;

function expectWithinLimits(settings: Settings) {
  expect(() => resolveSettings(settings)).not.toThrow();
  expect(settings.name.length).toBeLessThanOrEqual(SETTINGS_LIMITS.name.max);
}

describe("equalStepsTwin: repeats for epochs", () => {
  it("turns 20 repeats × 10 epochs into 10 × 20, the same 2,000 steps in twice as many checkpoints", () => {
    const twin = equalStepsTwin(ARTICLE, "repeats-for-epochs");
    if (!twin.ok) throw new Error(twin.reason);
    expect(twin.settings).toMatchObject({ images: 10, repeats: 10, epochs: 20, batchSize: 1, learningRate: 1e-4, seed: 1 });
    expect(twin.totalSteps).toBe(2000);
    expect(steps(twin.settings)).toBe(2000);
    expect(twin.settings.name).toBe("Character · twin (10 repeats × 20 epochs)");
    expect(twin.explanation).toContain("the same 2,000 steps");
  });

  it("skips a split that rounding would change and takes the next exact one", () => {
    // 10 images × 20 repeats at batch 3: ceil(200/3) × 10 = 670; 10 repeats give ceil(100/3) × 20 = 680, 5 repeats ceil(50/3) × 40 = 680, 4 repeats ceil(40/3) × 50 = 700…
    const settings = resolveSettings({ images: 10, repeats: 20, epochs: 10, batchSize: 3, seed: 1 });
    const twin = equalStepsTwin(settings, "repeats-for-epochs");
    expect(twin.ok).toBe(false);
    if (twin.ok) return;
    expect(twin.reason).toMatch(/No split of 20 repeats keeps exactly 670 steps/);
    expect(twin.nearest?.totalSteps).toBe(680);
    expect(twin.nearest?.settings).toMatchObject({ repeats: 10, epochs: 20 });
  });

  it("explains why there is no twin with one repeat, or when epochs would pass 100", () => {
    const one = equalStepsTwin(resolveSettings({ images: 10, repeats: 1, seed: 1 }), "repeats-for-epochs");
    expect(one).toMatchObject({ ok: false, reason: expect.stringContaining("already 1"), nearest: null });
    const many = equalStepsTwin(resolveSettings({ images: 10, repeats: 20, epochs: 60, seed: 1 }), "repeats-for-epochs");
    expect(many).toMatchObject({ ok: false, reason: expect.stringContaining("more than 100 epochs"), nearest: null });
  });
});

describe("equalStepsTwin: batch for learning rate", () => {
  it("doubles batch and LR (linear rule) and doubles repeats to keep the steps", () => {
    const twin = equalStepsTwin(ARTICLE, "batch-for-lr");
    if (!twin.ok) throw new Error(twin.reason);
    expect(twin.settings).toMatchObject({ batchSize: 2, learningRate: 2e-4, repeats: 40, epochs: 10 });
    expect(steps(twin.settings)).toBe(2000);
    expect(twin.explanation).toMatch(/linear rule; measurements with Adam favour √2× instead \(1\.41e-4\)/);
  });

  it("raises the LR by √2 under the Adam square-root rule", () => {
    const twin = equalStepsTwin(ARTICLE, "batch-for-lr", { batchRule: "sqrt" });
    if (!twin.ok) throw new Error(twin.reason);
    expect(twin.settings).toMatchObject({ batchSize: 2, learningRate: 1.41e-4, repeats: 40 });
    expect(twin.explanation).toContain("linear rule would say 2e-4");
  });

  it("doubles the epochs when the repeats are at their maximum, if that keeps the steps exact", () => {
    const twin = equalStepsTwin(resolveSettings({ images: 10, repeats: 60, epochs: 5, seed: 1 }), "batch-for-lr");
    if (!twin.ok) throw new Error(twin.reason);
    expect(twin.settings).toMatchObject({ batchSize: 2, repeats: 60, epochs: 10 });
    expect(twin.explanation).toContain("doubling the epochs (5 → 10)");
  });

  it("halves batch, LR and repeats when the batch is at its maximum", () => {
    const twin = equalStepsTwin(resolveSettings({ images: 10, repeats: 20, batchSize: 32, learningRate: 1e-3, seed: 1 }), "batch-for-lr");
    if (!twin.ok) throw new Error(twin.reason);
    expect(twin.settings).toMatchObject({ batchSize: 16, learningRate: 5e-4, repeats: 10, epochs: 10 });
    expect(steps(twin.settings)).toBe(steps(resolveSettings({ images: 10, repeats: 20, batchSize: 32, seed: 1 })));
  });

  it("gives a clear reason when neither direction fits the limits", () => {
    // Batch 1 cannot halve; LR 0.01 cannot double.
    const twin = equalStepsTwin(resolveSettings({ images: 10, learningRate: 0.01, seed: 1 }), "batch-for-lr");
    expect(twin).toMatchObject({ ok: false, reason: expect.stringContaining("No batch change keeps exactly 2,000 steps"), nearest: null });
  });
});

describe("equalStepsTwin: properties", () => {
  it("keeps the total steps exactly, stays within the limits and keeps images and seed", () => {
    fc.assert(
      fc.property(anySettingsArb, fc.constantFrom(...TWIN_KINDS), fc.constantFrom("linear" as const, "sqrt" as const), (settings, kind, batchRule) => {
        const twin = equalStepsTwin(settings, kind, { batchRule });
        if (!twin.ok) {
          expect(twin.reason.length).toBeGreaterThan(10);
          if (twin.nearest) {
            expectWithinLimits(twin.nearest.settings);
            expect(twin.nearest.totalSteps).not.toBe(steps(settings));
          }
          return;
        }
        expect(steps(twin.settings)).toBe(steps(settings));
        expect(twin.totalSteps).toBe(steps(settings));
        expectWithinLimits(twin.settings);
        expect(twin.settings).toMatchObject({ images: settings.images, seed: settings.seed, captionQuality: settings.captionQuality });
        expect(twin.settings).not.toEqual({ ...settings, name: twin.settings.name });
      }),
      { numRuns: 500 },
    );
  });

  it("always finds a repeats-for-epochs twin at batch 1 with even repeats and room for twice the epochs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), (images, half, epochs) => {
        const twin = equalStepsTwin(resolveSettings({ images, repeats: half * 2, epochs, seed: 1 }), "repeats-for-epochs");
        expect(twin.ok).toBe(true);
      }),
    );
  });

  it("always finds a batch-for-lr twin when batch, LR and repeats can double", () => {
    fc.assert(
      fc.property(anySettingsArb, (settings) => {
        fc.pre(settings.batchSize <= 16 && settings.learningRate <= 0.005 && settings.repeats <= 50);
        expect(equalStepsTwin(settings, "batch-for-lr").ok).toBe(true);
      }),
    );
  });
});

describe("compareHref", () => {
  it("links the compare page with both runs", () => {
    expect(compareHref("a1", "b2")).toBe("/compare?runs=a1,b2");
  });
});

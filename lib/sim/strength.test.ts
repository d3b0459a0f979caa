// The laws of inference-time strength, each over many simulated checkpoints.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "./simulate";
import { bestStrengthCell, outputsAtStrength, STRENGTH, strengthGrid } from "./strength";

const runArb = fc.record({
  images: fc.integer({ min: 3, max: 120 }),
  repeats: fc.integer({ min: 5, max: 40 }),
  epochs: fc.integer({ min: 2, max: 30 }),
  learningRate: fc.double({ min: Math.log(2e-5), max: Math.log(5e-4), noNaN: true }).map(Math.exp),
  datasetSimilarity: fc.double({ min: 0, max: 1, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});
const checkpointsOf = (settings: Parameters<typeof simulate>[0]) => simulate(settings, { lossCurve: false }).checkpoints;

describe("outputsAtStrength", () => {
  it("is the base model at strength 0: no fidelity gained, the base model's flexibility, no quality for the subject", () => {
    fc.assert(
      fc.property(runArb, (settings) => {
        for (const checkpoint of checkpointsOf(settings)) {
          const base = outputsAtStrength(checkpoint, 0);
          expect(base.fidelity).toBe(0);
          expect(base.flexibility).toBeCloseTo(STRENGTH.BASE_FLEXIBILITY, 12);
          expect(base.quality).toBe(0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("is the checkpoint as trained at strength 1", () => {
    fc.assert(
      fc.property(runArb, (settings) => {
        for (const checkpoint of checkpointsOf(settings)) {
          const full = outputsAtStrength(checkpoint, 1);
          expect(full.fidelity).toBeCloseTo(checkpoint.fidelity, 6);
          expect(full.flexibility).toBeCloseTo(checkpoint.flexibility, 6);
          expect(full.quality).toBeCloseTo(checkpoint.quality, 6);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("raises fidelity and lowers flexibility as strength rises, up to 2", () => {
    fc.assert(
      fc.property(runArb, fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (settings, s1, s2) => {
        const [low, high] = s1 <= s2 ? [s1, s2] : [s2, s1];
        for (const checkpoint of checkpointsOf(settings)) {
          const weak = outputsAtStrength(checkpoint, low);
          const strong = outputsAtStrength(checkpoint, high);
          expect(strong.fidelity).toBeGreaterThanOrEqual(weak.fidelity - 1e-12);
          expect(strong.flexibility).toBeLessThanOrEqual(weak.flexibility + 1e-12);
          for (const value of [strong.fidelity, strong.flexibility, strong.quality]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("lets an over-trained last epoch at lower strength beat itself at full strength and compete with the best epoch", () => {
    fc.assert(
      fc.property(runArb, (settings) => {
        const result = simulate(settings, { lossCurve: false });
        const last = result.checkpoints[result.checkpoints.length - 1];
        // Over-trained, but no more than twice as long as a best epoch that is not one of the first two
        // (so epochs are fine enough to tell): the late epochs people still try.
        // Learning rates in the stable range: an unstable run's lost fidelity is not a strength question.
        fc.pre(last.verdict === "overfit" && result.recommendedEpoch >= 3 && last.epoch <= 2 * result.recommendedEpoch && settings.learningRate <= 3e-4);
        const best = result.checkpoints[result.recommendedEpoch - 1];
        const lowered = STRENGTH.GRID.filter((s) => s < 1).map((s) => outputsAtStrength(last, s).quality);
        expect(Math.max(...lowered)).toBeGreaterThan(last.quality);
        // Burn is not undone by a lower strength, so it gets back most of the gap, not always all.
        expect(Math.max(...lowered)).toBeGreaterThanOrEqual(0.85 * best.quality);
      }),
      { numRuns: 300 },
    );
    // The article's case of 25+ images at 10 epochs: the overfit last epoch at 0.6 is within 5% of the best epoch.
    const result = simulate({ images: 30, seed: 5 }, { lossCurve: false });
    const last = result.checkpoints[9];
    expect(last.verdict).toBe("overfit");
    expect(outputsAtStrength(last, 0.6).quality).toBeGreaterThanOrEqual(0.95 * result.checkpoints[result.recommendedEpoch - 1].quality);
  });

  it("reads a strength outside 0–2 as the nearest bound", () => {
    const checkpoint = { fidelity: 0.8, flexibility: 0.6, quality: 0.6 };
    expect(outputsAtStrength(checkpoint, -1)).toEqual(outputsAtStrength(checkpoint, 0));
    expect(outputsAtStrength(checkpoint, 5)).toEqual(outputsAtStrength(checkpoint, 2));
  });
});

describe("strengthGrid", () => {
  it("has one row per epoch and one cell per strength, and its best cell is the highest quality", () => {
    const { checkpoints } = simulate({ images: 15, epochs: 12, seed: 3 }, { lossCurve: false });
    const grid = strengthGrid(checkpoints);
    expect(grid).toHaveLength(12);
    expect(grid.every((row, i) => row.length === STRENGTH.GRID.length && row.every((cell) => cell.epoch === i + 1))).toBe(true);
    const best = bestStrengthCell(grid)!;
    expect(best.quality).toBe(Math.max(...grid.flat().map((cell) => cell.quality)));
  });
});

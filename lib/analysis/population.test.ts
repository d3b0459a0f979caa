import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate, SETTINGS_DEFAULTS } from "@/lib/sim";
import { firstOrderImportance } from "./importance";
import { POPULATION_KEYS, samplePopulation, spreadRange, type PopulationCentre } from "./population";

const centre: PopulationCentre = { images: 15, ...SETTINGS_DEFAULTS };

describe("samplePopulation", () => {
  it("is the same for the same seed and differs for another", () => {
    const spec = { centre, vary: ["learningRate", "epochs"] as const, size: 200, seed: 4 };
    expect(samplePopulation(spec)).toEqual(samplePopulation(spec));
    expect(samplePopulation({ ...spec, seed: 5 })).not.toEqual(samplePopulation(spec));
  });

  it("keeps settings that are not varied at the centre and draws the others within their spread", () => {
    fc.assert(
      fc.property(fc.subarray([...POPULATION_KEYS]), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (vary, seed) => {
        for (const run of samplePopulation({ centre, vary, size: 100, seed })) {
          for (const key of POPULATION_KEYS) {
            const value = run.settings[key];
            if (!vary.includes(key)) expect(value).toBe(centre[key]);
            else if (!(key === "textEncoderLearningRate" && value === 0)) {
              const { from, to } = spreadRange(key, centre[key]);
              expect(value).toBeGreaterThanOrEqual(Math.floor(from));
              expect(value).toBeLessThanOrEqual(Math.ceil(to));
            }
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it("summarises each run as the simulator does: best quality, its epoch and the last epoch's overfit risk", () => {
    const [run] = samplePopulation({ centre, vary: ["repeats"], size: 1, seed: 9 });
    expect(run.bestEpoch).toBeGreaterThanOrEqual(1);
    expect(run.bestEpoch).toBeLessThanOrEqual(run.settings.epochs);
    // The noise seed changes only the losses, so the scores equal a simulation at any seed.
    const result = simulate({ ...run.settings, seed: 1 }, { lossCurve: false });
    expect(run.bestQuality).toBeCloseTo(Math.max(...result.checkpoints.map((c) => c.quality)), 12);
    expect(run.bestEpoch).toBe(result.recommendedEpoch);
    expect(run.finalOverfitRisk).toBeCloseTo(result.checkpoints[result.checkpoints.length - 1].overfitRisk, 12);
  });

  it("keeps the text encoder frozen in about a quarter of the runs when the centre trains it", () => {
    const runs = samplePopulation({ centre, vary: ["textEncoderLearningRate"], size: 2000, seed: 2 });
    const frozen = runs.filter((run) => run.settings.textEncoderLearningRate === 0).length / runs.length;
    expect(frozen).toBeGreaterThan(0.2);
    expect(frozen).toBeLessThan(0.3);
  });

  it("feeds the importance measure: settings held fixed explain nothing, varied ones share at most all of the variance", () => {
    fc.assert(
      fc.property(fc.subarray([...POPULATION_KEYS], { minLength: 1 }), fc.integer({ min: 0, max: 1000 }), (vary, seed) => {
        const runs = samplePopulation({ centre, vary, size: 600, seed });
        const result = firstOrderImportance(runs, POPULATION_KEYS, (run, key) => run.settings[key], (run) => run.bestQuality);
        for (const { key, index } of result) if (!vary.includes(key)) expect(index).toBe(0);
        // First-order shares add up to at most 1 (the rest is interactions), give or take the estimate's noise.
        expect(result.reduce((sum, r) => sum + r.index, 0)).toBeLessThan(1.1);
      }),
      { numRuns: 15 },
    );
    // At 15 images, captions and the learning rate move best quality far more than ±30% of dataset similarity.
    const runs = samplePopulation({ centre, vary: ["learningRate", "captionQuality", "datasetSimilarity"], size: 2000, seed: 3 });
    const order = firstOrderImportance(runs, POPULATION_KEYS, (run, key) => run.settings[key], (run) => run.bestQuality).map((r) => r.key);
    expect(order.indexOf("datasetSimilarity")).toBeGreaterThan(order.indexOf("learningRate"));
  });
});

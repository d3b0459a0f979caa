import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countSteps, LEARNING_RATE_LIMITS, resolveSettings, simulate, SETTINGS_DEFAULTS } from "@/lib/sim";
import { LR_SCHEDULERS, OPTIMIZERS } from "@/lib/sim/types";
import { describeImportance, firstOrderImportance } from "./importance";
import { formatAxisValue } from "./axes";
import { isChoiceKey, POPULATION_KEYS, samplePopulation, settingValue, spreadRange, warmupRange, type PopulationCentre } from "./population";

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
            // The learning rate follows the optimizer, and warm-up the run's length, so those two are checked below.
            if (key === "learningRate" || key === "warmupSteps") continue;
            if (!vary.includes(key)) expect(value).toBe(centre[key]);
            else if (isChoiceKey(key)) expect(settingValue(run.settings, key)).toBeGreaterThanOrEqual(0);
            else if (!(key === "textEncoderLearningRate" && value === 0)) {
              const { from, to } = spreadRange(key, centre[key] as number);
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
        const result = firstOrderImportance(
          runs,
          POPULATION_KEYS,
          (run, key) => settingValue(run.settings, key),
          (run) => run.bestQuality,
        );
        // The learning rate follows the optimizer (a rate or Prodigy's multiplier), so it moves when the optimizer does.
        const follows = (key: string) => key === "learningRate" && vary.includes("optimizer");
        for (const { key, index } of result) if (!vary.includes(key) && !follows(key)) expect(index).toBe(0);
        // First-order shares add up to at most 1 (the rest is interactions), give or take the estimate's noise.
        expect(result.reduce((sum, r) => sum + r.index, 0)).toBeLessThan(1.1);
      }),
      { numRuns: 15 },
    );
    // At 15 images, captions and the learning rate move best quality far more than ±30% of dataset similarity.
    const runs = samplePopulation({ centre, vary: ["learningRate", "captionQuality", "datasetSimilarity"], size: 2000, seed: 3 });
    const order = firstOrderImportance(
      runs,
      POPULATION_KEYS,
      (run, key) => settingValue(run.settings, key),
      (run) => run.bestQuality,
    ).map((r) => r.key);
    expect(order.indexOf("datasetSimilarity")).toBeGreaterThan(order.indexOf("learningRate"));
  });

  it("draws only settings the simulator accepts: the learning rate fits the drawn optimizer, warm-up fits the run", () => {
    fc.assert(
      fc.property(fc.subarray([...POPULATION_KEYS]), fc.constantFrom(...OPTIMIZERS), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (vary, optimizer, seed) => {
        const start: PopulationCentre = { ...centre, optimizer, learningRate: optimizer === "prodigy" ? 1 : 1e-4, warmupSteps: 50 };
        for (const run of samplePopulation({ centre: start, vary, size: 40, seed })) {
          expect(() => resolveSettings({ ...run.settings, name: "check", seed: 1 })).not.toThrow();
          const { totalSteps } = countSteps(run.settings);
          expect(run.settings.warmupSteps).toBeLessThanOrEqual(totalSteps);
          if (vary.includes("warmupSteps")) expect(run.settings.warmupSteps).toBeLessThanOrEqual(warmupRange(start.warmupSteps).to);
          else expect(run.settings.warmupSteps).toBe(Math.min(50, totalSteps));
          if (run.settings.optimizer === "prodigy") expect(run.settings.learningRate).toBeGreaterThanOrEqual(LEARNING_RATE_LIMITS.prodigy.min);
          else expect(run.settings.learningRate).toBeLessThanOrEqual(LEARNING_RATE_LIMITS.rate.max);
          if (!vary.includes("learningRate") && run.settings.optimizer === optimizer) expect(run.settings.learningRate).toBe(start.learningRate);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("draws every option of a varied choice setting about equally often", () => {
    const runs = samplePopulation({ centre, vary: ["optimizer", "lrScheduler"], size: 1500, seed: 8 });
    for (const optimizer of OPTIMIZERS) {
      const share = runs.filter((run) => run.settings.optimizer === optimizer).length / runs.length;
      expect(share).toBeGreaterThan(1 / OPTIMIZERS.length - 0.05);
      expect(share).toBeLessThan(1 / OPTIMIZERS.length + 0.05);
    }
    for (const scheduler of LR_SCHEDULERS) expect(runs.some((run) => run.settings.lrScheduler === scheduler)).toBe(true);
  });

  it("measures the newer settings' importance: network rank matters when only it and a minor setting vary, and a choice gets one bin per option", () => {
    const runs = samplePopulation({ centre, vary: ["networkDim", "datasetSimilarity"], size: 1500, seed: 5 });
    const rows = firstOrderImportance(
      runs,
      POPULATION_KEYS,
      (run, key) => settingValue(run.settings, key),
      (run) => run.bestQuality,
    );
    const dim = rows.find((row) => row.key === "networkDim")!;
    expect(dim.index).toBeGreaterThan(0);
    for (const row of rows) if (row.key !== "networkDim" && row.key !== "datasetSimilarity") expect(row.index).toBe(0);

    const optimizers = samplePopulation({ centre, vary: ["optimizer"], size: 800, seed: 6 });
    const [optimizer] = firstOrderImportance(
      optimizers,
      ["optimizer"] as const,
      (run, key) => settingValue(run.settings, key),
      (run) => run.bestQuality,
    );
    expect(optimizer.bins).toHaveLength(OPTIMIZERS.length);
    // The optimizer alone varies, so it explains (nearly) all of the spread.
    expect(optimizer.index).toBeGreaterThan(0.9);
    const sentence = describeImportance(optimizer, "Optimizer", "best quality", (value) => formatAxisValue("optimizer", value), { categorical: true });
    expect(sentence).toMatch(
      /^Optimizer explains \d+% of the spread in best quality: highest with (AdamW|AdamW8bit|Prodigy|Adafactor|Lion) \(0\.\d\d\), lowest with (AdamW|AdamW8bit|Prodigy|Adafactor|Lion) \(0\.\d\d\)\.$/,
    );
  });
});

// Laws 13–18 of PRODUCT.md: rank and alpha, dataset size, schedules and
// warm-up, optimizers, batch size at a fixed LR, and the public runs. Each is a
// property over many generated settings (lib/sim/test/arbitraries.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CALIBRATION_CASES, CALIBRATION_PASS_SHARE, calibrationRows, calibrationScore } from "./calibration";
import { doseAtStep, MODEL, optimalDoseOf, runConstants, scheduledSteps, type Schedule } from "./model";
import { resolveSettings, type Settings } from "./schema";
import { simulate } from "./simulate";
import { fractionIn, intIn, logUniform, seedArb, typicalNetworkSettingsArb } from "./test/arbitraries";
import { bestCheckpoint, lastCheckpoint } from "./test/helpers";
import { LR_SCHEDULERS, type SimulateOptions } from "./types";

const NO_CURVE: SimulateOptions = { lossCurve: false };
const run = (settings: Partial<Settings> & { images: number }, options: SimulateOptions = NO_CURVE) => simulate(settings, options);
const instabilityOf = (settings: Partial<Settings> & { images: number }) => runConstants(resolveSettings({ seed: 1, ...settings })).instability;

/** Typical settings on a constant schedule without warm-up, with a non-Prodigy optimizer. */
const constantArb = typicalNetworkSettingsArb.map((settings) => ({
  ...settings,
  optimizer: settings.optimizer === "prodigy" ? ("adamw8bit" as const) : settings.optimizer,
  learningRate: settings.optimizer === "prodigy" ? 1e-4 : settings.learningRate,
  lrScheduler: "constant" as const,
  warmupSteps: 0,
}));

describe("law 13: alpha / dim scales learning", () => {
  it("alpha = dim reaches at epoch e what alpha = dim / 2 reaches at epoch 2e (while both are stable)", () => {
    fc.assert(
      fc.property(constantArb, (settings) => {
        const fast = { ...settings, networkAlpha: settings.networkDim, epochs: Math.min(50, settings.epochs) };
        const slow = { ...settings, networkAlpha: settings.networkDim / 2, epochs: 2 * fast.epochs };
        fc.pre(instabilityOf(fast) === 0);
        const quick = run(fast);
        const steady = run(slow);
        quick.checkpoints.forEach((checkpoint, i) => {
          const twice = steady.checkpoints[2 * i + 1];
          expect(checkpoint.fidelity).toBeCloseTo(twice.fidelity, 12);
          expect(checkpoint.overfitRisk).toBeCloseTo(twice.overfitRisk, 12);
          expect(checkpoint.quality).toBeCloseTo(twice.quality, 12);
        });
        expect(quick.checkpoints[0].fidelity).toBeGreaterThan(steady.checkpoints[0].fidelity);
      }),
      { numRuns: 200 },
    );
  });

  it("a higher alpha at the same dim never peaks later and always learns more in the first epoch", () => {
    fc.assert(
      fc.property(constantArb, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (settings, share) => {
        const high = run({ ...settings, networkAlpha: settings.networkDim });
        const low = run({ ...settings, networkAlpha: settings.networkDim * share });
        expect(high.recommendedEpoch).toBeLessThanOrEqual(low.recommendedEpoch);
        if (instabilityOf({ ...settings, networkAlpha: settings.networkDim }) === 0) {
          expect(high.checkpoints[0].fidelity).toBeGreaterThan(low.checkpoints[0].fidelity);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("only the ratio matters: dim 16 / alpha 8 trains exactly like dim 128 / alpha 64", () => {
    fc.assert(
      fc.property(constantArb, intIn(1, 128), (settings, dim) => {
        const a = run({ ...settings, networkDim: dim, networkAlpha: dim / 2 });
        const b = run({ ...settings, networkDim: 2 * dim, networkAlpha: dim });
        expect(b.checkpoints).toEqual(a.checkpoints);
      }),
      { numRuns: 100 },
    );
  });
});

describe("law 14: the training a dataset needs grows sublinearly with its images", () => {
  it("k times the images need at most k^0.6 times the dose, and never less", () => {
    fc.assert(
      fc.property(intIn(10, 100), intIn(2, 10), fractionIn(), fractionIn(), (images, k, datasetSimilarity, captionQuality) => {
        const dose = (n: number) => optimalDoseOf(n, datasetSimilarity, 1e-5, captionQuality);
        const ratio = dose(k * images) / dose(images);
        expect(ratio).toBeGreaterThanOrEqual(1);
        expect(ratio).toBeLessThanOrEqual(k ** 0.6);
      }),
      { numRuns: 300 },
    );
  });

  it("100 images peak a few times later than 10, not ten times, in steps (fine epochs, any similarity and captions)", () => {
    fc.assert(
      fc.property(fractionIn(), fractionIn(0.4, 1), seedArb, (datasetSimilarity, captionQuality, seed) => {
        // alpha = dim at 1.5e-4: a fast, stable run whose 1-repeat epochs are fine enough to place the peak.
        const common = { repeats: 1, epochs: 100, learningRate: 1.5e-4, networkDim: 16, networkAlpha: 16, datasetSimilarity, captionQuality, seed };
        const small = run({ ...common, images: 10 });
        const large = run({ ...common, images: 100 });
        const ratio = bestCheckpoint(large).step / bestCheckpoint(small).step;
        expect(ratio).toBeGreaterThan(2);
        expect(ratio).toBeLessThan(5);
      }),
      { numRuns: 100 },
    );
  });
});

describe("law 15: decaying schedules deliver less and settle; warm-up delays", () => {
  it("integrates each schedule in closed form: it matches the step-by-step sum of the learning rate", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LR_SCHEDULERS), intIn(1, 400), fractionIn(), fractionIn(), (kind, totalSteps, warmupShare, at) => {
        const schedule: Schedule = { kind, totalSteps, warmupSteps: Math.floor(warmupShare * totalSteps) };
        const t = Math.round(at * totalSteps);
        // The rate over step k (from k − 1 to k) is the closed form's increment; its midpoint value sums close to it.
        let sum = 0;
        for (let k = 1; k <= t; k++) sum += scheduledSteps(schedule, k) - scheduledSteps(schedule, k - 1);
        expect(scheduledSteps(schedule, t)).toBeCloseTo(sum, 9);
        expect(scheduledSteps(schedule, t)).toBeLessThanOrEqual(t + 1e-9);
        expect(scheduledSteps(schedule, t)).toBeGreaterThanOrEqual(0);
        if (kind === "cosine" || kind === "linear") {
          if (schedule.warmupSteps === 0) expect(scheduledSteps(schedule, totalSteps)).toBeCloseTo(totalSteps / 2, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("cosine and linear peak no earlier than constant at equal steps, and their last epoch delivers less and changes fidelity less", () => {
    fc.assert(
      fc.property(typicalNetworkSettingsArb, fc.constantFrom("cosine" as const, "linear" as const, "cosine_with_restarts" as const), intIn(3, 30), (settings, lrScheduler, epochs) => {
        const base = { ...settings, epochs, warmupSteps: 0 };
        const constant = run({ ...base, lrScheduler: "constant" });
        const decaying = run({ ...base, lrScheduler });
        expect(decaying.recommendedEpoch).toBeGreaterThanOrEqual(constant.recommendedEpoch);
        // The last epoch delivers less training: the schedule has decayed towards 0.
        const constants = (lrScheduler: Settings["lrScheduler"]) => runConstants(resolveSettings({ ...base, lrScheduler }));
        const lastEpochDose = (lrScheduler: Settings["lrScheduler"]) => {
          const c = constants(lrScheduler);
          return doseAtStep(c, constant.totalSteps) - doseAtStep(c, constant.totalSteps - constant.stepsPerEpoch);
        };
        expect(lastEpochDose(lrScheduler)).toBeLessThan(lastEpochDose("constant"));
        expect(lastCheckpoint(decaying).overfitRisk).toBeLessThanOrEqual(lastCheckpoint(constant).overfitRisk);
        // So its scores move less, wherever the constant run is not already saturated (dose ratio ≤ 2).
        const endRatio = doseAtStep(constants("constant"), constant.totalSteps) / constants("constant").optimalDose;
        if (endRatio <= 2) {
          const change = (result: typeof constant, key: "fidelity" | "overfitRisk" | "quality") => Math.abs(lastCheckpoint(result)[key] - result.checkpoints[result.checkpoints.length - 2][key]);
          expect(change(decaying, "fidelity")).toBeLessThan(change(constant, "fidelity"));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("warm-up never moves the best epoch earlier, and on a constant schedule delays it by at most half the warm-up and an epoch", () => {
    fc.assert(
      fc.property(typicalNetworkSettingsArb, fc.double({ min: 0.01, max: 0.3, noNaN: true }), (settings, share) => {
        const cold = run({ ...settings, warmupSteps: 0 });
        const warmupSteps = Math.max(1, Math.floor(share * cold.totalSteps));
        const warm = run({ ...settings, warmupSteps });
        expect(warm.recommendedEpoch).toBeGreaterThanOrEqual(cold.recommendedEpoch);
        if (settings.lrScheduler === "constant" || settings.lrScheduler === "constant_with_warmup") {
          expect(bestCheckpoint(warm).step - bestCheckpoint(cold).step).toBeLessThanOrEqual(warmupSteps / 2 + cold.stepsPerEpoch);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("law 16: Prodigy's multiplier and Lion's speed", () => {
  it("Prodigy's LR is a multiplier: 0.5 learns slower and peaks no earlier than 1, 2 faster", () => {
    fc.assert(
      fc.property(typicalNetworkSettingsArb, (settings) => {
        const prodigy = { ...settings, optimizer: "prodigy" as const };
        const half = run({ ...prodigy, learningRate: 0.5 });
        const one = run({ ...prodigy, learningRate: 1 });
        const two = run({ ...prodigy, learningRate: 2 });
        expect(half.recommendedEpoch).toBeGreaterThanOrEqual(one.recommendedEpoch);
        expect(two.recommendedEpoch).toBeLessThanOrEqual(one.recommendedEpoch);
        // While stable, the bigger multiplier has learned more after one epoch (past that, instability costs fidelity: law 6).
        if (instabilityOf({ ...prodigy, learningRate: 1 }) === 0) expect(half.checkpoints[0].fidelity).toBeLessThanOrEqual(one.checkpoints[0].fidelity + 1e-12);
      }),
      { numRuns: 150 },
    );
    // Strictly, wherever the first epoch is not already saturated: the defaults with 10 images.
    const at = (learningRate: number) => run({ images: 10, optimizer: "prodigy", learningRate, seed: 1 });
    expect(at(0.5).checkpoints[0].fidelity).toBeLessThan(at(1).checkpoints[0].fidelity);
    expect(at(0.5).recommendedEpoch).toBeGreaterThan(at(1).recommendedEpoch);
  });

  it("Prodigy at 1 finds about the article's step size: it trains like AdamW at 1e-4", () => {
    fc.assert(
      fc.property(typicalNetworkSettingsArb, (settings) => {
        const prodigy = run({ ...settings, optimizer: "prodigy", learningRate: 1 });
        const adam = run({ ...settings, optimizer: "adamw", learningRate: MODEL.PRODIGY_EQUIVALENT_LR });
        expect(prodigy.recommendedEpoch).toBe(adam.recommendedEpoch);
        expect(bestCheckpoint(prodigy).quality).toBeCloseTo(bestCheckpoint(adam).quality, 12);
      }),
      { numRuns: 100 },
    );
  });

  it("Lion at an AdamW learning rate reaches at epoch e what AdamW reaches at epoch 5e, and at a 5× smaller LR trains like AdamW", () => {
    fc.assert(
      fc.property(constantArb, logUniform(1e-6, 5e-5), (settings, learningRate) => {
        const lion = { ...settings, optimizer: "lion" as const, learningRate, epochs: Math.min(20, settings.epochs) };
        fc.pre(instabilityOf(lion) === 0);
        const fast = run(lion);
        const adam = run({ ...lion, optimizer: "adamw", epochs: 5 * lion.epochs });
        fast.checkpoints.forEach((checkpoint, i) => expect(checkpoint.fidelity).toBeCloseTo(adam.checkpoints[5 * i + 4].fidelity, 12));
        expect(fast.recommendedEpoch).toBeLessThanOrEqual(adam.recommendedEpoch);
        const matched = run({ ...lion, learningRate: learningRate / 5 });
        const adamMatched = run({ ...lion, optimizer: "adamw" });
        expect(matched.recommendedEpoch).toBe(adamMatched.recommendedEpoch);
        matched.checkpoints.forEach((checkpoint, i) => expect(checkpoint.quality).toBeCloseTo(adamMatched.checkpoints[i].quality, 9));
      }),
      { numRuns: 150 },
    );
  });

  it("Lion at the article's 1e-4 is too hot: less stable than AdamW at 1e-4, as its users' 3–10× smaller LRs say", () => {
    fc.assert(
      fc.property(constantArb, (settings) => {
        const at = { ...settings, learningRate: 1e-4, networkAlpha: settings.networkDim / 2, batchSize: 1 };
        expect(instabilityOf({ ...at, optimizer: "lion" })).toBeGreaterThan(instabilityOf({ ...at, optimizer: "adamw" }));
      }),
      { numRuns: 100 },
    );
  });
});

describe("law 17: at a fixed LR, equal steps per epoch peak at the same epoch whatever the batch", () => {
  it("batch B with B × the repeats peaks at the batch-1 epoch under the linear rule; the √batch rule peaks no later", () => {
    fc.assert(
      fc.property(constantArb, intIn(2, 8), intIn(1, 12), (settings, batchSize, repeats) => {
        const single = { ...settings, batchSize: 1, repeats };
        const batched = { ...settings, batchSize, repeats: repeats * batchSize };
        expect(run(batched).stepsPerEpoch).toBe(run(single).stepsPerEpoch);
        expect(run(batched).recommendedEpoch).toBe(run(single).recommendedEpoch);
        const sqrt = run(batched, { lossCurve: false, batchRule: "sqrt" });
        expect(sqrt.recommendedEpoch).toBeLessThanOrEqual(run(single, { lossCurve: false, batchRule: "sqrt" }).recommendedEpoch);
      }),
      { numRuns: 200 },
    );
    // The √batch rule does change it when asked: 10 images, batch 4 × 4 repeats peak earlier than batch 1.
    const single = run({ images: 10, repeats: 5, epochs: 30, seed: 1 }, { lossCurve: false, batchRule: "sqrt" });
    const batched = run({ images: 10, repeats: 20, batchSize: 4, epochs: 30, seed: 1 }, { lossCurve: false, batchRule: "sqrt" });
    expect(batched.recommendedEpoch).toBeLessThan(single.recommendedEpoch);
  });
});

describe("law 18: the public runs of RESEARCH.md §8", () => {
  it("lands the best step within ±40% of the reported one for at least 80% of the comparable cases", () => {
    const score = calibrationScore();
    expect(score.comparable).toBeGreaterThanOrEqual(5);
    expect(score.share).toBeGreaterThanOrEqual(CALIBRATION_PASS_SHARE);
  });

  it("still passes when a source's several runs count as one case", () => {
    const bySource = new Map<string, boolean[]>();
    for (const row of calibrationRows()) {
      if (row.inside === null) continue;
      bySource.set(row.case.source, [...(bySource.get(row.case.source) ?? []), row.inside]);
    }
    const verdicts = [...bySource.values()].map((insides) => insides.every(Boolean));
    expect(verdicts.filter(Boolean).length / verdicts.length).toBeGreaterThanOrEqual(CALIBRATION_PASS_SHARE);
  });

  it("says for every case whether it is comparable and why, and runs exactly the comparable ones", () => {
    expect(CALIBRATION_CASES.length).toBeGreaterThanOrEqual(9);
    for (const entry of CALIBRATION_CASES) {
      expect(entry.why.length).toBeGreaterThan(20);
      if (entry.comparable) {
        expect(entry.settings).not.toBeNull();
        expect(entry.reportedBestStep).toBeGreaterThan(0);
        // Valid settings: the mapping itself goes through the schema.
        expect(() => resolveSettings({ ...entry.settings, seed: 1 })).not.toThrow();
      } else {
        expect(entry.settings).toBeNull();
      }
    }
  });
});

// The team calibration against a known ground truth: synthetic "real runs"
// whose picks come from the simulator run at a chosen learning speed, so the
// fit must give that speed back; noise in the picks must widen its interval.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveSettings, type Settings } from "./schema";
import { simulate } from "./simulate";
import { runConstants } from "./model";
import { bestEpochAt, calibrateTeam, explainCalibrationNeeds, fitLearningSpeed, MIN_CALIBRATION_RUNS, optimalRatio, optimumPeakSteps, tQuantile975, type PickedRun } from "./team-calibration";
import { anyNetworkSettingsArb, intIn, logUniform, seedArb } from "./test/arbitraries";

/** Settings of a plausible real run whose optimum, at learning speed `speed`, lands near epoch `target`. */
const syntheticSettingsArb = (speed: number) =>
  fc
    .record({
      images: intIn(5, 80),
      learningRate: logUniform(4e-5, 2.5e-4),
      networkAlpha: fc.constantFrom(8, 16, 32),
      datasetSimilarity: fc.double({ min: 0, max: 0.8, noNaN: true }),
      captionQuality: fc.double({ min: 0.4, max: 1, noNaN: true }),
      lrScheduler: fc.constantFrom("constant" as const, "constant_with_warmup" as const),
      modelFamily: fc.constantFrom("sd15" as const, "sdxl" as const, "flux" as const),
      target: intIn(8, 30),
      seed: seedArb,
    })
    .map(({ target, ...rest }): Settings => {
      const probe = resolveSettings({ ...rest, repeats: 1, epochs: 1 });
      // At batch 1 the optimum in steps does not depend on repeats: choose repeats so it falls near `target` epochs.
      const optimumSteps = optimumPeakSteps(probe) / speed;
      const repeats = Math.min(100, Math.max(1, Math.round(optimumSteps / (rest.images * target))));
      const epochs = Math.min(100, 2 * target);
      const totalSteps = rest.images * repeats * epochs;
      return resolveSettings({ ...rest, repeats, epochs, warmupSteps: rest.lrScheduler === "constant_with_warmup" ? Math.floor(totalSteps * 0.05) : 0 });
    });

/** Runs whose picks are the simulator's best epoch at learning speed `speed`: the ground truth. */
const truthArb = fc.record({ speed: logUniform(0.4, 2.5), count: intIn(MIN_CALIBRATION_RUNS, 8) }).chain(({ speed, count }) =>
  fc.array(syntheticSettingsArb(speed), { minLength: count, maxLength: count }).map((settings) => ({
    speed,
    runs: settings.map((s, i): PickedRun => ({ id: `r${i}`, name: `run ${i}`, settings: s, pickedEpoch: bestEpochAt(s, speed) })),
  })),
);

/** Inside the run, not at its edges: a pick at the last epoch says only that the best is no earlier. */
const interior = (runs: PickedRun[]) => runs.every((run) => run.pickedEpoch >= 4 && run.pickedEpoch < run.settings.epochs);

describe("the learning-speed option of simulate", () => {
  it("is today's model at 1: the same run, number for number", () => {
    fc.assert(
      fc.property(anyNetworkSettingsArb, (settings) => {
        expect(simulate(settings, { learningSpeed: 1 })).toEqual(simulate(settings));
      }),
      { numRuns: 100 },
    );
  });

  it("refuses a speed that is not a positive number", () => {
    for (const speed of [0, -1, Number.NaN, Infinity]) expect(() => simulate({ images: 10 }, { learningSpeed: speed })).toThrow(RangeError);
  });

  it("a faster learning speed never moves the best epoch later, and never changes stability", () => {
    fc.assert(
      fc.property(anyNetworkSettingsArb, logUniform(0.2, 5), logUniform(1, 4), (settings, speed, factor) => {
        const slow = simulate(settings, { lossCurve: false, learningSpeed: speed });
        const fast = simulate(settings, { lossCurve: false, learningSpeed: speed * factor });
        // A run that learns nothing visible (a learning rate of 1e-8, alpha 0.001) has quality flat near 1e-6, rising by
        // rounding error alone: which epoch "peaks" there is noise, not a law of the model.
        const qualities = slow.checkpoints.map((checkpoint) => checkpoint.quality);
        fc.pre(Math.max(...qualities) - qualities[0] > 1e-3);
        expect(fast.recommendedEpoch).toBeLessThanOrEqual(slow.recommendedEpoch);
        expect(runConstants(settings, "linear", speed * factor).instability).toBe(runConstants(settings).instability);
      }),
      { numRuns: 200 },
    );
  });
});

describe("fitLearningSpeed", () => {
  it("puts quality's peak at the dose ratio docs/simulator.md gives (r ≈ 0.925 at the defaults)", () => {
    expect(optimalRatio(runConstants(resolveSettings({ images: 10, seed: 1 })))).toBeCloseTo(0.925, 2);
  });

  it("gives no fit with fewer than three picked runs", () => {
    const settings = resolveSettings({ images: 10, seed: 1 });
    const runs: PickedRun[] = [1, 2].map((i) => ({ id: `r${i}`, name: `run ${i}`, settings, pickedEpoch: 9 }));
    expect(fitLearningSpeed(runs)).toBeNull();
    const result = calibrateTeam({ runs, imported: 2 });
    expect(result).toMatchObject({ ok: false, runs: 2, needed: 3, imported: 2, picked: 2 });
    if (!result.ok) expect(result.reason).toMatch(/at least 3 real runs with a picked best epoch/);
    expect(calibrateTeam({ runs: [...runs, { ...runs[0], id: "r3" }], imported: 3 }).ok).toBe(true);
  });

  it("recovers the learning speed that made the picks, within 10%, whatever the settings", () => {
    fc.assert(
      fc.property(truthArb, ({ speed, runs }) => {
        fc.pre(interior(runs));
        const fit = fitLearningSpeed(runs)!;
        expect(Math.abs(Math.log(fit.learningSpeed / speed))).toBeLessThan(0.1);
        expect(fit.interval.low).toBeLessThan(fit.learningSpeed);
        expect(fit.interval.high).toBeGreaterThan(fit.learningSpeed);
      }),
      { numRuns: 60 },
    );
  });

  it("its 95% interval holds the true speed in most synthetic teams (only whole epochs can be picked)", () => {
    const teams = fc.sample(
      truthArb.filter(({ runs }) => interior(runs)),
      { numRuns: 40, seed: 7 },
    );
    const covered = teams.filter(({ speed, runs }) => {
      const { interval } = fitLearningSpeed(runs)!;
      return interval.low <= speed && speed <= interval.high;
    }).length;
    expect(covered / teams.length).toBeGreaterThanOrEqual(0.85);
  });

  it("noise in the picks widens the uncertainty", () => {
    fc.assert(
      fc.property(truthArb, ({ runs }) => {
        fc.pre(interior(runs));
        // Each pick moved by a factor of e^±0.4 (alternately later and earlier): a team that disagrees with itself.
        const noisy = runs.map((run, i) => ({
          ...run,
          pickedEpoch: Math.min(run.settings.epochs, Math.max(1, Math.round(run.pickedEpoch * Math.exp(i % 2 === 0 ? 0.4 : -0.4)))),
        }));
        const clean = fitLearningSpeed(runs)!;
        const shaken = fitLearningSpeed(noisy)!;
        expect(shaken.logStandardError).toBeGreaterThan(clean.logStandardError);
        expect(shaken.interval.high / shaken.interval.low).toBeGreaterThan(clean.interval.high / clean.interval.low);
        expect(shaken.typicalMiss).toBeGreaterThan(clean.typicalMiss);
      }),
      { numRuns: 40 },
    );
  });

  it("never claims more certainty than whole-epoch picks allow: identical runs still get an interval", () => {
    const settings = resolveSettings({ images: 10, seed: 1 });
    const runs: PickedRun[] = [1, 2, 3].map((i) => ({ id: `r${i}`, name: `run ${i}`, settings, pickedEpoch: bestEpochAt(settings, 1) }));
    const fit = fitLearningSpeed(runs)!;
    expect(fit.learningSpeed).toBeGreaterThan(0.9);
    expect(fit.learningSpeed).toBeLessThan(1.1);
    expect(fit.logStandardError).toBeGreaterThan(0);
    expect(fit.interval.low).toBeLessThan(1);
    expect(fit.interval.high).toBeGreaterThan(1);
  });

  it("more runs that agree narrow the interval", () => {
    const base = [10, 15, 20, 30, 40, 60].map((images) => resolveSettings({ images, repeats: 4, epochs: 40, seed: 1 }));
    const runs = base.map((settings, i): PickedRun => ({ id: `r${i}`, name: `run ${i}`, settings, pickedEpoch: bestEpochAt(settings, 1.5) }));
    const few = fitLearningSpeed(runs.slice(0, 3))!;
    const many = fitLearningSpeed(runs)!;
    expect(many.interval.high / many.interval.low).toBeLessThan(few.interval.high / few.interval.low);
  });
});

describe("calibrateTeam", () => {
  it("moves every run's best epoch towards its pick on average, and counts last-epoch picks", () => {
    const settings = [10, 20, 40, 15].map((images) => resolveSettings({ images, repeats: 10, epochs: 40, seed: 1 }));
    const runs = settings.map((s, i): PickedRun => ({ id: `r${i}`, name: `run ${i}`, settings: s, pickedEpoch: bestEpochAt(s, 0.6) }));
    const result = calibrateTeam({ runs, imported: 5 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.learningSpeed).toBeLessThan(0.7);
    expect(result.learningSpeed).toBeGreaterThan(0.5);
    expect(result.meanEpochError.calibrated).toBeLessThan(result.meanEpochError.default);
    expect(result.perRun.map((run) => run.calibratedEpoch)).toEqual(runs.map((run) => bestEpochAt(run.settings, result.learningSpeed)));
    expect(result.pickedLastEpoch).toBe(runs.filter((run) => run.pickedEpoch === 40).length);
    expect(result).toMatchObject({ imported: 5, picked: 4, withoutDatasetSize: 0 });
  });
});

describe("explainCalibrationNeeds", () => {
  it("says what is missing, in the team's numbers", () => {
    expect(explainCalibrationNeeds({ imported: 0, usable: 0, withoutDatasetSize: 0 })).toMatch(/none has been imported yet\. Import a trainer's output folder/);
    expect(explainCalibrationNeeds({ imported: 5, usable: 1, withoutDatasetSize: 0 })).toMatch(/imported 5 real runs and picked the best epoch of 1\. Pick the best epoch of 2 more/);
    expect(explainCalibrationNeeds({ imported: 2, usable: 2, withoutDatasetSize: 0 })).toMatch(/Import 1 more real run and pick its best epoch\.$/);
    expect(explainCalibrationNeeds({ imported: 2, usable: 1, withoutDatasetSize: 0 })).toMatch(
      /Pick the best epoch of the imported run without one, then import 1 more real run and pick its best epoch\.$/,
    );
    expect(explainCalibrationNeeds({ imported: 3, usable: 1, withoutDatasetSize: 2 })).toMatch(
      /2 picked runs are left out: their files do not say how many images they trained on\. Import 2 more real runs/,
    );
  });
});

describe("tQuantile975", () => {
  it("follows Student's table and tends to the normal 1.96", () => {
    expect(tQuantile975(2)).toBe(4.303);
    expect(tQuantile975(30)).toBe(2.042);
    expect(Math.abs(tQuantile975(31) - 2.04)).toBeLessThan(0.002);
    expect(Math.abs(tQuantile975(1000) - 1.962)).toBeLessThan(0.001);
    expect(tQuantile975(0)).toBe(Infinity);
  });
});

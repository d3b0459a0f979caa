import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_CURVE_POINTS, simulate } from "./simulate";
import { SettingsError } from "./schema";
import { MODEL } from "./model";
import { VERDICTS } from "./types";
import { anyNetworkSettingsArb as anySettingsArb, intIn, seedArb, typicalSettingsArb } from "./test/arbitraries";
import { lastCheckpoint, numbersIn } from "./test/helpers";

const UNIT_METRICS = ["fidelity", "flexibility", "captionAdherence", "overfitRisk", "quality"] as const;

describe("simulate", () => {
  it("returns only finite numbers, 0–1 metrics within [0, 1] and positive losses below 0.5 (on SD's loss scale), for any valid settings", () => {
    fc.assert(
      fc.property(anySettingsArb, (settings) => {
        const result = simulate(settings);
        // Losses scale with the base model (Flux's are about 3× SD's); the bounds are stated on SD's 0.12.
        const k = MODEL.LOSS_SCALE[settings.modelFamily] / MODEL.LOSS_SCALE.sd15;
        // Collect what is wrong, then assert once: thousands of expect() calls per run would dominate the test time.
        const problems: string[] = [];
        for (const [path, value] of numbersIn(result)) if (!Number.isFinite(value)) problems.push(`${path} = ${value}`);
        result.checkpoints.forEach((checkpoint, i) => {
          for (const key of UNIT_METRICS) {
            if (!(checkpoint[key] >= 0 && checkpoint[key] <= 1)) problems.push(`epoch ${i + 1} ${key} = ${checkpoint[key]}`);
          }
          if (!(checkpoint.trainLoss > 0.005 * k && checkpoint.trainLoss < 0.5 * k)) problems.push(`epoch ${i + 1} trainLoss = ${checkpoint.trainLoss}`);
          if (!(checkpoint.validationLoss > 0.05 * k && checkpoint.validationLoss < 0.5 * k)) {
            problems.push(`epoch ${i + 1} validationLoss = ${checkpoint.validationLoss}`);
          }
          if (!VERDICTS.includes(checkpoint.verdict)) problems.push(`epoch ${i + 1} verdict = ${checkpoint.verdict}`);
        });
        for (const point of result.lossCurve) {
          if (!(point.loss > 0 && point.loss < k)) problems.push(`curve at step ${point.step} = ${point.loss}`);
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps epoch-mean training losses on the diffusion scale (0.04–0.2) once an epoch has 100+ steps at a stable LR", () => {
    fc.assert(
      fc.property(typicalSettingsArb, intIn(10, 200), intIn(10, 40), (settings, images, repeats) => {
        const stable = { ...settings, images, repeats, learningRate: Math.min(settings.learningRate, 2e-4), batchSize: 1 };
        const losses = simulate(stable, { lossCurve: false }).checkpoints.map((c) => c.trainLoss);
        expect(losses.filter((loss) => !(loss > 0.04 && loss < 0.2))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("makes one checkpoint per epoch, numbered from 1, each at epoch × stepsPerEpoch", () => {
    fc.assert(
      fc.property(anySettingsArb, (settings) => {
        const result = simulate(settings, { lossCurve: false });
        expect(result.checkpoints).toHaveLength(settings.epochs);
        const misplaced = result.checkpoints.filter((c, i) => c.epoch !== i + 1 || c.step !== (i + 1) * result.stepsPerEpoch);
        expect(misplaced).toEqual([]);
        expect(lastCheckpoint(result).step).toBe(result.totalSteps);
      }),
      { numRuns: 300 },
    );
  });

  it("recommends the epoch with the highest quality, the earliest on ties", () => {
    fc.assert(
      fc.property(anySettingsArb, (settings) => {
        const result = simulate(settings, { lossCurve: false });
        const qualities = result.checkpoints.map((c) => c.quality);
        expect(result.recommendedEpoch).toBe(qualities.indexOf(Math.max(...qualities)) + 1);
      }),
      { numRuns: 500 },
    );
  });

  it("echoes the resolved settings, defaults filled in", () => {
    const result = simulate({ images: 12, seed: 7 });
    expect(result.settings).toEqual({
      name: "12 images · 20×10 · LR 1e-4 · batch 1",
      images: 12,
      repeats: 20,
      epochs: 10,
      batchSize: 1,
      learningRate: 1e-4,
      textEncoderLearningRate: 1e-5,
      captionQuality: 0.7,
      datasetSimilarity: 0.4,
      seed: 7,
      networkDim: 32,
      networkAlpha: 16,
      optimizer: "adamw8bit",
      lrScheduler: "constant",
      warmupSteps: 0,
      modelFamily: "sdxl",
    });
  });

  it("throws SettingsError on invalid settings instead of simulating", () => {
    expect(() => simulate({ images: 0 })).toThrow(SettingsError);
    expect(() => simulate({ images: 10, batchSize: 64 })).toThrow(/batchSize/);
  });

  it("draws a random seed when none is given, and stores it so the run can be replayed", () => {
    const first = simulate({ images: 10 });
    expect(Number.isInteger(first.settings.seed)).toBe(true);
    expect(simulate(first.settings)).toEqual(first);
  });

  it("marks a default 25-image run overfit at the end with its held-out loss back up from its minimum", () => {
    // Up to 100 images: larger sets reach their optimum within the first epoch of 20 repeats (law 14).
    fc.assert(
      fc.property(intIn(25, 100), seedArb, (images, seed) => {
        const result = simulate({ images, seed }, { lossCurve: false });
        const losses = result.checkpoints.map((c) => c.validationLoss);
        const lowest = losses.indexOf(Math.min(...losses));
        expect(lowest).toBeGreaterThan(0);
        expect(lowest).toBeLessThan(losses.length - 1);
        expect(losses[0]).toBeGreaterThan(losses[lowest]);
        expect(losses[losses.length - 1]).toBeGreaterThan(losses[lowest]);
      }),
      { numRuns: 300 },
    );
  });

  it("lets the training loss fall as the model memorises, while the held-out loss ends higher than its minimum", () => {
    fc.assert(
      fc.property(intIn(10, 200), intIn(15, 40), seedArb, (images, epochs, seed) => {
        const result = simulate({ images, epochs, seed }, { lossCurve: false });
        const first = result.checkpoints[0];
        const last = lastCheckpoint(result);
        expect(last.overfitRisk).toBeGreaterThan(0.5);
        expect(last.trainLoss).toBeLessThan(first.trainLoss * 0.85);
        expect(last.validationLoss).toBeGreaterThan(Math.min(...result.checkpoints.map((c) => c.validationLoss)));
      }),
      { numRuns: 300 },
    );
  });

  it("moves fidelity up and flexibility down as training goes on (noise-free metrics)", () => {
    fc.assert(
      fc.property(anySettingsArb, (settings) => {
        const { checkpoints } = simulate(settings, { lossCurve: false });
        const wrongWay = checkpoints.filter((c, i) => {
          const previous = checkpoints[i - 1];
          return i > 0 && (c.fidelity < previous.fidelity || c.flexibility > previous.flexibility || c.overfitRisk < previous.overfitRisk);
        });
        expect(wrongWay).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("orders verdicts underfit → balanced → overfit along a run, never back", () => {
    fc.assert(
      fc.property(anySettingsArb, (settings) => {
        const ranks = simulate(settings, { lossCurve: false }).checkpoints.map((c) => VERDICTS.indexOf(c.verdict));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
});

describe("simulate's loss curve", () => {
  it("has at most 500 points, steps strictly increasing, the last at totalSteps", () => {
    fc.assert(
      fc.property(anySettingsArb, (settings) => {
        const { lossCurve, totalSteps } = simulate(settings);
        expect(lossCurve.length).toBeGreaterThan(0);
        expect(lossCurve.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
        const backwards = lossCurve.filter((point, i) => i > 0 && point.step <= lossCurve[i - 1].step);
        expect(backwards).toEqual([]);
        expect(lossCurve[0].step).toBeGreaterThan(0);
        expect(lossCurve[lossCurve.length - 1].step).toBe(totalSteps);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps every step when a run has 500 steps or fewer, and about 500 points for long runs", () => {
    const short = simulate({ images: 5, repeats: 10, epochs: 10, seed: 3 });
    expect(short.lossCurve.map((p) => p.step)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    const long = simulate({ images: 100, repeats: 30, epochs: 10, seed: 3 });
    expect(long.totalSteps).toBe(30_000);
    expect(long.lossCurve).toHaveLength(500);
    expect(simulate({ images: 1000, repeats: 100, epochs: 100, seed: 3 }).lossCurve).toHaveLength(500);
    expect(simulate({ images: 1000, repeats: 100, epochs: 7, seed: 3 }).lossCurve).toHaveLength(497);
  });

  it("averages, step-weighted over each epoch, to exactly that epoch's trainLoss", () => {
    fc.assert(
      fc.property(anySettingsArb, (settings) => {
        const { lossCurve, checkpoints, stepsPerEpoch } = simulate(settings);
        const problems: string[] = [];
        let previousStep = 0;
        let index = 0;
        for (const checkpoint of checkpoints) {
          let sum = 0;
          while (index < lossCurve.length && lossCurve[index].step <= checkpoint.step) {
            sum += lossCurve[index].loss * (lossCurve[index].step - previousStep);
            previousStep = lossCurve[index].step;
            index++;
          }
          if (previousStep !== checkpoint.step) problems.push(`epoch ${checkpoint.epoch} ends at step ${previousStep}`);
          const mean = sum / stepsPerEpoch;
          if (Math.abs(mean - checkpoint.trainLoss) > 1e-12) problems.push(`epoch ${checkpoint.epoch}: ${mean} ≠ ${checkpoint.trainLoss}`);
        }
        expect(problems).toEqual([]);
        expect(index).toBe(lossCurve.length);
      }),
      { numRuns: 400 },
    );
  });

  it("is noisier than the epoch means (it shows the per-step noise)", () => {
    const { lossCurve, checkpoints } = simulate({ images: 10, seed: 11 });
    const spread = (values: number[]) => Math.max(...values) / Math.min(...values);
    const firstEpoch = lossCurve.filter((p) => p.step <= checkpoints[0].step).map((p) => p.loss);
    expect(spread(firstEpoch)).toBeGreaterThan(1.5);
  });

  it("is left out with { lossCurve: false }, and leaving it out changes nothing else", () => {
    fc.assert(
      fc.property(anySettingsArb, (settings) => {
        const full = simulate(settings);
        const lean = simulate(settings, { lossCurve: false });
        expect(lean.lossCurve).toEqual([]);
        expect(lean).toEqual({ ...full, lossCurve: [] });
      }),
      { numRuns: 200 },
    );
  });
});

describe("simulate's batchRule option", () => {
  it("changes nothing at batch 1", () => {
    fc.assert(
      fc.property(anySettingsArb, (settings) => {
        const single = { ...settings, batchSize: 1 };
        expect(simulate(single, { batchRule: "sqrt" })).toEqual(simulate(single));
      }),
      { numRuns: 200 },
    );
  });

  it("'sqrt' makes a bigger batch at the same LR learn more per epoch than the linear rule, but less than batch 1", () => {
    fc.assert(
      fc.property(typicalSettingsArb, intIn(2, 32), (typical, batchSize) => {
        // At a stable LR: above it, batch 1 is the unstable one and its fidelity ceiling drops.
        const settings = { ...typical, learningRate: Math.min(typical.learningRate, 2e-4) };
        const single = simulate({ ...settings, batchSize: 1 }, { lossCurve: false });
        const linear = simulate({ ...settings, batchSize }, { lossCurve: false });
        const sqrt = simulate({ ...settings, batchSize }, { lossCurve: false, batchRule: "sqrt" });
        // Strictly after the first epoch; later, long runs can all reach full fidelity.
        expect(sqrt.checkpoints[0].fidelity).toBeGreaterThan(linear.checkpoints[0].fidelity);
        expect(sqrt.checkpoints[0].fidelity).toBeLessThan(single.checkpoints[0].fidelity);
        const outOfOrder = sqrt.checkpoints.filter((c, i) => c.fidelity < linear.checkpoints[i].fidelity || c.fidelity > single.checkpoints[i].fidelity);
        expect(outOfOrder).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("'sqrt' overshoots when LR is scaled linearly: batch 4 at 4 × LR peaks earlier than batch 1", () => {
    const single = simulate({ images: 20, seed: 5 }, { batchRule: "sqrt", lossCurve: false });
    const scaled = simulate({ images: 20, seed: 5, batchSize: 4, learningRate: 4e-4 }, { batchRule: "sqrt", lossCurve: false });
    expect(scaled.recommendedEpoch).toBeLessThan(single.recommendedEpoch);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countSteps, MODEL_FAMILIES as SIM_MODEL_FAMILIES } from "@/lib/sim";
import {
  BATCH_THROUGHPUT_EXPONENT,
  compareEstimates,
  estimateRun,
  formatCost,
  formatCostDelta,
  formatDuration,
  formatDurationDelta,
  formatStepTime,
  secondsPerStepAt,
  whatIfs,
  type TrainingShape,
} from "./estimate";
import {
  CHECKPOINT_SAVE_SECONDS,
  DEFAULT_SAMPLES_PER_EPOCH,
  findStepTime,
  getStepTime,
  GPUS,
  gpusForFamily,
  gpuWithArticle,
  INFERENCE_STEP_SHARE,
  MODEL_FAMILIES,
  SAMPLE_DENOISING_STEPS,
  STEP_TIMES,
  stepTimeFamilyOf,
} from "./step-times";

const ARTICLE: TrainingShape = { images: 10, repeats: 20, epochs: 10, batchSize: 1 };
const shapeArb = fc.record({
  images: fc.integer({ min: 1, max: 1000 }),
  repeats: fc.integer({ min: 1, max: 100 }),
  epochs: fc.integer({ min: 1, max: 100 }),
  batchSize: fc.integer({ min: 1, max: 32 }),
});
const stepTimeIdArb = fc.constantFrom(...STEP_TIMES.map((row) => row.id));

describe("the step-time table", () => {
  it("holds RESEARCH.md §7 row by row, it/s converted to s/step and ranges at their midpoint", () => {
    const bySpeed = Object.fromEntries(STEP_TIMES.map((row) => [row.id, [row.secondsPerStep, row.batch, row.source]]));
    expect(bySpeed).toEqual({
      "sdxl-rtx-3090": [1.23, 1, "kohya_ss #1288"],
      "sdxl-rtx-3090-ti": [1.12, 1, "sd-scripts #827"],
      "sdxl-rtx-3060-12gb": [2.6, 1, "kohya_ss #1288"],
      "sdxl-t4": [10.8, 1, "diffusers PR #4470"],
      "flux-dev-h100": [0.5, 1, "SimpleTuner PR #1033"],
      "flux-dev-a40-batch-1": [6.5, 1, "ai-toolkit #145"],
      "flux-dev-a40-batch-4": [22, 4, "ai-toolkit #145"],
      "flux-dev-rtx-4060-ti-16gb": [3, 1, "sd-scripts #1445"],
      "sd15-rtx-3070-ti": [1 / 3, 1, "sd-scripts #326"],
    });
    expect(getStepTime("sdxl-rtx-3060-12gb")).toMatchObject({ low: 2.4, high: 2.8 });
  });

  it("names a known family and GPU on every row, and every GPU has a row and a price", () => {
    const families = new Set<string>(MODEL_FAMILIES.map((family) => family.id));
    const gpus = new Set<string>(GPUS.map((gpu) => gpu.id));
    for (const row of STEP_TIMES) {
      expect(families.has(row.modelFamily)).toBe(true);
      expect(gpus.has(row.gpu)).toBe(true);
    }
    for (const gpu of GPUS) {
      expect(STEP_TIMES.some((row) => row.gpu === gpu.id)).toBe(true);
      expect(gpu.defaultPricePerHour).toBeGreaterThan(0);
    }
    expect(new Set(STEP_TIMES.map((row) => row.id)).size).toBe(STEP_TIMES.length);
  });

  it("offers for each family only the GPUs it was measured on", () => {
    expect(gpusForFamily("sdxl").map((gpu) => gpu.id)).toEqual(["rtx-3060-12gb", "rtx-3090", "rtx-3090-ti", "t4"]);
    expect(gpusForFamily("sd15").map((gpu) => gpu.id)).toEqual(["rtx-3070-ti"]);
    expect(findStepTime("sd15", "h100")).toBeNull();
    expect(gpuWithArticle("rtx-3090")).toBe("an RTX 3090");
    expect(gpuWithArticle("t4")).toBe("a T4 (Colab)");
  });

  it("estimates from the measurement with the closest batch", () => {
    expect(findStepTime("flux-dev", "a40", 1)?.id).toBe("flux-dev-a40-batch-1");
    expect(findStepTime("flux-dev", "a40", 2)?.id).toBe("flux-dev-a40-batch-1");
    expect(findStepTime("flux-dev", "a40", 3)?.id).toBe("flux-dev-a40-batch-4");
    expect(findStepTime("flux-dev", "a40", 16)?.id).toBe("flux-dev-a40-batch-4");
    expect(findStepTime("sdxl", "rtx-3090", 8)?.id).toBe("sdxl-rtx-3090");
  });
});

describe("secondsPerStepAt", () => {
  it("makes batch 2 process 1.25× the images per second of batch 1, not 2×", () => {
    const row = getStepTime("sdxl-rtx-3090");
    expect(secondsPerStepAt(row, 1)).toBe(1.23);
    expect(secondsPerStepAt(row, 2)).toBeCloseTo((1.23 * 2) / 1.25, 12);
    const imagesPerSecond = (batch: number) => batch / secondsPerStepAt(row, batch);
    expect(imagesPerSecond(2) / imagesPerSecond(1)).toBeCloseTo(1.25, 12);
    expect(imagesPerSecond(4) / imagesPerSecond(2)).toBeCloseTo(1.25, 12);
    expect(BATCH_THROUGHPUT_EXPONENT).toBeCloseTo(0.3219, 4);
  });

  it("scales from the batch a row was measured at", () => {
    const row = getStepTime("flux-dev-a40-batch-4");
    expect(secondsPerStepAt(row, 4)).toBe(22);
    expect(secondsPerStepAt(row, 8)).toBeCloseTo(22 * 1.6, 12);
  });
});

describe("estimateRun", () => {
  it("is SDXL on an RTX 3090: 2,000 steps × 1.23 s plus saving and sampling each epoch", () => {
    const estimate = estimateRun({ settings: ARTICLE, stepTimeId: "sdxl-rtx-3090", pricePerHour: 0.45 });
    const sampleSeconds = DEFAULT_SAMPLES_PER_EPOCH * SAMPLE_DENOISING_STEPS * 1.23 * INFERENCE_STEP_SHARE;
    expect(estimate.totalSteps).toBe(2000);
    expect(estimate.stepsPerEpoch).toBe(200);
    expect(estimate.secondsPerStep).toBe(1.23);
    expect(estimate.trainingSeconds).toBeCloseTo(2460, 9);
    expect(formatDuration(estimate.trainingSeconds)).toBe("41 min");
    expect(estimate.overheadPerEpochSeconds).toBeCloseTo(CHECKPOINT_SAVE_SECONDS + sampleSeconds, 9);
    expect(estimate.overheadSeconds).toBeCloseTo(10 * (CHECKPOINT_SAVE_SECONDS + sampleSeconds), 9);
    expect(estimate.totalSeconds).toBeCloseTo(2460 + 10 * (CHECKPOINT_SAVE_SECONDS + sampleSeconds), 9);
    expect(estimate.range).toBeNull();
  });

  it("uses the converted it/s of SD 1.5 on an RTX 3070 Ti: 3 steps per second", () => {
    const estimate = estimateRun({ settings: ARTICLE, stepTimeId: "sd15-rtx-3070-ti", pricePerHour: 0.2, samplesPerEpoch: 0 });
    expect(estimate.trainingSeconds).toBeCloseTo(2000 / 3, 9);
    expect(estimate.overheadSeconds).toBe(10 * CHECKPOINT_SAVE_SECONDS);
  });

  it("keeps the low and high ends of a range", () => {
    const estimate = estimateRun({ settings: ARTICLE, stepTimeId: "sdxl-rtx-3060-12gb", pricePerHour: 0.15, samplesPerEpoch: 0 });
    expect(estimate.trainingSeconds).toBeCloseTo(2000 * 2.6, 9);
    expect(estimate.range?.lowSeconds).toBeCloseTo(2000 * 2.4 + 10 * CHECKPOINT_SAVE_SECONDS, 9);
    expect(estimate.range?.highSeconds).toBeCloseTo(2000 * 2.8 + 10 * CHECKPOINT_SAVE_SECONDS, 9);
  });

  it("halves the steps at batch 2 but makes each step 2/1.25× as long: training time × 0.8", () => {
    const one = estimateRun({ settings: ARTICLE, stepTimeId: "sdxl-rtx-3090", pricePerHour: 0.45 });
    const two = estimateRun({ settings: { ...ARTICLE, batchSize: 2 }, stepTimeId: "sdxl-rtx-3090", pricePerHour: 0.45 });
    expect(two.totalSteps).toBe(1000);
    expect(two.secondsPerStep / one.secondsPerStep).toBeCloseTo(2 / 1.25, 12);
    expect(two.trainingSeconds / one.trainingSeconds).toBeCloseTo(0.8, 12);
    expect(two.overheadSeconds).toBeCloseTo(one.overheadSeconds, 12);
  });

  it("costs hours × price per hour", () => {
    fc.assert(
      fc.property(shapeArb, stepTimeIdArb, fc.double({ min: 0, max: 50, noNaN: true }), (settings, stepTimeId, pricePerHour) => {
        const estimate = estimateRun({ settings, stepTimeId, pricePerHour });
        expect(estimate.cost).toBeCloseTo((estimate.totalSeconds / 3600) * pricePerHour, 9);
        expect(estimate.totalSeconds).toBeCloseTo(estimate.trainingSeconds + estimate.overheadSeconds, 6);
        expect(estimate.totalSteps).toBe(countSteps(settings).totalSteps);
      }),
      { numRuns: 300 },
    );
  });

  it("never takes less time with more epochs or more repeats", () => {
    fc.assert(
      fc.property(shapeArb, stepTimeIdArb, fc.integer({ min: 1, max: 10 }), (settings, stepTimeId, extra) => {
        const base = estimateRun({ settings, stepTimeId, pricePerHour: 1 }).totalSeconds;
        if (settings.epochs + extra <= 100) {
          expect(estimateRun({ settings: { ...settings, epochs: settings.epochs + extra }, stepTimeId, pricePerHour: 1 }).totalSeconds).toBeGreaterThan(base);
        }
        if (settings.repeats + extra <= 100) {
          expect(estimateRun({ settings: { ...settings, repeats: settings.repeats + extra }, stepTimeId, pricePerHour: 1 }).totalSeconds).toBeGreaterThanOrEqual(base);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("lists every epoch, ending at the run's total time and cost", () => {
    const estimate = estimateRun({ settings: ARTICLE, stepTimeId: "flux-dev-h100", pricePerHour: 2.5 });
    expect(estimate.perEpoch.map((epoch) => epoch.step)).toEqual([200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
    const last = estimate.perEpoch[estimate.perEpoch.length - 1];
    expect(last.cumulativeSeconds).toBeCloseTo(estimate.totalSeconds, 9);
    expect(last.cumulativeCost).toBeCloseTo(estimate.cost, 9);
    expect(estimate.perEpoch[4].cumulativeSeconds).toBeCloseTo(estimate.totalSeconds / 2, 9);
  });

  it("refuses settings outside the limits, a negative price and an unknown GPU row", () => {
    expect(() => estimateRun({ settings: { ...ARTICLE, batchSize: 0 }, stepTimeId: "sdxl-rtx-3090", pricePerHour: 1 })).toThrow(/batchSize/);
    expect(() => estimateRun({ settings: { ...ARTICLE, epochs: 2.5 }, stepTimeId: "sdxl-rtx-3090", pricePerHour: 1 })).toThrow(/epochs/);
    expect(() => estimateRun({ settings: ARTICLE, stepTimeId: "sdxl-rtx-3090", pricePerHour: -1 })).toThrow(/pricePerHour/);
    expect(() => estimateRun({ settings: ARTICLE, stepTimeId: "nope", pricePerHour: 1 })).toThrow(/Unknown step time/);
  });
});

describe("compareEstimates", () => {
  it("says batch 2 is 20% faster in training and what it saves", () => {
    const options = { stepTimeId: "sdxl-rtx-3090", pricePerHour: 0.45, samplesPerEpoch: 0 };
    const base = estimateRun({ settings: ARTICLE, ...options });
    const variant = estimateRun({ settings: { ...ARTICLE, batchSize: 2 }, ...options });
    const comparison = compareEstimates(base, variant);
    expect(comparison.stepsDelta).toBe(-1000);
    expect(comparison.direction).toBe("faster");
    expect(comparison.secondsDelta).toBeCloseTo(-(2460 * 0.2), 9);
    expect(comparison.costDelta).toBeCloseTo(variant.cost - base.cost, 12);
    expect(comparison.costDelta).toBeLessThan(0);
    expect(compareEstimates(base, base)).toMatchObject({ direction: "same", secondsDelta: 0, timeRatio: 1 });
  });
});

describe("whatIfs", () => {
  it("offers batch 2, ±2 epochs and 5 fewer repeats for the article's run", () => {
    expect(whatIfs(ARTICLE).map((w) => [w.id, w.settings])).toEqual([
      ["batch", { ...ARTICLE, batchSize: 2 }],
      ["more-epochs", { ...ARTICLE, epochs: 12 }],
      ["fewer-epochs", { ...ARTICLE, epochs: 8 }],
      ["fewer-repeats", { ...ARTICLE, repeats: 15 }],
    ]);
  });

  it("stays within the settings limits", () => {
    const edge = { images: 1, repeats: 3, epochs: 100, batchSize: 32 };
    expect(whatIfs(edge).map((w) => [w.id, w.settings])).toEqual([
      ["batch", { ...edge, batchSize: 16 }],
      ["fewer-epochs", { ...edge, epochs: 98 }],
    ]);
    fc.assert(
      fc.property(shapeArb, (settings) => {
        for (const variant of whatIfs(settings)) expect(() => estimateRun({ settings: variant.settings, stepTimeId: "sdxl-rtx-3090", pricePerHour: 1 })).not.toThrow();
      }),
    );
  });
});

describe("formatDuration", () => {
  it("reads as people say durations", () => {
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(2460)).toBe("41 min");
    expect(formatDuration(3 * 3600 + 12 * 60)).toBe("3 h 12 min");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(59.6 * 60)).toBe("1 h");
    expect(formatDuration(50 * 3600)).toBe("2 d 2 h");
    expect(formatDuration(-1)).toBe("—");
  });

  it("signs deltas with a typographic minus", () => {
    expect(formatDurationDelta(-480)).toBe("−8 min");
    expect(formatDurationDelta(480)).toBe("+8 min");
    expect(formatDurationDelta(0.2)).toBe("±0 s");
  });
});

describe("formatCost and formatStepTime", () => {
  it("formats dollars, cents and tiny amounts", () => {
    expect(formatCost(0.5)).toBe("$0.50");
    expect(formatCost(1234.4)).toBe("$1,234");
    expect(formatCost(0.001)).toBe("< $0.01");
    expect(formatCost(0)).toBe("$0.00");
    expect(formatCostDelta(-0.1)).toBe("−$0.10");
    expect(formatCostDelta(0.001)).toBe("±$0.00");
  });

  it("reads a step time the way trainers print it", () => {
    expect(formatStepTime(1.23)).toBe("1.2 s/step");
    expect(formatStepTime(10.8)).toBe("11 s/step");
    expect(formatStepTime(1 / 3)).toBe("3 steps/s");
    expect(formatStepTime(0.5)).toBe("2 steps/s");
  });
});

describe("stepTimeFamilyOf", () => {
  it("maps every base model a run can have to a family with published step times", () => {
    for (const family of SIM_MODEL_FAMILIES) {
      const id = stepTimeFamilyOf(family);
      expect(MODEL_FAMILIES.map((entry) => entry.id)).toContain(id);
      expect(gpusForFamily(id).length).toBeGreaterThan(0);
    }
    expect(stepTimeFamilyOf("flux")).toBe("flux-dev");
  });
});

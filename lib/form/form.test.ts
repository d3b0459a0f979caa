import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { completeSettings, simulate, SETTINGS_DEFAULTS } from "@/lib/sim";
import { fieldErrorsFrom, settingsInputSchema } from "@/lib/sim/schema";
import { formFieldErrors, formValuesFrom, initialFormValues, settingsInputFrom } from "./values";
import { describeSteps } from "./steps";
import { warnSettings } from "./warnings";

const defaults = { ...SETTINGS_DEFAULTS, images: 10 };
const ids = (settings: Parameters<typeof warnSettings>[0]) => warnSettings(settings).map((w) => w.id);

describe("describeSteps", () => {
  it("spells out the article's example", () => {
    expect(describeSteps({ images: 10, repeats: 20, epochs: 10, batchSize: 1 })).toBe("10 images × 20 repeats ÷ batch 1 = 200 steps/epoch × 10 epochs = 2,000 steps");
  });

  it("says when a batch that does not divide the images rounds the steps up", () => {
    expect(describeSteps({ images: 10, repeats: 20, epochs: 10, batchSize: 3 })).toBe("10 images × 20 repeats ÷ batch 3 = 66.7, rounded up to 67 steps/epoch × 10 epochs = 670 steps");
  });

  it("uses the singular for ones", () => {
    expect(describeSteps({ images: 1, repeats: 1, epochs: 1, batchSize: 1 })).toBe("1 image × 1 repeat ÷ batch 1 = 1 step/epoch × 1 epoch = 1 step");
  });
});

describe("warnSettings", () => {
  it("has nothing to say about the article's defaults for 10 images", () => {
    expect(warnSettings(defaults)).toEqual([]);
  });

  it("warns that batch 2 at the same LR underfits, and offers the proportional LR", () => {
    const [warning] = warnSettings({ ...defaults, batchSize: 2 });
    expect(warning.id).toBe("batch-without-lr");
    expect(warning.message).toMatch(/^Batch 2 at LR 1e-4 will underfit/);
    expect(warning.fix?.values).toEqual({ learningRate: 2e-4 });
    expect(ids({ ...defaults, batchSize: 2, learningRate: 2e-4 })).toEqual([]);
  });

  it("warns about a high LR with few images, not with the article's 5e-5", () => {
    expect(ids({ ...defaults, images: 6, repeats: 30, epochs: 20 })).toEqual(["few-images-high-lr"]);
    expect(ids({ ...defaults, images: 6, repeats: 30, epochs: 20, learningRate: 5e-5 })).toEqual([]);
  });

  it("warns that an LR of 1e-3 or more is unstable", () => {
    expect(ids({ ...defaults, learningRate: 1e-3 })).toEqual(["unstable-lr"]);
  });

  it("warns about noisy captions with a raised text-encoder LR only", () => {
    expect(ids({ ...defaults, captionQuality: 0.25, textEncoderLearningRate: 5e-5 })).toEqual(["noisy-captions-te-lr"]);
    expect(ids({ ...defaults, captionQuality: 0.25 })).toEqual([]);
    expect(ids({ ...defaults, captionQuality: 0.9, textEncoderLearningRate: 5e-5 })).toEqual([]);
  });

  it("warns about very long runs relative to the article's advice for the dataset size", () => {
    expect(ids({ ...defaults, epochs: 25 })).toEqual(["long-run"]);
    expect(ids({ ...defaults, images: 40 })).toEqual(["long-run"]);
    expect(ids({ ...defaults, images: 40, repeats: 12, epochs: 7, learningRate: 2e-4 })).toEqual([]);
    const [warning] = warnSettings({ ...defaults, epochs: 25 });
    expect(warning.fix?.values).toEqual({ repeats: 20, epochs: 10 });
  });
});

describe("settingsInputFrom", () => {
  it("parses numbers in either notation and leaves blank fields to the defaults", () => {
    expect(settingsInputFrom({ images: "10", learningRate: "2e-4", textEncoderLearningRate: "0.00001", name: " ", repeats: "" })).toEqual({
      images: 10,
      learningRate: 2e-4,
      textEncoderLearningRate: 1e-5,
    });
  });

  it("keeps text that is not a number so the schema names the field", () => {
    const input = settingsInputFrom({ images: "ten" });
    const parsed = settingsInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error && formFieldErrors(input, parsed.error, fieldErrorsFrom(parsed.error))).toEqual({
      images: "images must be a whole number from 1 to 1000",
    });
    expect(parsed.error && formFieldErrors({}, parsed.error, { images: "images is required" })).toEqual({ images: "images is required" });
  });

  it("turns the initial values plus an image count into the article's defaults", () => {
    const input = settingsInputFrom({ ...initialFormValues(42), images: "10" });
    expect(input).toEqual({ images: 10, ...SETTINGS_DEFAULTS, seed: 42 });
  });
});

describe("formValuesFrom", () => {
  it("reads only the setting fields, as strings", () => {
    const form = new FormData();
    form.set("images", "12");
    form.set("$ACTION_ID", "x");
    form.set("seed", "7");
    expect(formValuesFrom(form)).toEqual({ images: "12", seed: "7" });
  });
});

describe("warnSettings with the simulated outcome", () => {
  const settingsArbitrary = fc.record({
    images: fc.integer({ min: 1, max: 60 }),
    repeats: fc.integer({ min: 1, max: 40 }),
    epochs: fc.integer({ min: 1, max: 30 }),
    batchSize: fc.integer({ min: 1, max: 8 }),
    learningRate: fc.constantFrom(2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3),
    textEncoderLearningRate: fc.constantFrom(0, 1e-5, 5e-5),
    captionQuality: fc.constantFrom(0.2, 0.7, 1),
    seed: fc.integer({ min: 0, max: 1000 }),
  });

  it("never claims an overfit or underfit that the simulation of the same settings does not show", () => {
    fc.assert(
      fc.property(settingsArbitrary, (partial) => {
        const settings = completeSettings(partial);
        const verdicts = simulate(settings, { lossCurve: false }).checkpoints.map((c) => c.verdict);
        const text = warnSettings(settings, { verdicts })
          .map((w) => w.message)
          .join("\n");
        if (!verdicts.includes("overfit")) expect(text).not.toMatch(/tends to overfit|will likely overfit|overfits from/);
        if (verdicts[verdicts.length - 1] !== "underfit") expect(text).not.toMatch(/will underfit/);
      }),
      { numRuns: 150 },
    );
  });

  it("says why the article still lowers the LR for 6 images when the run is still underfit at its end", () => {
    const settings = completeSettings({ images: 6, seed: 1 });
    const verdicts = simulate(settings, { lossCurve: false }).checkpoints.map((c) => c.verdict);
    expect(verdicts[verdicts.length - 1]).toBe("underfit");
    const [warning] = warnSettings(settings, { verdicts });
    expect(warning.id).toBe("few-images-high-lr");
    expect(warning.message).toMatch(/nothing overfits yet \(the last epoch is underfit\)/);
  });

  it("names the epoch the simulation overfits from when it does", () => {
    const verdicts = ["underfit", "balanced", "balanced", "overfit", "overfit"] as const;
    const [warning] = warnSettings({ ...defaults, images: 6, repeats: 30, epochs: 5 }, { verdicts });
    expect(warning.message).toMatch(/tends to overfit \(here from epoch 4\)/);
  });
});

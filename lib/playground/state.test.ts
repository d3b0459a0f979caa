import { describe, expect, it } from "vitest";
import { resolveSettings } from "@/lib/sim";
import { describeChange, settingsProblems, parsePlaygroundParams, PLAYGROUND_DEFAULTS, PLAYGROUND_KEYS, playgroundHref, playgroundSearchParams, sameState, type PlaygroundState } from "./state";
import { stepsFormula } from "./readout";

describe("parsePlaygroundParams", () => {
  it("gives the defaults and no notice for an empty query", () => {
    expect(parsePlaygroundParams({})).toEqual({ state: { settings: PLAYGROUND_DEFAULTS, batchRule: "linear" }, notices: [] });
  });

  it("takes every valid setting and the √batch rule", () => {
    const { state, notices } = parsePlaygroundParams({
      images: "25",
      repeats: "12",
      epochs: "7",
      batchSize: "2",
      learningRate: "2e-4",
      textEncoderLearningRate: "0",
      captionQuality: "0.3",
      datasetSimilarity: "0.9",
      seed: "77",
      networkDim: "64",
      networkAlpha: "32",
      optimizer: "lion",
      lrScheduler: "cosine",
      warmupSteps: "100",
      modelFamily: "flux",
      batchRule: "sqrt",
    });
    expect(notices).toEqual([]);
    expect(state).toEqual({
      settings: {
        images: 25,
        repeats: 12,
        epochs: 7,
        batchSize: 2,
        learningRate: 2e-4,
        textEncoderLearningRate: 0,
        captionQuality: 0.3,
        datasetSimilarity: 0.9,
        seed: 77,
        networkDim: 64,
        networkAlpha: 32,
        optimizer: "lion",
        lrScheduler: "cosine",
        warmupSteps: 100,
        modelFamily: "flux",
      },
      batchRule: "sqrt",
    });
  });

  it("falls back to the default LR, with a notice naming learningRate, when the rate does not fit the optimizer", () => {
    const { state, notices } = parsePlaygroundParams({ images: "10", learningRate: "0.5" });
    expect(state.settings.learningRate).toBe(PLAYGROUND_DEFAULTS.learningRate);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^learningRate="0.5" was ignored \(learningRate 0.5 does not fit AdamW8bit/);
  });

  it("falls back to the default, with a notice naming the parameter, for each invalid value", () => {
    const { state, notices } = parsePlaygroundParams({ images: "0", learningRate: "fast", epochs: "2.5", batchRule: "cubic", repeats: "30" });
    expect(state.settings.images).toBe(PLAYGROUND_DEFAULTS.images);
    expect(state.settings.learningRate).toBe(PLAYGROUND_DEFAULTS.learningRate);
    expect(state.settings.epochs).toBe(PLAYGROUND_DEFAULTS.epochs);
    expect(state.settings.repeats).toBe(30);
    expect(state.batchRule).toBe("linear");
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/^images="0" was ignored \(images must be a whole number from 1 to 1000\); using 10\.$/);
    expect(notices.join(" ")).toContain('learningRate="fast"');
    expect(notices.join(" ")).toContain("using 1e-4");
    expect(notices.join(" ")).toContain('batchRule="cubic"');
  });

  it("names an unknown optimizer, scheduler or base model and keeps the default", () => {
    const { state, notices } = parsePlaygroundParams({ optimizer: "sgd", lrScheduler: "step", modelFamily: "sd3" });
    expect(state.settings).toMatchObject({ optimizer: "adamw8bit", lrScheduler: "constant", modelFamily: "sdxl" });
    expect(notices).toHaveLength(3);
    expect(notices[0]).toMatch(/^optimizer="sgd" was ignored \(optimizer must be one of .*\); using AdamW8bit\.$/);
  });

  it("resets a learning rate that does not fit the optimizer, and warm-up longer than the run, saying why", () => {
    const prodigy = parsePlaygroundParams({ optimizer: "prodigy", learningRate: "1e-4" });
    expect(prodigy.state.settings.learningRate).toBe(1);
    expect(prodigy.notices).toEqual([expect.stringMatching(/^learningRate="1e-4" was ignored \(learningRate 0\.0001 does not fit Prodigy.*\); using 1\.$/)]);
    const adamw = parsePlaygroundParams({ optimizer: "adamw", learningRate: "0.5" });
    expect(adamw.state.settings.learningRate).toBe(1e-4);
    const warm = parsePlaygroundParams({ images: "10", epochs: "1", warmupSteps: "500" });
    expect(warm.state.settings.warmupSteps).toBe(0);
    expect(warm.notices).toEqual([expect.stringMatching(/^warmupSteps="500" was ignored \(warmupSteps \(500\) is longer than the run.*\); using 0\.$/)]);
  });

  it("rejects an empty value and a learning rate of 0 the way the API does", () => {
    const { notices } = parsePlaygroundParams({ seed: "", learningRate: "0" });
    expect(notices).toHaveLength(2);
  });

  it("takes the first of repeated parameters", () => {
    expect(parsePlaygroundParams({ images: ["6", "40"] }).state.settings.images).toBe(6);
  });
});

describe("playgroundSearchParams", () => {
  it("round-trips through parsePlaygroundParams", () => {
    const state: PlaygroundState = {
      settings: { ...PLAYGROUND_DEFAULTS, images: 6, learningRate: 5e-5, captionQuality: 0.35, seed: 123456, networkDim: 8, optimizer: "adafactor", lrScheduler: "linear", warmupSteps: 20 },
      batchRule: "sqrt",
    };
    const params = Object.fromEntries(playgroundSearchParams(state));
    expect(parsePlaygroundParams(params)).toEqual({ state, notices: [] });
  });

  it("writes every setting, in a stable order, and the rule only when it is √batch", () => {
    const query = playgroundSearchParams({ settings: PLAYGROUND_DEFAULTS, batchRule: "linear" }).toString();
    expect(query).toBe(
      "images=10&repeats=20&epochs=10&batchSize=1&learningRate=0.0001&textEncoderLearningRate=0.00001&captionQuality=0.7&datasetSimilarity=0.4" +
        "&networkDim=32&networkAlpha=16&optimizer=adamw8bit&lrScheduler=constant&warmupSteps=0&modelFamily=sdxl&seed=1",
    );
    expect([...playgroundSearchParams({ settings: PLAYGROUND_DEFAULTS, batchRule: "linear" }).keys()]).toEqual([...PLAYGROUND_KEYS]);
  });

  it("makes settings the simulator accepts", () => {
    const { state } = parsePlaygroundParams(Object.fromEntries(playgroundSearchParams(parsePlaygroundParams({ images: "1000", repeats: "100" }).state)));
    expect(() => resolveSettings(state.settings)).not.toThrow();
  });
});

describe("playgroundHref", () => {
  it("fills in the playground defaults for settings left out", () => {
    const href = playgroundHref({ images: 6, epochs: 20 });
    const params = new URL(href, "http://x").searchParams;
    expect(href.startsWith("/playground?")).toBe(true);
    expect(params.get("images")).toBe("6");
    expect(params.get("epochs")).toBe("20");
    expect(params.get("repeats")).toBe("20");
    expect(params.get("batchRule")).toBeNull();
  });

  it("keeps the √batch rule", () => {
    expect(playgroundHref({ images: 10 }, "sqrt")).toContain("batchRule=sqrt");
  });
});

describe("describeChange", () => {
  it("names each changed setting with its old and new value", () => {
    const before: PlaygroundState = { settings: PLAYGROUND_DEFAULTS, batchRule: "linear" };
    const after: PlaygroundState = { settings: { ...PLAYGROUND_DEFAULTS, batchSize: 2, learningRate: 2e-4 }, batchRule: "sqrt" };
    expect(describeChange(before, after)).toBe("batch size 1 → 2, learning rate 1e-4 → 2e-4, linear → √batch rule");
    const tuned: PlaygroundState = { settings: { ...PLAYGROUND_DEFAULTS, optimizer: "prodigy", learningRate: 1, lrScheduler: "cosine" }, batchRule: "linear" };
    expect(describeChange(before, tuned)).toBe("learning rate 1e-4 → 1, optimizer AdamW8bit → Prodigy, LR scheduler constant → cosine");
    expect(describeChange(before, before)).toBe("");
  });
});

describe("settingsProblems", () => {
  it("is empty for valid settings and names the field of each cross-field problem", () => {
    expect(settingsProblems(PLAYGROUND_DEFAULTS)).toEqual({});
    expect(Object.keys(settingsProblems({ ...PLAYGROUND_DEFAULTS, optimizer: "prodigy" }))).toEqual(["learningRate"]);
    expect(Object.keys(settingsProblems({ ...PLAYGROUND_DEFAULTS, epochs: 1, warmupSteps: 201 }))).toEqual(["warmupSteps"]);
  });
});

describe("sameState", () => {
  it("compares every setting and the rule", () => {
    const a: PlaygroundState = { settings: PLAYGROUND_DEFAULTS, batchRule: "linear" };
    expect(sameState(a, { settings: { ...PLAYGROUND_DEFAULTS }, batchRule: "linear" })).toBe(true);
    expect(sameState(a, { settings: { ...PLAYGROUND_DEFAULTS, seed: 2 }, batchRule: "linear" })).toBe(false);
    expect(sameState(a, { settings: PLAYGROUND_DEFAULTS, batchRule: "sqrt" })).toBe(false);
  });
});

describe("stepsFormula", () => {
  it("writes the article's example", () => {
    expect(stepsFormula({ images: 10, repeats: 20, epochs: 10, batchSize: 1 })).toBe("10 images × 20 repeats × 10 epochs = 2,000 steps");
  });

  it("divides by the batch and rounds each epoch up to whole batches", () => {
    expect(stepsFormula({ images: 5, repeats: 3, epochs: 10, batchSize: 2 })).toBe("5 images × 3 repeats × 10 epochs ÷ batch 2 = 80 steps (8 per epoch)");
  });
});

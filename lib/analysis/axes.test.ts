import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SETTINGS, SETTINGS_DEFAULTS } from "@/lib/sim";
import { OPTIMIZERS } from "@/lib/sim/types";
import { playgroundHref } from "@/lib/playground";
import {
  axisValuesOf,
  choiceLabels,
  describePopulationRun,
  formatAxisValue,
  formatBrush,
  PARALLEL_AXES,
  parallelAxis,
  parseAxisInput,
  parseBrush,
  passesBrush,
  populationRunHref,
  type AxisValues,
} from "./axes";
import { parseAnalysisParams } from "./params";
import { CHOICE_OPTIONS, POPULATION_KEYS, samplePopulation } from "./population";

const row: AxisValues = {
  images: 15,
  repeats: 20,
  epochs: 10,
  batchSize: 1,
  learningRate: 1e-4,
  textEncoderLearningRate: 1e-5,
  captionQuality: 0.7,
  datasetSimilarity: 0.4,
  networkDim: 32,
  networkAlpha: 16,
  optimizer: 1,
  lrScheduler: 0,
  warmupSteps: 0,
  modelFamily: 1,
  bestQuality: 0.74,
  bestEpoch: 8,
};

describe("passesBrush", () => {
  it("keeps a row inside every range, ends included, and drops one outside any", () => {
    expect(passesBrush(row, {})).toBe(true);
    expect(passesBrush(row, { epochs: { from: 10, to: 12 }, learningRate: { from: 1e-4, to: 2e-4 } })).toBe(true);
    expect(passesBrush(row, { epochs: { from: 10, to: 12 }, bestQuality: { from: 0.75, to: 1 } })).toBe(false);
  });
});

describe("the axes", () => {
  it("has one axis per setting a population varies, the newer ones included, then the two outcomes", () => {
    expect(PARALLEL_AXES.map((axis) => axis.key)).toEqual([...POPULATION_KEYS, "bestQuality", "bestEpoch"]);
    for (const key of ["networkDim", "networkAlpha", "optimizer", "lrScheduler", "warmupSteps", "modelFamily"] as const) expect(parallelAxis(key).label).not.toBe("");
  });

  it("shows a choice setting as an ordinal axis with its options' labels", () => {
    expect(parallelAxis("optimizer").categories).toEqual(["AdamW", "AdamW8bit", "Prodigy", "Adafactor", "Lion"]);
    expect(parallelAxis("modelFamily").categories).toEqual(["SD 1.5", "SDXL", "FLUX.1"]);
    // The scheduler's long names are shortened beside the axis, one per option.
    expect(parallelAxis("lrScheduler").categoryShort).toHaveLength(parallelAxis("lrScheduler").categories!.length);
    expect(formatAxisValue("optimizer", 2)).toBe("Prodigy");
    expect(formatAxisValue("lrScheduler", 2)).toBe("cosine");
    expect(formatAxisValue("networkDim", 32)).toBe("32");
    expect(formatAxisValue("learningRate", 1)).toBe("1");
    expect(formatAxisValue("learningRate", 1e-4)).toBe("1e-4");
  });

  it("labels every choice option as the settings registry formats it", () => {
    for (const key of Object.keys(CHOICE_OPTIONS) as (keyof typeof CHOICE_OPTIONS)[]) {
      expect(choiceLabels(key)).toEqual((CHOICE_OPTIONS[key] as readonly string[]).map((value) => SETTINGS[key].format(value as never)));
      expect(parallelAxis(key).categories).toEqual(choiceLabels(key));
    }
  });

  it("reads a choice typed in a filter by label or value, and numbers as numbers", () => {
    expect(parseAxisInput("optimizer", "prodigy")).toBe(2);
    expect(parseAxisInput("optimizer", " AdamW8bit ")).toBe(1);
    expect(parseAxisInput("modelFamily", "flux.1")).toBe(2);
    expect(parseAxisInput("optimizer", "3")).toBe(3);
    expect(parseAxisInput("optimizer", "sgd")).toBeNaN();
    expect(parseAxisInput("epochs", "")).toBeNaN();
  });

  it("turns settings into axis values, each choice as its option's position", () => {
    const values = axisValuesOf({ images: 15, ...SETTINGS_DEFAULTS, optimizer: "lion", lrScheduler: "cosine", modelFamily: "flux" }, { bestQuality: 0.7, bestEpoch: 6 });
    expect(values).toMatchObject({ optimizer: OPTIMIZERS.indexOf("lion"), lrScheduler: 2, modelFamily: 2, networkDim: 32, bestQuality: 0.7, bestEpoch: 6 });
    expect(passesBrush(values, { optimizer: { from: 4, to: 4 } })).toBe(true);
    expect(passesBrush(values, { optimizer: { from: 0, to: 3 } })).toBe(false);
  });
});

describe("parseBrush / formatBrush", () => {
  it("round-trips a brush through its URL form", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e-2, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: 1, max: 50 }), (from, factor, epochs) => {
        const brush = { learningRate: { from: Number(from.toPrecision(4)), to: Number((from * factor).toPrecision(4)) }, epochs: { from: epochs, to: epochs + 3 } };
        expect(parseBrush(formatBrush(brush))).toEqual({ brush, notices: [] });
      }),
    );
  });

  it("explains each piece it leaves out", () => {
    const { brush, notices } = parseBrush("epochs:5:10,colour:1:2,repeats:x:3,bestQuality:0.9:0.1");
    expect(brush).toEqual({ epochs: { from: 5, to: 10 } });
    expect(notices).toEqual([
      '"colour:1:2" was ignored: "colour" is not an axis.',
      '"repeats:x:3" was ignored: a filter reads axis:from:to with two numbers.',
      '"bestQuality:0.9:0.1" was ignored: "from" is above "to".',
    ]);
  });
});

describe("parseAnalysisParams", () => {
  it("defaults to 15 images with everything else varying, 2,000 runs, best quality", () => {
    const { state, notices } = parseAnalysisParams({});
    expect(notices).toEqual([]);
    expect(state.centre.images).toBe(15);
    expect(state.vary).not.toContain("images");
    expect(state.vary).toContain("learningRate");
    expect(state.vary).toEqual(expect.arrayContaining(["networkDim", "networkAlpha", "optimizer", "lrScheduler", "warmupSteps"]));
    expect(state.vary).not.toContain("modelFamily");
    expect(state).toMatchObject({ size: 2000, popSeed: 1, outcome: "bestQuality", run: null, runsBrush: {}, popBrush: {} });
  });

  it("reads every part, and falls back with a notice on bad ones", () => {
    const { state } = parseAnalysisParams({ images: "40", vary: "epochs,learningRate", size: "500", popSeed: "7", outcome: "bestEpoch", run: "abc", runsBrush: "epochs:5:10" });
    expect(state).toMatchObject({ vary: ["epochs", "learningRate"], size: 500, popSeed: 7, outcome: "bestEpoch", run: "abc", runsBrush: { epochs: { from: 5, to: 10 } } });
    expect(state.centre.images).toBe(40);
    const bad = parseAnalysisParams({ images: "0", vary: "epochs,colour", size: "9", outcome: "fun" });
    expect(bad.state).toMatchObject({ vary: ["epochs"], size: 2000, outcome: "bestQuality" });
    expect(bad.state.centre.images).toBe(15);
    expect(bad.notices).toHaveLength(4);
  });

  it("reads the vary boxes of a GET form, where none ticked means nothing varies", () => {
    expect(parseAnalysisParams({ vary: ["", "epochs", "repeats"] }).state.vary).toEqual(["repeats", "epochs"]);
    expect(parseAnalysisParams({ vary: "" }).state.vary).toEqual([]);
  });
});

describe("a population run's name and link, from its axis values", () => {
  const population = samplePopulation({
    centre: { images: 15, ...SETTINGS_DEFAULTS },
    vary: POPULATION_KEYS.filter((key) => key !== "images"),
    size: 40,
    seed: 7,
  });

  it("links to the playground exactly as playgroundHref does, every setting and seed 1", () => {
    for (const run of population) expect(populationRunHref(axisValuesOf(run.settings, run))).toBe(playgroundHref({ ...run.settings, seed: 1 }));
  });

  it("names a run by the settings that vary, short", () => {
    const values = axisValuesOf({ images: 15, ...SETTINGS_DEFAULTS, learningRate: 2e-4, optimizer: "prodigy", epochs: 12 }, { bestQuality: 0.7, bestEpoch: 6 });
    expect(describePopulationRun(values, ["learningRate", "epochs"])).toBe("LR 2e-4 · Epochs 12");
    expect(describePopulationRun(values, ["optimizer"])).toBe("Optimizer Prodigy");
    expect(describePopulationRun(values, [])).toBe("Images 15");
  });
});

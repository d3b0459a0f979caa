import { describe, expect, it } from "vitest";
import { LEARNING_RATE_LIMITS, SETTINGS, SETTINGS_LIMITS } from "@/lib/sim";
import {
  IMAGE_TICKS,
  LEARNING_RATE_TICKS,
  learningRateControl,
  NETWORK_ALPHA_TICKS,
  NETWORK_DIM_TICKS,
  nearestTickIndex,
  PRODIGY_LEARNING_RATE_TICKS,
  SETTING_CONTROLS,
  sliderModel,
  TEXT_ENCODER_TICKS,
  valueAtPosition,
  WARMUP_TICKS,
} from "./controls";
import { parseSettingValue } from "./state";

const control = (key: string) => SETTING_CONTROLS.find((c) => c.key === key)!;

describe("tick lists", () => {
  it("stay inside the simulator's limits and rise strictly", () => {
    for (const [ticks, limits] of [
      [IMAGE_TICKS, SETTINGS_LIMITS.images],
      [LEARNING_RATE_TICKS, SETTINGS_LIMITS.learningRate],
      [TEXT_ENCODER_TICKS, SETTINGS_LIMITS.textEncoderLearningRate],
      [NETWORK_DIM_TICKS, SETTINGS_LIMITS.networkDim],
      [NETWORK_ALPHA_TICKS, SETTINGS_LIMITS.networkAlpha],
      [WARMUP_TICKS, SETTINGS_LIMITS.warmupSteps],
      [PRODIGY_LEARNING_RATE_TICKS, LEARNING_RATE_LIMITS.prodigy],
    ] as const) {
      ticks.forEach((tick, i) => {
        expect(tick).toBeGreaterThanOrEqual(limits.min);
        expect(tick).toBeLessThanOrEqual(limits.max);
        if (i > 0) expect(tick).toBeGreaterThan(ticks[i - 1]);
      });
    }
    expect(IMAGE_TICKS.at(-1)).toBe(1000);
    expect(LEARNING_RATE_TICKS).toContain(1e-4);
    expect(LEARNING_RATE_TICKS).toContain(2e-4);
    expect(LEARNING_RATE_TICKS).toContain(5e-5);
    expect(TEXT_ENCODER_TICKS).toContain(0);
  });

  it("accept every tick as a valid setting", () => {
    for (const c of [...SETTING_CONTROLS, learningRateControl("prodigy")]) {
      const model = sliderModel(c, c.min);
      for (let position = model.min; position <= model.max; position += model.step) {
        expect(parseSettingValue(c.key, String(valueAtPosition(c, position)))).toHaveProperty("value");
      }
    }
  });
});

describe("SETTING_CONTROLS", () => {
  it("labels and explains each slider with the settings registry", () => {
    for (const c of SETTING_CONTROLS) {
      expect(c.label).toBe(SETTINGS[c.key].label);
      expect(c.hint).toBe(SETTINGS[c.key].help);
    }
    expect(SETTING_CONTROLS.map((c) => c.key)).toEqual(expect.arrayContaining(["networkDim", "networkAlpha", "warmupSteps"]));
  });

  it("moves Prodigy's learning rate over multipliers around 1", () => {
    const prodigy = learningRateControl("prodigy");
    expect(prodigy.ticks).toContain(1);
    expect(prodigy.hint).toMatch(/multiplier/);
    expect(learningRateControl("adamw")).toBe(SETTING_CONTROLS.find((c) => c.key === "learningRate"));
  });
});

describe("nearestTickIndex", () => {
  it("finds the nearest tick on a log scale for learning rates", () => {
    expect(LEARNING_RATE_TICKS[nearestTickIndex(LEARNING_RATE_TICKS, 1e-4)]).toBe(1e-4);
    expect(LEARNING_RATE_TICKS[nearestTickIndex(LEARNING_RATE_TICKS, 1.2e-4)]).toBe(1e-4);
    expect(LEARNING_RATE_TICKS[nearestTickIndex(LEARNING_RATE_TICKS, 1.9e-4)]).toBe(2e-4);
  });

  it("handles the frozen text encoder (a 0 tick)", () => {
    expect(nearestTickIndex(TEXT_ENCODER_TICKS, 0)).toBe(0);
    expect(TEXT_ENCODER_TICKS[nearestTickIndex(TEXT_ENCODER_TICKS, 1e-5)]).toBe(1e-5);
  });
});

describe("sliderModel and valueAtPosition", () => {
  it("move linear settings one by one", () => {
    expect(sliderModel(control("epochs"), 12)).toEqual({ min: 1, max: 100, step: 1, position: 12 });
    expect(valueAtPosition(control("epochs"), 13)).toBe(13);
  });

  it("round fractions to clean values", () => {
    expect(valueAtPosition(control("captionQuality"), 0.35000000000000003)).toBe(0.35);
  });

  it("move listed settings over their ticks", () => {
    const lr = control("learningRate");
    const model = sliderModel(lr, 1e-4);
    expect(model.max).toBe(LEARNING_RATE_TICKS.length - 1);
    expect(valueAtPosition(lr, model.position + 1)).toBe(1.5e-4);
    expect(valueAtPosition(lr, 999)).toBe(1e-2);
  });
});

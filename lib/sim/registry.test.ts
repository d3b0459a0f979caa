import { describe, expect, it } from "vitest";
import { CHOICE_SETTING_KEYS, formatLearningRate, formatSetting, METRICS, METRIC_ORDER, NUMBER_SETTING_KEYS, SETTING_ORDER, SETTINGS } from "./registry";
import { SETTING_KEYS, SETTINGS_LIMITS, settingsInputSchema } from "./schema";
import { LR_SCHEDULERS, MODEL_FAMILIES, OPTIMIZERS } from "./types";

describe("SETTINGS", () => {
  it("has one entry per setting of the schema, keyed by its own key", () => {
    expect([...SETTING_ORDER].sort()).toEqual([...SETTING_KEYS].sort());
    for (const key of SETTING_ORDER) expect(SETTINGS[key].key).toBe(key);
    expect([...NUMBER_SETTING_KEYS, ...CHOICE_SETTING_KEYS, "name"].sort()).toEqual([...SETTING_KEYS].sort());
  });

  it("spells every label once: no two settings share one", () => {
    const labels = SETTING_ORDER.map((key) => SETTINGS[key].label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(SETTINGS.textEncoderLearningRate.label).toBe("Text-encoder LR");
  });

  it("takes its limits from the schema, and the schema accepts both ends of every numeric setting", () => {
    for (const key of NUMBER_SETTING_KEYS) {
      const spec = SETTINGS[key];
      if (key !== "learningRate") expect({ min: spec.min, max: spec.max }).toEqual({ min: SETTINGS_LIMITS[key].min, max: SETTINGS_LIMITS[key].max });
      const field = settingsInputSchema.shape[key];
      expect(field.safeParse(spec.max).success, `${key} max`).toBe(true);
      expect(field.safeParse(spec.min).success, `${key} min`).toBe(!spec.minExclusive);
      expect(field.safeParse(spec.max + (spec.kind === "integer" ? 1 : 1e-9 + spec.max * 1e-6)).success, `${key} above max`).toBe(false);
    }
  });

  it("lists the schema's options for each choice, each with a label", () => {
    expect(SETTINGS.optimizer.options.map((o) => o.value)).toEqual([...OPTIMIZERS]);
    expect(SETTINGS.lrScheduler.options.map((o) => o.value)).toEqual([...LR_SCHEDULERS]);
    expect(SETTINGS.modelFamily.options.map((o) => o.value)).toEqual([...MODEL_FAMILIES]);
    for (const key of CHOICE_SETTING_KEYS) for (const option of SETTINGS[key].options) expect(option.label.length).toBeGreaterThan(0);
  });
});

describe("formatSetting", () => {
  it("writes values as trainers read them", () => {
    expect(formatSetting("learningRate", 1e-4)).toBe("1e-4");
    expect(formatSetting("learningRate", 1)).toBe("1");
    expect(formatSetting("textEncoderLearningRate", 0)).toBe("0 (frozen)");
    expect(formatSetting("images", 1000)).toBe("1,000");
    expect(formatSetting("seed", 1234567)).toBe("1234567");
    expect(formatSetting("captionQuality", 0.7)).toBe("0.7");
    expect(formatSetting("networkAlpha", 0.5)).toBe("0.5");
    expect(formatSetting("optimizer", "adamw8bit")).toBe("AdamW8bit");
    expect(formatSetting("modelFamily", "flux")).toBe("FLUX.1");
  });

  it("keeps Prodigy's multipliers plain and rates in exponent notation", () => {
    expect(formatLearningRate(0.5)).toBe("0.5");
    expect(formatLearningRate(2.5e-4)).toBe("2.5e-4");
  });
});

describe("METRICS", () => {
  it("gives every metric a label, a direction and its own colour", () => {
    expect([...METRIC_ORDER].sort()).toEqual(Object.keys(METRICS).sort());
    const colors = METRIC_ORDER.map((key) => METRICS[key].color);
    expect(new Set(colors).size).toBe(colors.length);
    expect(METRICS.quality.better).toBe("higher");
    expect(METRICS.overfitRisk.better).toBe("lower");
    expect(METRICS.validationLoss.format(0.123456)).toBe("0.1235");
    expect(METRICS.fidelity.format(0.7312)).toBe("0.73");
  });
});

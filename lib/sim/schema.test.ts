import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkSettings,
  settingProblem,
  completeSettings,
  countSteps,
  defaultRunName,
  fieldErrorsFrom,
  cleanText,
  formatRate,
  randomSeed,
  resolveSettings,
  SETTING_KEYS,
  SETTINGS_DEFAULTS,
  SETTINGS_LIMITS,
  SettingsError,
  settingsInputSchema,
  learningRateProblem,
  PRODIGY_DEFAULT_LEARNING_RATE,
  type Settings,
} from "./schema";
import { LR_SCHEDULERS, MODEL_FAMILIES, OPTIMIZERS, type Optimizer } from "./types";
import { anyNetworkSettingsArb } from "./test/arbitraries";

const fixedSeed = { seed: () => 42 };

/** The field errors resolveSettings throws for an input, or null if it accepts it. */
function errorsOf(input: unknown): Record<string, string> | null {
  try {
    resolveSettings(input, fixedSeed);
    return null;
  } catch (error) {
    if (error instanceof SettingsError) return error.fields;
    throw error;
  }
}

const INTEGER_FIELDS = ["images", "repeats", "epochs", "batchSize", "seed", "networkDim"] as const;

describe("resolveSettings", () => {
  it("fills in the article's defaults for every omitted setting", () => {
    expect(resolveSettings({ images: 10 }, fixedSeed)).toEqual({
      name: "10 images · 20×10 · LR 1e-4 · batch 1",
      images: 10,
      repeats: 20,
      epochs: 10,
      batchSize: 1,
      learningRate: 1e-4,
      textEncoderLearningRate: 1e-5,
      captionQuality: 0.7,
      datasetSimilarity: 0.4,
      seed: 42,
      networkDim: 32,
      networkAlpha: 16,
      optimizer: "adamw8bit",
      lrScheduler: "constant",
      warmupSteps: 0,
      modelFamily: "sdxl",
    });
  });

  it("gives Prodigy its usual multiplier, 1, when no learning rate is given", () => {
    expect(resolveSettings({ images: 10, optimizer: "prodigy" }, fixedSeed).learningRate).toBe(PRODIGY_DEFAULT_LEARNING_RATE);
    expect(PRODIGY_DEFAULT_LEARNING_RATE).toBe(1);
  });

  it("keeps every given value and fills only the missing ones, for any subset of fields", () => {
    fc.assert(
      fc.property(anyNetworkSettingsArb, fc.subarray([...SETTING_KEYS]), (settings, dropped) => {
        const input: Record<string, unknown> = { ...settings };
        for (const key of dropped) if (key !== "images") delete input[key];
        // Dropping the optimizer or a step count can make the rest invalid together; those cases belong to the cross-field tests.
        const optimizer = (input.optimizer as Optimizer | undefined) ?? SETTINGS_DEFAULTS.optimizer;
        fc.pre(input.learningRate === undefined || learningRateProblem(input.learningRate as number, optimizer) === null);
        const steps = countSteps({ ...SETTINGS_DEFAULTS, ...input } as Settings).totalSteps;
        fc.pre(input.warmupSteps === undefined || (input.warmupSteps as number) <= steps);
        const resolved = resolveSettings(input, fixedSeed);
        for (const key of SETTING_KEYS) {
          if (key in input) expect(resolved[key]).toBe(input[key]);
          else if (key === "seed") expect(resolved.seed).toBe(42);
          else if (key === "name") expect(resolved.name).toBe(defaultRunName(resolved));
          else if (key === "learningRate" && optimizer === "prodigy") expect(resolved.learningRate).toBe(PRODIGY_DEFAULT_LEARNING_RATE);
          else expect(resolved[key]).toBe(SETTINGS_DEFAULTS[key as keyof typeof SETTINGS_DEFAULTS]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("accepts the edges of every range", () => {
    for (const field of INTEGER_FIELDS) {
      const { min, max } = SETTINGS_LIMITS[field];
      expect(errorsOf({ images: 10, [field]: min })).toBeNull();
      expect(errorsOf({ images: 10, [field]: max })).toBeNull();
    }
    expect(errorsOf({ images: 1, learningRate: Number.MIN_VALUE })).toBeNull();
    expect(errorsOf({ images: 1, learningRate: 0.01 })).toBeNull();
    expect(errorsOf({ images: 1, textEncoderLearningRate: 0 })).toBeNull();
    expect(errorsOf({ images: 1, textEncoderLearningRate: 0.001 })).toBeNull();
    for (const field of ["captionQuality", "datasetSimilarity"] as const) {
      expect(errorsOf({ images: 1, [field]: 0 })).toBeNull();
      expect(errorsOf({ images: 1, [field]: 1 })).toBeNull();
    }
    expect(errorsOf({ images: 1, networkAlpha: Number.MIN_VALUE })).toBeNull();
    expect(errorsOf({ images: 1, networkAlpha: 256 })).toBeNull();
    expect(errorsOf({ images: 1, optimizer: "prodigy", learningRate: 0.1 })).toBeNull();
    expect(errorsOf({ images: 1, optimizer: "prodigy", learningRate: 10 })).toBeNull();
    expect(errorsOf({ images: 1, warmupSteps: 0 })).toBeNull();
    expect(errorsOf({ images: 10, warmupSteps: 2000 })).toBeNull();
    for (const optimizer of OPTIMIZERS) expect(errorsOf({ images: 1, optimizer })).toBeNull();
    for (const lrScheduler of LR_SCHEDULERS) expect(errorsOf({ images: 1, lrScheduler })).toBeNull();
    for (const modelFamily of MODEL_FAMILIES) expect(errorsOf({ images: 1, modelFamily })).toBeNull();
    expect(errorsOf({ images: 1, name: "x" })).toBeNull();
    expect(errorsOf({ images: 1, name: "x".repeat(100) })).toBeNull();
  });

  it("rejects values just outside every range, naming the field", () => {
    for (const field of INTEGER_FIELDS) {
      const { min, max } = SETTINGS_LIMITS[field];
      expect(Object.keys(errorsOf({ images: 10, [field]: min - 1 }) ?? {})).toEqual([field]);
      expect(Object.keys(errorsOf({ images: 10, [field]: max + 1 }) ?? {})).toEqual([field]);
      expect(Object.keys(errorsOf({ images: 10, [field]: min + 0.5 }) ?? {})).toEqual([field]);
    }
    const outside: Array<[string, number]> = [
      ["learningRate", 0],
      ["learningRate", -1e-4],
      ["learningRate", 0.0100001],
      ["textEncoderLearningRate", -1e-9],
      ["textEncoderLearningRate", 0.0010001],
      ["captionQuality", -0.01],
      ["captionQuality", 1.01],
      ["datasetSimilarity", -0.01],
      ["datasetSimilarity", 1.01],
      ["networkAlpha", 0],
      ["networkAlpha", -1],
      ["networkAlpha", 256.001],
      ["warmupSteps", -1],
      ["warmupSteps", 1.5],
    ];
    for (const [field, value] of outside) {
      const errors = errorsOf({ images: 10, [field]: value });
      expect(Object.keys(errors ?? {}), `${field} = ${value}`).toEqual([field]);
      expect(errors?.[field]).toContain(field);
    }
  });

  it("rejects wrong types, NaN and infinities with a message that names the field", () => {
    const wrong = ["10", null, true, [10], { value: 10 }, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const field of SETTING_KEYS) {
      for (const value of field === "name" ? [5, null, true, ["a"]] : wrong) {
        const input = field === "images" ? { images: value } : { images: 10, [field]: value };
        const errors = errorsOf(input);
        expect(Object.keys(errors ?? {}), `${field} = ${String(value)}`).toEqual([field]);
        expect(errors?.[field]).toContain(field);
      }
    }
  });

  it("requires images", () => {
    expect(errorsOf({})).toEqual({ images: "images is required" });
    expect(errorsOf({ repeats: 20, images: undefined })).toEqual({ images: "images is required" });
  });

  it("rejects unknown fields by name, even with valid settings beside them", () => {
    expect(errorsOf({ images: 10, steps: 2000 })).toEqual({ steps: "steps is not a known field" });
    expect(Object.keys(errorsOf({ images: 10, toString: 1, __proto__: 2 }) ?? {})).toContain("toString");
    expect(errorsOf(JSON.parse('{"images": 10, "__proto__": {"epochs": 1}}'))).toHaveProperty("__proto__");
  });

  it("rejects input that is not an object", () => {
    for (const input of [null, undefined, 10, "images=10", [10]]) {
      expect(errorsOf(input), String(input)).toEqual({ _: "Expected a JSON object of settings" });
    }
  });

  it("names every bad field at once", () => {
    const error = (() => {
      try {
        resolveSettings({ images: 0, batchSize: 2.5, learningRate: "fast", colour: "red" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SettingsError);
    expect(Object.keys((error as SettingsError).fields).sort()).toEqual(["batchSize", "colour", "images", "learningRate"]);
    expect((error as SettingsError).message).toBe("Invalid settings: images, batchSize, learningRate, colour");
    expect((error as SettingsError).name).toBe("SettingsError");
  });

  it("uses the field's own message when a single field is wrong", () => {
    expect(() => resolveSettings({ images: 2000 })).toThrow("images must be a whole number from 1 to 1000");
  });

  it("trims the name and rejects names that are empty once trimmed or longer than 100", () => {
    expect(resolveSettings({ images: 3, name: "  style v2 \n" }).name).toBe("style v2");
    expect(resolveSettings({ images: 3, name: ` ${"a".repeat(100)} ` }).name).toHaveLength(100);
    expect(errorsOf({ images: 3, name: "   " })).toEqual({ name: "name must be 1 to 100 characters" });
    expect(errorsOf({ images: 3, name: "" })).toEqual({ name: "name must be 1 to 100 characters" });
    expect(errorsOf({ images: 3, name: "a".repeat(101) })).toEqual({ name: "name must be 1 to 100 characters" });
  });

  it("accepts and rejects exactly what the zod schema does, with the same errors (fast path included)", () => {
    const valueArb = fc.oneof(
      fc.integer({ min: -5, max: 2 ** 31 + 5 }),
      fc.double(),
      fc.constantFrom(0, -0, 1, 10, 100, 1000, 1e-4, 0.01, 0.001, 0.5, 2 ** 31 - 1, 2 ** 31),
      fc.constantFrom(...OPTIMIZERS, ...LR_SCHEDULERS, ...MODEL_FAMILIES, "sgd"),
      fc.string({ maxLength: 110 }),
      fc.constantFrom(null, undefined, true, "10", " a ", []),
    );
    const inputArb = fc.oneof(
      { weight: 3, arbitrary: anyNetworkSettingsArb.map((settings) => settings as unknown) },
      { weight: 3, arbitrary: fc.dictionary(fc.constantFrom(...SETTING_KEYS, "steps", "constructor"), valueArb) },
      { weight: 2, arbitrary: fc.record({ images: valueArb, repeats: valueArb, name: valueArb }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.anything() },
    );
    fc.assert(
      fc.property(inputArb, (input) => {
        const parsed = settingsInputSchema.safeParse(input);
        const checked = checkSettings(input);
        if (parsed.success) {
          expect(resolveSettings(input, fixedSeed)).toEqual(completeSettings(parsed.data, fixedSeed));
          // The check without zod, on its own (resolveSettings takes a faster path for plain valid objects).
          expect(checked).toEqual({ ok: true, settings: parsed.data });
        } else {
          expect(errorsOf(input)).toEqual(fieldErrorsFrom(parsed.error, input));
          expect(checked).toEqual({ ok: false, errors: fieldErrorsFrom(parsed.error, input) });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("judges one setting without zod with the schema's own verdict and message", () => {
    const valueArb = fc.oneof(
      fc.double(),
      fc.integer({ min: -5, max: 2 ** 31 + 5 }),
      fc.constantFrom(...OPTIMIZERS, ...LR_SCHEDULERS, ...MODEL_FAMILIES, "", " x ", "sgd"),
      fc.string({ maxLength: 110 }),
      fc.constantFrom(null, true, 1e-4, 0.5, 256),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SETTING_KEYS), valueArb, (key, value) => {
        const parsed = settingsInputSchema.shape[key].safeParse(value);
        expect(settingProblem(key, value)).toBe(parsed.success ? null : parsed.error.issues[0].message);
      }),
      { numRuns: 1000 },
    );
  });

  it("checks settings without zod exactly as the schema does, on objects that are not plain too", () => {
    const inherited = Object.assign(Object.create({ repeats: 5 }) as object, { images: 3 });
    const bare = Object.assign(Object.create(null) as object, { images: 4, name: "  bare  " });
    for (const input of [inherited, bare, new Date(0), new Map([["images", 3]])]) {
      const parsed = settingsInputSchema.safeParse(input);
      expect(checkSettings(input)).toEqual(parsed.success ? { ok: true, settings: parsed.data } : { ok: false, errors: fieldErrorsFrom(parsed.error, input) });
    }
    expect(checkSettings(bare)).toEqual({ ok: true, settings: { images: 4, name: "bare" } });
  });

  it("draws a random seed in range when none is given", () => {
    const seeds = new Set(Array.from({ length: 20 }, () => resolveSettings({ images: 1 }).seed));
    for (const seed of seeds) {
      expect(Number.isInteger(seed)).toBe(true);
      expect(seed).toBeGreaterThanOrEqual(0);
      expect(seed).toBeLessThanOrEqual(2 ** 31 - 1);
    }
    expect(seeds.size).toBeGreaterThan(1);
    expect(randomSeed()).toBeLessThanOrEqual(2 ** 31 - 1);
  });
});

describe("settings that must fit each other", () => {
  it("rejects a learning rate that does not fit the optimizer, naming learningRate and saying which range applies", () => {
    const adam = errorsOf({ images: 10, optimizer: "adamw", learningRate: 0.5 });
    expect(Object.keys(adam ?? {})).toEqual(["learningRate"]);
    expect(adam?.learningRate).toContain("AdamW");
    expect(adam?.learningRate).toContain("0.01");
    const prodigy = errorsOf({ images: 10, optimizer: "prodigy", learningRate: 1e-6 });
    expect(Object.keys(prodigy ?? {})).toEqual(["learningRate"]);
    expect(prodigy?.learningRate).toContain("Prodigy");
    expect(prodigy?.learningRate).toContain("0.1 to 10");
    // The default optimizer is AdamW8bit: a Prodigy-style multiplier without the optimizer is refused.
    expect(errorsOf({ images: 10, learningRate: 1 })?.learningRate).toContain("AdamW8bit");
    // Prodigy with the default 1e-4 left in is refused rather than silently read as a multiplier.
    expect(Object.keys(errorsOf({ images: 10, optimizer: "prodigy", learningRate: 1e-4 }) ?? {})).toEqual(["learningRate"]);
  });

  it("accepts exactly the learning rates that fit each optimizer, over many values", () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPTIMIZERS), fc.double({ min: 1e-9, max: 10, noNaN: true }), (optimizer, learningRate) => {
        const fits = optimizer === "prodigy" ? learningRate >= 0.1 && learningRate <= 10 : learningRate <= 0.01;
        const errors = errorsOf({ images: 10, optimizer, learningRate });
        if (fits) expect(errors).toBeNull();
        else expect(Object.keys(errors ?? {})).toEqual(["learningRate"]);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects a warm-up longer than the run, naming warmupSteps and the run's length", () => {
    const errors = errorsOf({ images: 10, repeats: 20, epochs: 10, warmupSteps: 2001 });
    expect(Object.keys(errors ?? {})).toEqual(["warmupSteps"]);
    expect(errors?.warmupSteps).toContain("2000");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 5000 }), (images, epochs, batchSize, warmupSteps) => {
        const { totalSteps } = countSteps({ images, repeats: 20, epochs, batchSize });
        const found = errorsOf({ images, epochs, batchSize, warmupSteps });
        if (warmupSteps <= totalSteps) expect(found).toBeNull();
        else expect(Object.keys(found ?? {})).toEqual(["warmupSteps"]);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects unknown optimizer, scheduler and base-model names, listing the allowed ones", () => {
    const optimizer = errorsOf({ images: 10, optimizer: "sgd" });
    expect(Object.keys(optimizer ?? {})).toEqual(["optimizer"]);
    for (const name of OPTIMIZERS) expect(optimizer?.optimizer).toContain(`"${name}"`);
    const scheduler = errorsOf({ images: 10, lrScheduler: "polynomial" });
    expect(Object.keys(scheduler ?? {})).toEqual(["lrScheduler"]);
    for (const name of LR_SCHEDULERS) expect(scheduler?.lrScheduler).toContain(`"${name}"`);
    const family = errorsOf({ images: 10, modelFamily: "sd3" });
    for (const name of MODEL_FAMILIES) expect(family?.modelFamily).toContain(`"${name}"`);
    expect(errorsOf({ images: 10, optimizer: "AdamW8bit" })).toHaveProperty("optimizer");
  });

  it("names only the fields that are wrong when a cross-field check meets other errors", () => {
    expect(Object.keys(errorsOf({ images: 0, optimizer: "prodigy", learningRate: 1, warmupSteps: 5 }) ?? {})).toEqual(["images"]);
    expect(Object.keys(errorsOf({ images: 10, optimizer: "lion", learningRate: 2, warmupSteps: 99999 }) ?? {}).sort()).toEqual(["learningRate", "warmupSteps"]);
  });
});

describe("countSteps", () => {
  it("follows the article's example and kohya's ceil for batches", () => {
    expect(countSteps({ images: 10, repeats: 20, epochs: 10, batchSize: 1 })).toEqual({ stepsPerEpoch: 200, totalSteps: 2000 });
    expect(countSteps({ images: 5, repeats: 3, epochs: 4, batchSize: 2 })).toEqual({ stepsPerEpoch: 8, totalSteps: 32 });
    expect(countSteps({ images: 1, repeats: 1, epochs: 1, batchSize: 32 })).toEqual({ stepsPerEpoch: 1, totalSteps: 1 });
  });
});

describe("formatRate", () => {
  it("writes learning rates the way trainers do", () => {
    expect(formatRate(1e-4)).toBe("1e-4");
    expect(formatRate(0.00025)).toBe("2.5e-4");
    expect(formatRate(0.01)).toBe("1e-2");
    expect(formatRate(0)).toBe("0");
    expect(formatRate(1 / 3000)).toBe("3.33e-4");
  });
});

describe("defaultRunName", () => {
  it("summarises images, repeats × epochs, LR and batch", () => {
    expect(defaultRunName({ ...SETTINGS_DEFAULTS, images: 25, batchSize: 2, learningRate: 2e-4 })).toBe("25 images · 20×10 · LR 2e-4 · batch 2");
  });
});

describe("fieldErrorsFrom with the input", () => {
  it("says a field is required only when it is absent, and explains a wrong type otherwise", () => {
    const absent = settingsInputSchema.safeParse({});
    const wrongType = settingsInputSchema.safeParse({ images: "lots" });
    expect(absent.success || fieldErrorsFrom(absent.error, {}).images).toBe("images is required");
    expect(wrongType.success || fieldErrorsFrom(wrongType.error, { images: "lots" }).images).toBe("images must be a whole number from 1 to 1000");
    expect(() => resolveSettings({ images: "lots" })).toThrow("images must be a whole number from 1 to 1000");
  });
});

describe("cleanText", () => {
  it("keeps names on one line without control characters or lone surrogates", () => {
    expect(resolveSettings({ images: 3, name: " a\r\nb\u0000c\tz ", seed: 1 }).name).toBe("a b c z");
    expect(resolveSettings({ images: 3, name: "x\uD800y", seed: 1 }).name).toBe("x\uFFFDy");
    expect(() => resolveSettings({ images: 3, name: "\u0001\u0002" })).toThrow("name must be 1 to 100 characters");
  });

  it("keeps line breaks in notes as \\n and drops other control characters", () => {
    expect(cleanText("one\r\ntwo\rthree\u0007\tfour")).toBe("one\ntwo\nthree\tfour");
  });
});

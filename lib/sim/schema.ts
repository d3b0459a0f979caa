// The settings of a run as one zod schema, used by the API and the forms that
// validate as you type. Its limits and messages come from ./settings, whose
// `resolveSettings` accepts and rejects exactly what this schema does (a property
// test checks it), so the simulator and the pages that only read settings need
// no zod in the browser.
import "@/lib/zod-config";
import { z } from "zod";
import { LR_SCHEDULERS, MODEL_FAMILIES, OPTIMIZERS } from "./types";
import {
  choiceMessage,
  cleanText,
  countSteps,
  fractionMessage,
  integerMessage,
  learningRateProblem,
  stepFieldsOf,
  warmupProblem,
  FRACTION_MEANINGS,
  LEARNING_RATE_LIMITS,
  LEARNING_RATE_MESSAGE,
  NAME_MESSAGE,
  NETWORK_ALPHA_MESSAGE,
  SETTINGS_DEFAULTS,
  SETTINGS_LIMITS,
  TEXT_ENCODER_MESSAGE,
  type FieldErrors,
  type SettingsInput,
} from "./settings";

export * from "./settings";

function integerField(field: string, min: number, max: number) {
  const message = integerMessage(field, min, max);
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

function fractionField(field: keyof typeof FRACTION_MEANINGS) {
  const message = fractionMessage(field, FRACTION_MEANINGS[field]);
  return z.number({ error: message }).min(0, { error: message }).max(1, { error: message });
}

function choiceField<const T extends readonly [string, ...string[]]>(field: string, choices: T) {
  const message = choiceMessage(field, choices);
  return z.enum(choices, { error: message });
}

export const nameSchema = z
  .string({ error: NAME_MESSAGE })
  .overwrite((value) => cleanText(value, { singleLine: true }))
  .trim()
  .min(SETTINGS_LIMITS.name.min, { error: NAME_MESSAGE })
  .max(SETTINGS_LIMITS.name.max, { error: NAME_MESSAGE });

/** Settings as a client sends them: everything but `images` optional, unknown fields rejected. */
export const settingsInputSchema = z
  .strictObject({
    name: nameSchema.optional(),
    images: integerField("images", SETTINGS_LIMITS.images.min, SETTINGS_LIMITS.images.max),
    repeats: integerField("repeats", SETTINGS_LIMITS.repeats.min, SETTINGS_LIMITS.repeats.max).optional(),
    epochs: integerField("epochs", SETTINGS_LIMITS.epochs.min, SETTINGS_LIMITS.epochs.max).optional(),
    batchSize: integerField("batchSize", SETTINGS_LIMITS.batchSize.min, SETTINGS_LIMITS.batchSize.max).optional(),
    learningRate: z.number({ error: LEARNING_RATE_MESSAGE }).gt(0, { error: LEARNING_RATE_MESSAGE }).max(LEARNING_RATE_LIMITS.prodigy.max, { error: LEARNING_RATE_MESSAGE }).optional(),
    textEncoderLearningRate: z
      .number({ error: TEXT_ENCODER_MESSAGE })
      .min(0, { error: TEXT_ENCODER_MESSAGE })
      .max(SETTINGS_LIMITS.textEncoderLearningRate.max, { error: TEXT_ENCODER_MESSAGE })
      .optional(),
    captionQuality: fractionField("captionQuality").optional(),
    datasetSimilarity: fractionField("datasetSimilarity").optional(),
    seed: integerField("seed", SETTINGS_LIMITS.seed.min, SETTINGS_LIMITS.seed.max).optional(),
    networkDim: integerField("networkDim", SETTINGS_LIMITS.networkDim.min, SETTINGS_LIMITS.networkDim.max).optional(),
    networkAlpha: z
      .number({ error: NETWORK_ALPHA_MESSAGE })
      .gt(SETTINGS_LIMITS.networkAlpha.min, { error: NETWORK_ALPHA_MESSAGE })
      .max(SETTINGS_LIMITS.networkAlpha.max, { error: NETWORK_ALPHA_MESSAGE })
      .optional(),
    optimizer: choiceField("optimizer", OPTIMIZERS).optional(),
    lrScheduler: choiceField("lrScheduler", LR_SCHEDULERS).optional(),
    warmupSteps: integerField("warmupSteps", SETTINGS_LIMITS.warmupSteps.min, SETTINGS_LIMITS.warmupSteps.max).optional(),
    modelFamily: choiceField("modelFamily", MODEL_FAMILIES).optional(),
  })
  .superRefine((value, context) => {
    // Checks across fields, each only once the fields it reads are themselves valid.
    const optimizer = value.optimizer === undefined ? SETTINGS_DEFAULTS.optimizer : value.optimizer;
    const learningRate = value.learningRate;
    if (typeof learningRate === "number" && learningRate > 0 && learningRate <= LEARNING_RATE_LIMITS.prodigy.max && (OPTIMIZERS as readonly unknown[]).includes(optimizer)) {
      const problem = learningRateProblem(learningRate, optimizer);
      if (problem !== null) context.addIssue({ code: "custom", path: ["learningRate"], message: problem });
    }
    const { images, repeats, epochs, batchSize, warmupSteps } = stepFieldsOf(value);
    if (images !== null && repeats !== null && epochs !== null && batchSize !== null && warmupSteps !== null) {
      const problem = warmupProblem(warmupSteps, countSteps({ images, repeats, epochs, batchSize }).totalSteps);
      if (problem !== null) context.addIssue({ code: "custom", path: ["warmupSteps"], message: problem });
    }
  });

// The hand-written SettingsInput is exactly the schema's input: a compile error here means they drifted apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inputMatchesSchema: Same<z.input<typeof settingsInputSchema>, SettingsInput> = true;
void inputMatchesSchema;

/**
 * Turns zod issues into one message per field (the first issue of each field wins).
 * Built from a Map so field names such as "toString" or "__proto__" become
 * plain own keys instead of colliding with Object.prototype.
 */
export function fieldErrorsFrom(error: z.ZodError, input?: unknown): FieldErrors {
  // zod 4 does not report the offending input, so "missing" is read off the input itself when given.
  const given = (key: string) => (typeof input === "object" && input !== null ? Object.prototype.hasOwnProperty.call(input, key) && (input as Record<string, unknown>)[key] !== undefined : null);
  const fields = new Map<string, string>();
  const add = (key: string, message: string) => {
    if (!fields.has(key)) fields.set(key, message);
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(key, `${key} is not a known field`);
      continue;
    }
    const key = issue.path.length > 0 ? String(issue.path[0]) : "_";
    const present = given(key);
    const missing = issue.code === "invalid_type" && (present === null ? issue.input === undefined : !present);
    add(key, key === "_" ? "Expected a JSON object of settings" : missing ? `${key} is required` : issue.message);
  }
  return Object.fromEntries(fields);
}

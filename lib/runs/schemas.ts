// Input schemas of the run use cases beyond the settings (which live in lib/sim):
// the PATCH body and the runs list's query, shared by the API and the pages.
import "@/lib/zod-config";
import { z } from "zod";
import { cleanText, VERDICTS } from "@/lib/sim";
import { nameSchema } from "@/lib/sim/schema";

export const NOTES_MAX_LENGTH = 5000;
export const RUNS_PAGE_SIZE_DEFAULT = 20;
export const RUNS_PAGE_SIZE_MAX = 100;
export const SEARCH_MAX_LENGTH = 200;

export const runUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  notes: z
    .string({ error: `notes must be text of at most ${NOTES_MAX_LENGTH} characters` })
    .overwrite((value) => cleanText(value))
    .max(NOTES_MAX_LENGTH, { error: `notes must be at most ${NOTES_MAX_LENGTH} characters` })
    .optional(),
  pickedEpoch: z
    .number({ error: "pickedEpoch must be a whole number (an epoch of this run) or null" })
    .int({ error: "pickedEpoch must be a whole number (an epoch of this run) or null" })
    .nullable()
    .optional(),
});

export type RunUpdate = z.output<typeof runUpdateSchema>;

/** Columns the runs list can be sorted by (each has an index). */
export const RUN_SORT_KEYS = [
  "createdAt",
  "name",
  "images",
  "learningRate",
  "batchSize",
  "epochs",
  "totalSteps",
  "recommendedEpoch",
  "pickedEpoch",
  "bestQuality",
  "qualityGap",
  "finalVerdict",
] as const;
export type RunSortKey = (typeof RUN_SORT_KEYS)[number];

const optionalNumber = (field: string, schema: z.ZodNumber) =>
  z.preprocess((value) => (value === "" || value === undefined || value === null ? undefined : typeof value === "string" ? Number(value) : value), schema.optional()).describe(field);

/**
 * The runs list's query, as it appears in the page URL and in GET /api/runs
 * (all strings there, so numbers are coerced).
 */
export const runListQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(SEARCH_MAX_LENGTH, { error: `q must be at most ${SEARCH_MAX_LENGTH} characters` })
    .optional(),
  limit: optionalNumber(
    "limit",
    z
      .number({ error: `limit must be a whole number from 1 to ${RUNS_PAGE_SIZE_MAX}` })
      .int({ error: `limit must be a whole number from 1 to ${RUNS_PAGE_SIZE_MAX}` })
      .min(1, { error: `limit must be a whole number from 1 to ${RUNS_PAGE_SIZE_MAX}` })
      .max(RUNS_PAGE_SIZE_MAX, { error: `limit must be a whole number from 1 to ${RUNS_PAGE_SIZE_MAX}` }),
  ),
  cursor: z.string().max(500, { error: "cursor is not valid" }).optional(),
  sort: z.enum(RUN_SORT_KEYS, { error: `sort must be one of ${RUN_SORT_KEYS.join(", ")}` }).optional(),
  dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).optional(),
  imagesMin: optionalNumber("imagesMin", z.number({ error: "imagesMin must be a whole number" }).int({ error: "imagesMin must be a whole number" })),
  imagesMax: optionalNumber("imagesMax", z.number({ error: "imagesMax must be a whole number" }).int({ error: "imagesMax must be a whole number" })),
  learningRate: optionalNumber("learningRate", z.number({ error: "learningRate must be a number" }).positive({ error: "learningRate must be above 0" })),
  batchSize: optionalNumber("batchSize", z.number({ error: "batchSize must be a whole number" }).int({ error: "batchSize must be a whole number" })),
  picked: z.enum(["yes", "no"], { error: "picked must be yes or no" }).optional(),
  source: z.enum(["simulated", "imported"], { error: "source must be simulated or imported" }).optional(),
  verdict: z.enum(VERDICTS as [string, ...string[]], { error: `verdict must be one of ${VERDICTS.join(", ")}` }).optional(),
  tag: z.string().trim().toLowerCase().max(40, { error: "tag must be at most 40 characters" }).optional(),
});

export type RunListQuery = z.output<typeof runListQuerySchema>;

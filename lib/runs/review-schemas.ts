// Input schemas of blind review and tags: a vote's body and a tag, shared by
// the API and the server actions. Pure (no database), so unit tests read them.
import { z } from "zod";
import { cleanText } from "@/lib/sim";
import { SAMPLE_PROMPTS } from "@/lib/preview";

/** Tags a reviewer may put on the checkpoint that lost a comparison. */
export const LOSER_TAGS = ["fried", "rigid", "off-likeness", "ignores prompt"] as const;
export type LoserTag = (typeof LOSER_TAGS)[number];

export const REVIEWER_MAX_LENGTH = 60;
export const TAG_MAX_LENGTH = 40;
export const TAGS_PER_RUN_MAX = 20;

const epochSchema = (field: string) =>
  z.number({ error: `${field} must be a whole number: an epoch of this run` }).int({ error: `${field} must be a whole number: an epoch of this run` });

export const reviewerSchema = z
  .string({ error: "reviewer must be your name, as text" })
  .overwrite((value) => cleanText(value, { singleLine: true }).trim())
  .min(1, { error: "reviewer must be your name: it cannot be empty" })
  .max(REVIEWER_MAX_LENGTH, { error: `reviewer must be at most ${REVIEWER_MAX_LENGTH} characters` });

/** POST /api/runs/{id}/votes: the two epochs shown (a, b), the prompt, and the epoch preferred or null for "can't tell". */
export const voteInputSchema = z.strictObject({
  reviewer: reviewerSchema,
  promptIndex: z
    .number({ error: `promptIndex must be a whole number from 0 to ${SAMPLE_PROMPTS.length - 1}` })
    .int({ error: `promptIndex must be a whole number from 0 to ${SAMPLE_PROMPTS.length - 1}` })
    .min(0, { error: `promptIndex must be a whole number from 0 to ${SAMPLE_PROMPTS.length - 1}` })
    .max(SAMPLE_PROMPTS.length - 1, { error: `promptIndex must be a whole number from 0 to ${SAMPLE_PROMPTS.length - 1}` }),
  a: epochSchema("a"),
  b: epochSchema("b"),
  winner: epochSchema("winner").nullable(),
  loserTags: z
    .array(z.enum(LOSER_TAGS, { error: `loserTags must be among ${LOSER_TAGS.join(", ")}` }), { error: "loserTags must be a list" })
    .max(LOSER_TAGS.length, { error: `loserTags must list at most ${LOSER_TAGS.length} tags` })
    .default([]),
});
export type VoteInput = z.output<typeof voteInputSchema>;

/** A free run tag: lower case letters, digits, spaces, dots, dashes and underscores (client-x, style, v2-dataset). */
export const tagSchema = z
  .string({ error: "tag must be text" })
  .overwrite((value) => cleanText(value, { singleLine: true }).trim().toLowerCase().replace(/\s+/g, "-"))
  .min(1, { error: "tag cannot be empty" })
  .max(TAG_MAX_LENGTH, { error: `tag must be at most ${TAG_MAX_LENGTH} characters` })
  .regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N}._-]*$/u, { error: "tag may hold letters, digits, dots, dashes and underscores, starting with a letter or digit" });

/** PUT /api/runs/{id}/tags: the run's whole tag list. */
export const tagListSchema = z.strictObject({
  tags: z
    .array(tagSchema, { error: "tags must be a list of tags" })
    .max(TAGS_PER_RUN_MAX, { error: `tags must list at most ${TAGS_PER_RUN_MAX} tags` }),
});

// Input schemas of blind review and tags: a vote's body and a tag, shared by
// the API and the server actions. Pure (no database), so unit tests read them.
import "@/lib/zod-config";
import { z } from "zod";
import { cleanText } from "@/lib/sim";
import { parseJson } from "@/lib/json";
import { LOSER_TAGS, REVIEWER_MAX_LENGTH, type LoserTag } from "./review-tags";

export { LOSER_TAGS, REVIEWER_MAX_LENGTH, type LoserTag } from "./review-tags";

/** A vote's stored loser tags (a JSON list): the known tags in it, none when it is not a list. */
export function parseLoserTags(stored: string): LoserTag[] {
  const parsed = parseJson(stored);
  return Array.isArray(parsed) ? parsed.filter((tag): tag is LoserTag => (LOSER_TAGS as readonly string[]).includes(tag)) : [];
}

export const TAG_MAX_LENGTH = 40;
export const TAGS_PER_RUN_MAX = 20;

const epochSchema = (field: string) => z.number({ error: `${field} must be a whole number: an epoch of this run` }).int({ error: `${field} must be a whole number: an epoch of this run` });

export const reviewerSchema = z
  .string({ error: "reviewer must be your name, as text" })
  .overwrite((value) => cleanText(value, { singleLine: true }).trim())
  .min(1, { error: "reviewer must be your name: it cannot be empty" })
  .max(REVIEWER_MAX_LENGTH, { error: `reviewer must be at most ${REVIEWER_MAX_LENGTH} characters` });

/** Prompt indices a vote may name; each run's own prompt count is checked where the run is read. */
export const PROMPT_INDEX_MAX = 99;

const promptIndexMessage = "promptIndex must be a whole number: 0 for the first prompt";
const promptIndexSchema = z.number({ error: promptIndexMessage }).int({ error: promptIndexMessage }).min(0, { error: promptIndexMessage }).max(PROMPT_INDEX_MAX, { error: promptIndexMessage });

const loserTagsSchema = z
  .array(z.enum(LOSER_TAGS, { error: `loserTags must be among ${LOSER_TAGS.join(", ")}` }), { error: "loserTags must be a list" })
  .max(LOSER_TAGS.length, { error: `loserTags must list at most ${LOSER_TAGS.length} tags` })
  .default([]);

/** A vote's body, its checkpoints named by `checkpoint`: the two shown (a, b), the prompt, the one preferred or null for "can't tell", and the loser's tags. */
function voteSchemaOf<Checkpoint extends z.ZodType>(checkpoint: (field: string) => Checkpoint) {
  return z.strictObject({
    reviewer: reviewerSchema,
    promptIndex: promptIndexSchema,
    a: checkpoint("a"),
    b: checkpoint("b"),
    winner: checkpoint("winner").nullable(),
    loserTags: loserTagsSchema,
  });
}

/** POST /api/runs/{id}/votes: the two epochs shown (a, b), the prompt, and the epoch preferred or null for "can't tell". */
export const voteInputSchema = voteSchemaOf(epochSchema);
export type VoteInput = z.output<typeof voteInputSchema>;

/** The most runs one review set holds (as many as compare shows). */
export const REVIEW_SET_RUNS_MAX = 6;

const runIdMessage = "must be a run id";
const runIdSchema = z.string({ error: runIdMessage }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: runIdMessage });

/** POST /api/reviews: the runs whose checkpoints are reviewed against each other. */
export const reviewSetInputSchema = z.strictObject({
  runs: z
    .array(runIdSchema, { error: "runs must be a list of run ids" })
    .min(2, { error: "runs must list at least 2 runs: a set review compares checkpoints of different runs" })
    .max(REVIEW_SET_RUNS_MAX, { error: `runs must list at most ${REVIEW_SET_RUNS_MAX} runs` }),
});

const checkpointSchema = (field: string) =>
  z.strictObject(
    {
      runId: z.string({ error: `${field}.runId must be the id of a run in this review` }),
      epoch: z.number({ error: `${field}.epoch must be a whole number: an epoch of that run` }).int({ error: `${field}.epoch must be a whole number: an epoch of that run` }),
    },
    { error: `${field} must be a checkpoint: { "runId": …, "epoch": … }` },
  );

/** POST /api/reviews/{id}/votes: the two checkpoints shown (a, b), the prompt, and the checkpoint preferred or null for "can't tell". */
export const setVoteInputSchema = voteSchemaOf(checkpointSchema);
export type SetVoteInput = z.output<typeof setVoteInputSchema>;

/** A free run tag: lower case letters, digits, spaces, dots, dashes and underscores (client-x, style, v2-dataset). */
export const tagSchema = z
  .string({ error: "tag must be text" })
  .overwrite((value) => cleanText(value, { singleLine: true }).trim().toLowerCase().replace(/\s+/g, "-"))
  .min(1, { error: "tag cannot be empty" })
  .max(TAG_MAX_LENGTH, { error: `tag must be at most ${TAG_MAX_LENGTH} characters` })
  .regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N}._-]*$/u, { error: "tag may hold letters, digits, dots, dashes and underscores, starting with a letter or digit" });

/** PUT /api/runs/{id}/tags: the run's whole tag list. */
export const tagListSchema = z.strictObject({
  tags: z.array(tagSchema, { error: "tags must be a list of tags" }).max(TAGS_PER_RUN_MAX, { error: `tags must list at most ${TAGS_PER_RUN_MAX} tags` }),
});

// Blind review across a set of runs: the set (its runs, in compare's order),
// its votes on checkpoints named by run and epoch, and the ratings they add up
// to. The maths lives in lib/review and ./review-set-logic; this is storage.
import "server-only";
import { randomUUID } from "node:crypto";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { Prisma } from "@/generated/prisma/client";
import { db, dbReady } from "@/lib/server/db";
import { SAMPLE_PROMPTS } from "@/lib/preview";
import { fieldErrorsFrom } from "@/lib/sim/schema";
import { InputError, NotFoundError } from "@/lib/errors";
import { LOSER_TAGS, reviewSetInputSchema, setVoteInputSchema, type LoserTag } from "@/lib/runs/review-schemas";
import { orderCheckpoints, reviewSetKey, sameCheckpoint, setPromptCount, setRatingsFrom, type SetRatings, type SetRunForReview, type StoredSetVote } from "@/lib/server/runs/review-set-logic";
import { reviewSourceOf, type ReviewRunSource } from "@/lib/server/runs/review-sources";
import { voteStoreError } from "@/lib/server/runs/votes";

export * from "@/lib/server/runs/review-set-logic";

/** A review set as GET /api/reviews/{id} answers it: its runs in order (runs deleted since are left out). */
export interface ReviewSetView {
  id: string;
  createdAt: string;
  runs: SetRunForReview[];
  /** Prompts every run has samples for: the comparisons use prompt indices below this. */
  promptCount: number;
}

function setNotFound(): NotFoundError {
  return new NotFoundError("No review with that id.");
}

function inputError(error: import("zod").ZodError, input: unknown, fallback: string): InputError {
  const fields = fieldErrorsFrom(error, input);
  return new InputError(Object.values(fields)[0] ?? fallback, fields, 400);
}

/** The set of these runs, or null when nobody has started one (read only: the page offers to start it). */
export async function findReviewSet(runIds: readonly string[]): Promise<string | null> {
  await dbReady();
  const row = await db.reviewSet.findUnique({ where: { key: reviewSetKey(runIds) }, select: { id: true } });
  return row?.id ?? null;
}

/**
 * Starts a review of these runs, or returns the one already started for the
 * same runs (the same choice of runs is one review, so votes add up). Unknown
 * runs are refused (400 naming `runs`).
 */
export async function startReviewSet(_access: WriteAccess, input: unknown): Promise<{ set: ReviewSetView; created: boolean }> {
  const parsed = reviewSetInputSchema.safeParse(input);
  if (!parsed.success) throw inputError(parsed.error, input, "The runs are not valid");
  const runIds = [...new Set(parsed.data.runs)];
  if (runIds.length < 2) throw new InputError("runs must list at least 2 different runs", { runs: "runs must list at least 2 different runs" }, 400);
  await dbReady();
  const found = await db.run.findMany({ where: { id: { in: runIds } }, select: { id: true } });
  const missing = runIds.filter((id) => !found.some((run) => run.id === id));
  if (missing.length > 0) {
    const message = `runs must be stored runs: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not`;
    throw new InputError(message, { runs: message }, 400);
  }
  const key = reviewSetKey(runIds);
  const existing = await db.reviewSet.findUnique({ where: { key }, select: { id: true } });
  if (existing) return { set: (await getReviewSet(existing.id))!, created: false };
  const id = randomUUID().replace(/-/g, "").slice(0, 16);
  try {
    await db.reviewSet.create({ data: { id, key, runs: { create: runIds.map((runId, position) => ({ runId, position })) } } });
  } catch (error) {
    // Someone started the same review a moment ago: open theirs.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await db.reviewSet.findUnique({ where: { key }, select: { id: true } });
      if (raced) return { set: (await getReviewSet(raced.id))!, created: false };
    }
    console.error("Starting a review failed:", error);
    throw new Error("The review could not be started; try again.");
  }
  return { set: (await getReviewSet(id))!, created: true };
}

/** A set with its runs and what each shows (simulated previews or real samples); null when unknown. */
export async function loadReviewSet(id: string): Promise<{ set: ReviewSetView; sources: ReviewRunSource[] } | null> {
  await dbReady();
  const row = await db.reviewSet.findUnique({ where: { id }, select: { id: true, createdAt: true, runs: { orderBy: { position: "asc" }, select: { runId: true } } } });
  if (!row) return null;
  const loaded = (await Promise.all(row.runs.map((entry) => reviewSourceOf(entry.runId)))).filter((entry) => entry !== null);
  const runs = loaded.map((entry) => entry.run);
  return {
    set: { id: row.id, createdAt: row.createdAt.toISOString(), runs, promptCount: setPromptCount(runs, SAMPLE_PROMPTS.length) },
    sources: loaded.map((entry) => entry.source),
  };
}

export async function getReviewSet(id: string): Promise<ReviewSetView | null> {
  return (await loadReviewSet(id))?.set ?? null;
}

/**
 * Stores one vote of a set review: both checkpoints must be of runs in the set
 * (400 naming `a` or `b`), of different runs, and a repeat of the same
 * comparison by the same reviewer is refused (409).
 */
export async function castSetVote(_access: WriteAccess, setId: string, input: unknown): Promise<StoredSetVote> {
  const parsed = setVoteInputSchema.safeParse(input);
  if (!parsed.success) throw inputError(parsed.error, input, "The vote is not valid");
  const vote = parsed.data;
  const set = await getReviewSet(setId);
  if (!set) throw setNotFound();
  const fields: Record<string, string> = {};
  for (const field of ["a", "b"] as const) {
    const run = set.runs.find((candidate) => candidate.id === vote[field].runId);
    if (!run) fields[field] = `${field} must be a checkpoint of a run in this review: ${set.runs.map((r) => r.id).join(", ")}`;
    else if (vote[field].epoch < 1 || vote[field].epoch > run.epochs) fields[field] = `${field} must be a checkpoint of run ${run.id}: an epoch from 1 to ${run.epochs}`;
  }
  if (!fields.a && !fields.b && vote.a.runId === vote.b.runId) fields.b = "b must be a checkpoint of a different run from a: a set review compares runs";
  if (vote.promptIndex >= set.promptCount) fields.promptIndex = `promptIndex must be a whole number from 0 to ${set.promptCount - 1}`;
  if (vote.winner !== null && !sameCheckpoint(vote.winner, vote.a) && !sameCheckpoint(vote.winner, vote.b)) fields.winner = "winner must be a or b, or null for can't tell";
  if (vote.winner === null && vote.loserTags.length > 0) fields.loserTags = "loserTags need a winner: with can't tell there is no loser to tag";
  if (Object.keys(fields).length > 0) throw new InputError(Object.values(fields)[0], fields, 400);

  const [first, second] = orderCheckpoints(vote.a, vote.b);
  try {
    const row = await db.setVote.create({
      data: {
        id: randomUUID(),
        setId,
        reviewer: vote.reviewer,
        promptIndex: vote.promptIndex,
        firstRunId: first.runId,
        firstEpoch: first.epoch,
        secondRunId: second.runId,
        secondEpoch: second.epoch,
        winner: vote.winner === null ? null : sameCheckpoint(vote.winner, first) ? 1 : 2,
        loserTags: JSON.stringify([...new Set(vote.loserTags)]),
      },
    });
    return toStoredSetVote(row);
  } catch (error) {
    throw voteStoreError(error, vote.reviewer, setNotFound);
  }
}

/** Every vote of a set, oldest first. */
export async function listSetVotes(setId: string): Promise<StoredSetVote[]> {
  await dbReady();
  const rows = await db.setVote.findMany({ where: { setId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toStoredSetVote);
}

export async function getSetRatings(setId: string): Promise<SetRatings> {
  const set = await getReviewSet(setId);
  if (!set) throw setNotFound();
  return setRatingsFrom(set.id, set.runs, await listSetVotes(setId));
}

function toStoredSetVote(row: {
  id: string;
  setId: string;
  reviewer: string;
  promptIndex: number;
  firstRunId: string;
  firstEpoch: number;
  secondRunId: string;
  secondEpoch: number;
  winner: number | null;
  loserTags: string;
  createdAt: Date;
}): StoredSetVote {
  let tags: LoserTag[] = [];
  try {
    const parsed: unknown = JSON.parse(row.loserTags);
    if (Array.isArray(parsed)) tags = parsed.filter((tag): tag is LoserTag => (LOSER_TAGS as readonly string[]).includes(tag));
  } catch {
    tags = [];
  }
  const first = { runId: row.firstRunId, epoch: row.firstEpoch };
  const second = { runId: row.secondRunId, epoch: row.secondEpoch };
  return {
    id: row.id,
    setId: row.setId,
    reviewer: row.reviewer,
    promptIndex: row.promptIndex,
    checkpoints: [first, second],
    winner: row.winner === 1 ? first : row.winner === 2 ? second : null,
    loserTags: tags,
    createdAt: row.createdAt.toISOString(),
  };
}

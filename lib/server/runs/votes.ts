// Blind review use cases: store a reviewer's vote on two of a run's
// checkpoints, read a run's votes, fit ratings from them, and deal the next
// pair. The maths lives in lib/review; this file is its storage.
import "server-only";
import { randomUUID } from "node:crypto";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { Prisma } from "@/generated/prisma/client";
import { db, dbReady } from "@/lib/server/db";
import { fieldErrorsFrom } from "@/lib/sim/schema";
import { InputError, NotFoundError } from "@/lib/errors";
import { LOSER_TAGS, voteInputSchema, type LoserTag } from "@/lib/runs/review-schemas";
import { ratingsFrom, type RunRatings, type StoredVote } from "@/lib/runs/review-logic";
import { reviewSourceOf } from "@/lib/server/runs/review-sources";
import { SAMPLE_PROMPTS } from "@/lib/preview";

export * from "@/lib/runs/review-logic";

/** Stores one vote; refuses a checkpoint the run does not have (400, field named) and a repeat of the same comparison by the same reviewer (409). */
export async function castVote(_access: WriteAccess, runId: string, input: unknown): Promise<StoredVote> {
  const parsed = voteInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error, input);
    throw new InputError(Object.values(fields)[0] ?? "The vote is not valid", fields, 400);
  }
  const vote = parsed.data;
  await dbReady();
  const run = await db.run.findUnique({ where: { id: runId }, select: { epochs: true, source: true } });
  if (!run) throw new NotFoundError();
  const fields: Record<string, string> = {};
  // Simulated previews have SAMPLE_PROMPTS; an imported run has as many prompts as its trainer sampled.
  const promptCount = run.source === "imported" ? ((await reviewSourceOf(runId))?.run.promptCount ?? SAMPLE_PROMPTS.length) : SAMPLE_PROMPTS.length;
  if (vote.promptIndex >= promptCount) fields.promptIndex = `promptIndex must be a whole number from 0 to ${promptCount - 1}`;
  for (const field of ["a", "b"] as const) {
    if (vote[field] < 1 || vote[field] > run.epochs) fields[field] = `${field} must be a checkpoint of this run: an epoch from 1 to ${run.epochs}`;
  }
  if (!fields.a && !fields.b && vote.a === vote.b) fields.b = "b must be a different checkpoint from a";
  if (vote.winner !== null && vote.winner !== vote.a && vote.winner !== vote.b) fields.winner = "winner must be the epoch of a or b, or null for can't tell";
  if (vote.winner === null && vote.loserTags.length > 0) fields.loserTags = "loserTags need a winner: with can't tell there is no loser to tag";
  if (Object.keys(fields).length > 0) throw new InputError(Object.values(fields)[0], fields, 400);

  const [epochLow, epochHigh] = vote.a < vote.b ? [vote.a, vote.b] : [vote.b, vote.a];
  try {
    const row = await db.vote.create({
      data: {
        id: randomUUID(),
        runId,
        reviewer: vote.reviewer,
        promptIndex: vote.promptIndex,
        epochLow,
        epochHigh,
        winnerEpoch: vote.winner,
        loserTags: JSON.stringify([...new Set(vote.loserTags)]),
      },
    });
    return toStoredVote(row);
  } catch (error) {
    throw voteStoreError(error, vote.reviewer, () => new NotFoundError());
  }
}

/**
 * What a failed vote insert means to the voter, for run and set reviews alike:
 * a repeat (the unique pair per reviewer and prompt) is a 409, a review that
 * vanished meanwhile is not found, anything else is logged and said plainly.
 */
export function voteStoreError(error: unknown, reviewer: string, notFound: () => Error): Error {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new InputError(`${reviewer} has already compared these two checkpoints on this prompt`, { reviewer: "this reviewer has already voted on this pair for this prompt" }, 409);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") return notFound();
  console.error("Storing a vote failed:", error);
  return new Error("The vote could not be saved; try again.");
}

/** Every vote on a run, oldest first. */
export async function listVotes(runId: string): Promise<StoredVote[]> {
  await dbReady();
  const rows = await db.vote.findMany({ where: { runId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toStoredVote);
}

/** How many votes each run has, for the run page's "n reviews". */
export async function countVotes(runId: string): Promise<number> {
  await dbReady();
  return db.vote.count({ where: { runId } });
}

export async function getRatings(runId: string): Promise<RunRatings> {
  await dbReady();
  // The run as its review reads it: an imported run's epochs with real samples.
  const loaded = await reviewSourceOf(runId);
  if (!loaded) throw new NotFoundError();
  return ratingsFrom(loaded.run, await listVotes(runId));
}

function toStoredVote(row: {
  id: string;
  runId: string;
  reviewer: string;
  promptIndex: number;
  epochLow: number;
  epochHigh: number;
  winnerEpoch: number | null;
  loserTags: string;
  createdAt: Date;
}): StoredVote {
  let tags: LoserTag[] = [];
  try {
    const parsed: unknown = JSON.parse(row.loserTags);
    if (Array.isArray(parsed)) tags = parsed.filter((tag): tag is LoserTag => (LOSER_TAGS as readonly string[]).includes(tag));
  } catch {
    tags = [];
  }
  return {
    id: row.id,
    runId: row.runId,
    reviewer: row.reviewer,
    promptIndex: row.promptIndex,
    epochs: [row.epochLow, row.epochHigh],
    winner: row.winnerEpoch,
    loserTags: tags,
    createdAt: row.createdAt.toISOString(),
  };
}

// Blind review use cases: store a reviewer's vote on two of a run's
// checkpoints, read a run's votes, fit ratings from them, and deal the next
// pair. The maths lives in lib/review; this file is its storage.
import "server-only";
import { randomUUID } from "node:crypto";
import type { WriteAccess } from "@/lib/auth/write-access";
import { Prisma } from "@/generated/prisma/client";
import { db, dbReady } from "@/lib/db";
import { previewEpochs, SAMPLE_PROMPTS } from "@/lib/preview";
import { fitBradleyTerry, measureAgreement, nextPair, hashText, type Agreement, type PairVote, type Rating, type ScheduledPair } from "@/lib/review";
import { fieldErrorsFrom } from "@/lib/sim";
import { InputError, NotFoundError } from "./errors";
import { LOSER_TAGS, voteInputSchema, type LoserTag } from "./review-schemas";

/** A stored vote, in the API's shape. */
export interface StoredVote {
  id: string;
  runId: string;
  reviewer: string;
  promptIndex: number;
  /** The two epochs shown, lower first. */
  epochs: [number, number];
  /** The epoch preferred, or null for "can't tell". */
  winner: number | null;
  loserTags: LoserTag[];
  createdAt: string;
}

export interface EpochRating extends Omit<Rating, "id"> {
  epoch: number;
}

/** GET /api/runs/{id}/ratings. */
export interface RunRatings {
  runId: string;
  votes: number;
  reviewers: string[];
  /** One rating per reviewable epoch (and any other epoch voted on), by epoch. */
  ratings: EpochRating[];
  agreement: Agreement;
  /** Highest-rated epoch, or null before any vote. */
  mostPreferredEpoch: number | null;
  recommendedEpoch: number;
  pickedEpoch: number | null;
  /** How often each loser tag was given, per epoch. */
  loserTags: { epoch: number; tag: LoserTag; count: number }[];
}

type RunForReview = { id: string; epochs: number; recommendedEpoch: number; pickedEpoch: number | null };

/** The epochs a review deals: the sample grid's epochs (every epoch of a short run). */
export function reviewEpochs(run: Pick<RunForReview, "epochs" | "recommendedEpoch" | "pickedEpoch">): number[] {
  return previewEpochs(run.epochs, [run.recommendedEpoch, run.pickedEpoch]);
}

/** Stores one vote; refuses a checkpoint the run does not have (400, field named) and a repeat of the same comparison by the same reviewer (409). */
export async function castVote(_access: WriteAccess, runId: string, input: unknown): Promise<StoredVote> {
  const parsed = voteInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error, input);
    throw new InputError(Object.values(fields)[0] ?? "The vote is not valid", fields, 400);
  }
  const vote = parsed.data;
  await dbReady();
  const run = await db.run.findUnique({ where: { id: runId }, select: { epochs: true } });
  if (!run) throw new NotFoundError();
  const fields: Record<string, string> = {};
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
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new InputError(`${vote.reviewer} has already compared these two checkpoints on this prompt`, { reviewer: "this reviewer has already voted on this pair for this prompt" }, 409);
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new NotFoundError();
    console.error("Storing a vote failed:", error);
    throw new Error("The vote could not be saved; try again.");
  }
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

/** A stored vote as lib/review reads it: ids are epochs as text, A the lower epoch. */
export function toPairVote(vote: Pick<StoredVote, "reviewer" | "promptIndex" | "epochs" | "winner">): PairVote {
  const [low, high] = vote.epochs;
  return {
    reviewer: vote.reviewer,
    a: String(low),
    b: String(high),
    promptIndex: vote.promptIndex,
    outcome: vote.winner === null ? "tie" : vote.winner === low ? "a" : "b",
  };
}

/** Ratings, agreement and the three epochs side by side, from a run and its votes. Pure. */
export function ratingsFrom(run: RunForReview, votes: readonly StoredVote[]): RunRatings {
  const epochs = new Set(reviewEpochs(run));
  for (const vote of votes) for (const epoch of vote.epochs) epochs.add(epoch);
  const ordered = [...epochs].sort((x, y) => x - y);
  const pairVotes = votes.map(toPairVote);
  const fit = fitBradleyTerry(ordered.map(String), pairVotes);
  const tagCounts = new Map<string, number>();
  for (const vote of votes) {
    if (vote.winner === null) continue;
    const loser = vote.winner === vote.epochs[0] ? vote.epochs[1] : vote.epochs[0];
    for (const tag of vote.loserTags) tagCounts.set(`${loser}|${tag}`, (tagCounts.get(`${loser}|${tag}`) ?? 0) + 1);
  }
  return {
    runId: run.id,
    votes: votes.length,
    reviewers: [...new Set(votes.map((vote) => vote.reviewer))].sort(),
    ratings: fit.ratings.map(({ id, ...rating }) => ({ epoch: Number(id), ...rating })),
    agreement: measureAgreement(pairVotes),
    mostPreferredEpoch: fit.mostPreferred === null ? null : Number(fit.mostPreferred),
    recommendedEpoch: run.recommendedEpoch,
    pickedEpoch: run.pickedEpoch,
    loserTags: [...tagCounts]
      .map(([key, count]) => {
        const [epoch, tag] = key.split("|");
        return { epoch: Number(epoch), tag: tag as LoserTag, count };
      })
      .sort((x, y) => x.epoch - y.epoch || LOSER_TAGS.indexOf(x.tag) - LOSER_TAGS.indexOf(y.tag)),
  };
}

export async function getRatings(runId: string): Promise<RunRatings> {
  await dbReady();
  const run = await db.run.findUnique({ where: { id: runId }, select: { id: true, epochs: true, recommendedEpoch: true, pickedEpoch: true } });
  if (!run) throw new NotFoundError();
  return ratingsFrom(run, await listVotes(runId));
}

/** The next comparison a reviewer sees, as epochs, or null when they have answered every one. Pure. */
export function nextComparison(run: RunForReview, votes: readonly StoredVote[], reviewer: string): { a: number; b: number; promptIndex: number; aOnLeft: boolean } | null {
  const ratings = ratingsFrom(run, votes);
  const scores = new Map(ratings.ratings.map((rating) => [String(rating.epoch), rating.score]));
  const pair: ScheduledPair | null = nextPair({
    items: reviewEpochs(run).map((epoch) => ({ id: String(epoch), group: run.id, position: epoch })),
    promptCount: SAMPLE_PROMPTS.length,
    votes: votes.map(toPairVote),
    reviewer,
    seed: hashText(run.id),
    scores,
  });
  return pair && { a: Number(pair.a), b: Number(pair.b), promptIndex: pair.promptIndex, aOnLeft: pair.aOnLeft };
}

function toStoredVote(row: { id: string; runId: string; reviewer: string; promptIndex: number; epochLow: number; epochHigh: number; winnerEpoch: number | null; loserTags: string; createdAt: Date }): StoredVote {
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

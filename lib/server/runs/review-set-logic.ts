// Blind review across a set of runs (started from compare): checkpoints of
// different runs, shown for the same prompt, rated on one Bradley–Terry scale.
// Pure (no database), so the set review page computes the next pair and the
// ratings in the browser and unit tests read it directly. A checkpoint's id in
// lib/review is "runId@epoch".
import { fitBradleyTerry, hashText, measureAgreement, nextPair, type Agreement, type PairVote, type Rating } from "@/lib/review";
import { LOSER_TAGS, type LoserTag } from "@/lib/runs/review-tags";
import { pairVoteOf, reviewEpochs, type RunForReview } from "@/lib/runs/review-logic";

/** One checkpoint of a run in a review set. */
export interface SetCheckpoint {
  runId: string;
  epoch: number;
}

/** A run of a set, as the review reads it: its name, its reviewable epochs and its prompt count. */
export interface SetRunForReview extends RunForReview {
  name: string;
}

/** A stored vote of a set review, in the API's shape. */
export interface StoredSetVote {
  id: string;
  setId: string;
  reviewer: string;
  promptIndex: number;
  /** The two checkpoints shown, in a fixed order (by id), whichever was A. */
  checkpoints: [SetCheckpoint, SetCheckpoint];
  /** The checkpoint preferred, or null for "can't tell". */
  winner: SetCheckpoint | null;
  loserTags: LoserTag[];
  createdAt: string;
}

export interface SetCheckpointRating extends Omit<Rating, "id">, SetCheckpoint {}

/** GET /api/reviews/{id}/ratings. */
export interface SetRatings {
  setId: string;
  votes: number;
  reviewers: string[];
  /** One rating per reviewable checkpoint of every run in the set (and any other voted on), by run then epoch. */
  ratings: SetCheckpointRating[];
  agreement: Agreement;
  /** Highest-rated checkpoint of the whole set, or null before any vote. */
  mostPreferred: SetCheckpoint | null;
  /** Per run: its highest-rated checkpoint among those voted on (null before any vote on it), beside its recommendation and pick. */
  runs: { runId: string; topEpoch: number | null; recommendedEpoch: number; pickedEpoch: number | null }[];
  loserTags: (SetCheckpoint & { tag: LoserTag; count: number })[];
}

/** A checkpoint's id as lib/review reads it. */
export function checkpointId(checkpoint: SetCheckpoint): string {
  return `${checkpoint.runId}@${checkpoint.epoch}`;
}

export function parseCheckpointId(id: string): SetCheckpoint {
  const at = id.lastIndexOf("@");
  return { runId: id.slice(0, at), epoch: Number(id.slice(at + 1)) };
}

export function sameCheckpoint(x: SetCheckpoint, y: SetCheckpoint): boolean {
  return x.runId === y.runId && x.epoch === y.epoch;
}

/** Two checkpoints in the order votes are stored: by id. */
export function orderCheckpoints(x: SetCheckpoint, y: SetCheckpoint): [SetCheckpoint, SetCheckpoint] {
  return checkpointId(x) < checkpointId(y) ? [x, y] : [y, x];
}

/** The key of a set: its runs' ids sorted, so the same choice of runs is the same set. */
export function reviewSetKey(runIds: readonly string[]): string {
  return [...new Set(runIds)].sort().join(",");
}

/** How many prompts a set reviews: the fewest any of its runs has samples for. */
export function setPromptCount(runs: readonly RunForReview[], fallback: number): number {
  const count = runs.reduce((fewest, run) => Math.min(fewest, run.promptCount ?? fallback), Infinity);
  return Number.isFinite(count) ? count : fallback;
}

export function toSetPairVote(vote: Pick<StoredSetVote, "reviewer" | "promptIndex" | "checkpoints" | "winner">): PairVote {
  const [first, second] = vote.checkpoints;
  return pairVoteOf(vote, checkpointId(first), checkpointId(second), vote.winner && checkpointId(vote.winner));
}

function setCheckpoints(runs: readonly SetRunForReview[]): SetCheckpoint[] {
  return runs.flatMap((run) => reviewEpochs(run).map((epoch) => ({ runId: run.id, epoch })));
}

/** Ratings across the set, agreement, the most preferred checkpoint and each run's top one. Pure. */
export function setRatingsFrom(setId: string, runs: readonly SetRunForReview[], votes: readonly StoredSetVote[]): SetRatings {
  const inSet = new Set(runs.map((run) => run.id));
  const counted = votes.filter((vote) => vote.checkpoints.every((checkpoint) => inSet.has(checkpoint.runId)));
  const ids = new Set(setCheckpoints(runs).map(checkpointId));
  for (const vote of counted) for (const checkpoint of vote.checkpoints) ids.add(checkpointId(checkpoint));
  const order = new Map(runs.map((run, index) => [run.id, index]));
  const ordered = [...ids].map(parseCheckpointId).sort((x, y) => order.get(x.runId)! - order.get(y.runId)! || x.epoch - y.epoch);
  const pairVotes = counted.map(toSetPairVote);
  const fit = fitBradleyTerry(ordered.map(checkpointId), pairVotes);
  const ratings = fit.ratings.map(({ id, ...rating }) => ({ ...parseCheckpointId(id), ...rating }));

  const tagCounts = new Map<string, number>();
  for (const vote of counted) {
    if (vote.winner === null) continue;
    const loser = sameCheckpoint(vote.winner, vote.checkpoints[0]) ? vote.checkpoints[1] : vote.checkpoints[0];
    for (const tag of vote.loserTags) tagCounts.set(`${checkpointId(loser)}|${tag}`, (tagCounts.get(`${checkpointId(loser)}|${tag}`) ?? 0) + 1);
  }

  return {
    setId,
    votes: counted.length,
    reviewers: [...new Set(counted.map((vote) => vote.reviewer))].sort(),
    ratings,
    agreement: measureAgreement(pairVotes),
    mostPreferred: fit.mostPreferred === null ? null : parseCheckpointId(fit.mostPreferred),
    runs: runs.map((run) => {
      const voted = ratings.filter((rating) => rating.runId === run.id && rating.comparisons > 0);
      const top = voted.reduce<SetCheckpointRating | null>((best, rating) => (best === null || rating.score > best.score ? rating : best), null);
      return { runId: run.id, topEpoch: top?.epoch ?? null, recommendedEpoch: run.recommendedEpoch, pickedEpoch: run.pickedEpoch };
    }),
    loserTags: [...tagCounts]
      .map(([key, count]) => {
        const [id, tag] = key.split("|");
        return { ...parseCheckpointId(id), tag: tag as LoserTag, count };
      })
      .sort((x, y) => order.get(x.runId)! - order.get(y.runId)! || x.epoch - y.epoch || LOSER_TAGS.indexOf(x.tag) - LOSER_TAGS.indexOf(y.tag)),
  };
}

/**
 * The next comparison a reviewer sees in a set, or null once they have
 * answered every one: always two checkpoints of different runs, for the same
 * prompt, closest ratings first. Pure.
 */
export function nextSetComparison(
  setId: string,
  runs: readonly SetRunForReview[],
  votes: readonly StoredSetVote[],
  reviewer: string,
  promptCount: number,
): { a: SetCheckpoint; b: SetCheckpoint; promptIndex: number; aOnLeft: boolean } | null {
  const ratings = setRatingsFrom(setId, runs, votes);
  const scores = new Map(ratings.ratings.map((rating) => [checkpointId(rating), rating.score]));
  const pair = nextPair({
    items: setCheckpoints(runs).map((checkpoint) => ({ id: checkpointId(checkpoint), group: checkpoint.runId, position: checkpoint.epoch })),
    promptCount,
    votes: votes.map(toSetPairVote),
    reviewer,
    seed: hashText(setId),
    scores,
    acrossGroupsOnly: true,
  });
  return pair && { a: parseCheckpointId(pair.a), b: parseCheckpointId(pair.b), promptIndex: pair.promptIndex, aOnLeft: pair.aOnLeft };
}

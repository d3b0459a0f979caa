// Blind review over a run's stored votes, pure (no database, no server-only),
// so the review page computes the next pair and the ratings in the browser
// and unit tests read it directly. Ids handed to lib/review are epochs as text.
import { previewEpochs, SAMPLE_PROMPTS } from "@/lib/preview";
import { fitBradleyTerry, hashText, measureAgreement, nextPair, type Agreement, type PairVote, type Rating, type ScheduledPair } from "@/lib/review";
import { LOSER_TAGS, type LoserTag } from "@/lib/runs/review-tags";

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

export type RunForReview = {
  id: string;
  epochs: number;
  recommendedEpoch: number;
  pickedEpoch: number | null;
  /** The epochs that have samples to show, when not the preview grid's (an imported run's epochs with real samples). */
  epochsToReview?: readonly number[];
  /** Prompts each checkpoint has a sample for, when not the simulated previews' SAMPLE_PROMPTS. */
  promptCount?: number;
};

/** The epochs a review deals: those with samples, else the sample grid's epochs (every epoch of a short run). */
export function reviewEpochs(run: Pick<RunForReview, "epochs" | "recommendedEpoch" | "pickedEpoch" | "epochsToReview">): number[] {
  if (run.epochsToReview) return [...run.epochsToReview];
  return previewEpochs(run.epochs, [run.recommendedEpoch, run.pickedEpoch]);
}

/** A vote as lib/review reads it, given the ids of its two checkpoints (A first) and of the winner (null for "can't tell"). */
export function pairVoteOf(vote: Pick<StoredVote, "reviewer" | "promptIndex">, a: string, b: string, winner: string | null): PairVote {
  return { reviewer: vote.reviewer, a, b, promptIndex: vote.promptIndex, outcome: winner === null ? "tie" : winner === a ? "a" : "b" };
}

/** A stored vote as lib/review reads it: ids are epochs as text, A the lower epoch. */
export function toPairVote(vote: Pick<StoredVote, "reviewer" | "promptIndex" | "epochs" | "winner">): PairVote {
  const [low, high] = vote.epochs;
  return pairVoteOf(vote, String(low), String(high), vote.winner === null ? null : String(vote.winner));
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

/** The next comparison a reviewer sees, as epochs, or null when they have answered every one. Pure. */
export function nextComparison(run: RunForReview, votes: readonly StoredVote[], reviewer: string): { a: number; b: number; promptIndex: number; aOnLeft: boolean } | null {
  const ratings = ratingsFrom(run, votes);
  const scores = new Map(ratings.ratings.map((rating) => [String(rating.epoch), rating.score]));
  const pair: ScheduledPair | null = nextPair({
    items: reviewEpochs(run).map((epoch) => ({ id: String(epoch), group: run.id, position: epoch })),
    promptCount: run.promptCount ?? SAMPLE_PROMPTS.length,
    votes: votes.map(toPairVote),
    reviewer,
    seed: hashText(run.id),
    scores,
  });
  return pair && { a: Number(pair.a), b: Number(pair.b), promptIndex: pair.promptIndex, aOnLeft: pair.aOnLeft };
}

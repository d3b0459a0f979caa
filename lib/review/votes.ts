// Pairwise votes on checkpoints: the shape every review computation reads.

/** A reviewer's answer: the checkpoint labelled A won, B won, or the two could not be told apart. */
export type VoteOutcome = "a" | "b" | "tie";

export const VOTE_OUTCOMES: readonly VoteOutcome[] = ["a", "b", "tie"];

/** One blind comparison: two checkpoints (by id) shown for one prompt, and the answer. */
export interface PairVote {
  reviewer: string;
  /** Checkpoint shown as A. */
  a: string;
  /** Checkpoint shown as B. */
  b: string;
  promptIndex: number;
  outcome: VoteOutcome;
}

/** A's share of the win: 1, 0 or ½ for "can't tell". */
export function winShareOfA(outcome: VoteOutcome): number {
  return outcome === "a" ? 1 : outcome === "b" ? 0 : 0.5;
}

/** The key of an unordered pair of checkpoints: the same whichever was shown as A. */
export function pairKey(first: string, second: string): string {
  return first < second ? `${first}|${second}` : `${second}|${first}`;
}

// Which pair a reviewer sees next. Informative pairs first: neighbouring
// epochs, and checkpoints whose current ratings are close (a vote between them
// moves the fit most); prompts in turn so every prompt gets covered; never a
// comparison this reviewer has already answered; the A label and the left
// position drawn from a seed, so the same review link deals the same cards.
import { createRandom, mixSeed } from "@/lib/sim/random";
import { pairKey, type PairVote } from "./votes";

/** A checkpoint that can be shown: `group` is its run, `position` its epoch. */
export interface ReviewItem {
  id: string;
  group: string;
  position: number;
}

export interface ScheduleInput {
  items: readonly ReviewItem[];
  /** How many prompts each checkpoint has samples for (prompt indices 0…promptCount−1). */
  promptCount: number;
  /** Every vote so far, by anyone. */
  votes: readonly PairVote[];
  reviewer: string;
  seed: number;
  /** Current scores by id (Bradley–Terry logits); missing ids count as 0. */
  scores?: ReadonlyMap<string, number>;
  /** Only pairs of checkpoints from different groups (runs): a review across runs. */
  acrossGroupsOnly?: boolean;
}

export interface ScheduledPair {
  /** Checkpoint labelled A. */
  a: string;
  /** Checkpoint labelled B. */
  b: string;
  promptIndex: number;
  /** True when A is drawn on the left (or on top on a phone). */
  aOnLeft: boolean;
}

/** Weight of "neighbouring epochs of one run" against rating closeness (p(1−p) is at most 0.25). */
export const ADJACENT_WEIGHT = 0.25;

/**
 * The next comparison for a reviewer, or null once they have answered every one.
 * @example nextPair({ items, promptCount: 3, votes: [], reviewer: "ana", seed: 7 }) // → { a: "e7", b: "e6", promptIndex: 1, aOnLeft: false }
 */
export function nextPair(input: ScheduleInput): ScheduledPair | null {
  const { items, promptCount, votes, reviewer } = input;
  if (items.length < 2 || promptCount < 1) return null;
  const seen = new Set<string>();
  const pairVotes = new Map<string, number>();
  const promptVotes = new Array<number>(promptCount).fill(0);
  for (const vote of votes) {
    const key = pairKey(vote.a, vote.b);
    if (vote.reviewer === reviewer) seen.add(`${key}#${vote.promptIndex}`);
    pairVotes.set(key, (pairVotes.get(key) ?? 0) + 1);
    if (vote.promptIndex >= 0 && vote.promptIndex < promptCount) promptVotes[vote.promptIndex]++;
  }

  const random = createRandom(mixSeed(input.seed, hashText(`${reviewer}#${votes.length}`)));
  // Prompts with the fewest votes first (ties in a seeded order), so every prompt is reached in turn.
  const prompts = Array.from({ length: promptCount }, (_, p) => ({ p, votes: promptVotes[p], tie: random() }))
    .sort((x, y) => x.votes - y.votes || x.tie - y.tie)
    .map(({ p }) => p);

  const ranked = rankPairs(items, input.scores, pairVotes, random, input.acrossGroupsOnly ?? false);
  for (const promptIndex of prompts) {
    for (const [first, second] of ranked) {
      if (seen.has(`${pairKey(first.id, second.id)}#${promptIndex}`)) continue;
      const swap = random() < 0.5;
      return { a: swap ? second.id : first.id, b: swap ? first.id : second.id, promptIndex, aOnLeft: random() < 0.5 };
    }
  }
  return null;
}

/**
 * A reviewer's next `count` comparisons, as if each were answered in turn
 * (each counts as seen before the next is chosen).
 */
export function schedulePairs(input: ScheduleInput, count: number): ScheduledPair[] {
  const pairs: ScheduledPair[] = [];
  const votes = [...input.votes];
  for (let k = 0; k < count; k++) {
    const pair = nextPair({ ...input, votes });
    if (!pair) break;
    pairs.push(pair);
    votes.push({ reviewer: input.reviewer, a: pair.a, b: pair.b, promptIndex: pair.promptIndex, outcome: "tie" });
  }
  return pairs;
}

/** How much a vote on a pair is worth: closeness of ratings plus neighbouring epochs, shared out among the votes it already has. */
export function pairInformation(first: ReviewItem, second: ReviewItem, scores: ReadonlyMap<string, number> | undefined, existingVotes: number): number {
  const difference = (scores?.get(first.id) ?? 0) - (scores?.get(second.id) ?? 0);
  const p = 1 / (1 + Math.exp(-difference));
  const distance = first.group === second.group ? Math.abs(first.position - second.position) : Infinity;
  const adjacency = distance === 0 ? 0 : ADJACENT_WEIGHT / distance;
  return (p * (1 - p) + adjacency) / (1 + existingVotes);
}

function rankPairs(items: readonly ReviewItem[], scores: ReadonlyMap<string, number> | undefined, pairVotes: Map<string, number>, random: () => number, acrossGroupsOnly: boolean) {
  const candidates: { pair: [ReviewItem, ReviewItem]; value: number; tie: number }[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (items[i].id === items[j].id || (acrossGroupsOnly && items[i].group === items[j].group)) continue;
      const value = pairInformation(items[i], items[j], scores, pairVotes.get(pairKey(items[i].id, items[j].id)) ?? 0);
      candidates.push({ pair: [items[i], items[j]], value, tie: random() });
    }
  }
  return candidates.sort((x, y) => y.value - x.value || x.tie - y.tie).map(({ pair }) => pair);
}

/** FNV-1a: a 32-bit number from a text, to mix a reviewer's name into the seed. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

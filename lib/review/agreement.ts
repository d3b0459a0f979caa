// Agreement between reviewers on the same comparisons. A comparison (the unit)
// is an unordered pair of checkpoints on one prompt; each reviewer's value is
// which of the two they preferred (or "can't tell"), read in the pair's own
// order so that the A/B labels drawn for each reviewer do not matter.
import { pairKey, type PairVote, type VoteOutcome } from "./votes";

export interface Agreement {
  /** Comparisons that two or more reviewers answered. */
  sharedComparisons: number;
  /** Pairs of reviewers' answers on those comparisons. */
  answerPairs: number;
  /** Share of those answer pairs that agree (0–1), or null with no shared comparison. */
  percentAgreement: number | null;
  /**
   * Krippendorff's alpha for nominal data over the shared comparisons:
   * 1 − observed / expected disagreement; 1 is perfect agreement, 0 is what
   * chance would give, negative is systematic disagreement. Null when it is
   * undefined (no shared comparison, or every answer the same).
   */
  krippendorffAlpha: number | null;
}

/** The method named on pages beside the figures. */
export const AGREEMENT_METHOD = "Krippendorff's alpha (nominal) over comparisons answered by two or more reviewers, and the share of agreeing answer pairs";

type CanonicalAnswer = "first" | "second" | "tie";

/**
 * Measures how far reviewers agree. A reviewer's repeated vote on the same
 * comparison counts once (their latest).
 * @example measureAgreement(votes).krippendorffAlpha // → 0.82
 */
export function measureAgreement(votes: readonly PairVote[]): Agreement {
  // unit → reviewer → answer
  const units = new Map<string, Map<string, CanonicalAnswer>>();
  for (const vote of votes) {
    if (vote.a === vote.b) continue;
    const key = `${pairKey(vote.a, vote.b)}#${vote.promptIndex}`;
    const answers = units.get(key) ?? new Map<string, CanonicalAnswer>();
    answers.set(vote.reviewer, canonical(vote.a, vote.b, vote.outcome));
    units.set(key, answers);
  }

  // Coincidence counts (Krippendorff): o[c][k] over pairable values.
  const categories: CanonicalAnswer[] = ["first", "second", "tie"];
  const coincidence = new Map<string, number>();
  const totals = new Map<CanonicalAnswer, number>();
  let shared = 0;
  let answerPairs = 0;
  let agreeingPairs = 0;
  let pairable = 0;
  for (const answers of units.values()) {
    const values = [...answers.values()];
    const m = values.length;
    if (m < 2) continue;
    shared++;
    pairable += m;
    for (let x = 0; x < m; x++) {
      totals.set(values[x], (totals.get(values[x]) ?? 0) + 1);
      for (let y = 0; y < m; y++) {
        if (x === y) continue;
        const cell = `${values[x]}>${values[y]}`;
        coincidence.set(cell, (coincidence.get(cell) ?? 0) + 1 / (m - 1));
        if (y > x) {
          answerPairs++;
          if (values[x] === values[y]) agreeingPairs++;
        }
      }
    }
  }

  let alpha: number | null = null;
  if (pairable > 1) {
    let observed = 0;
    let expected = 0;
    for (const c of categories) {
      for (const k of categories) {
        if (c === k) continue;
        observed += coincidence.get(`${c}>${k}`) ?? 0;
        expected += (totals.get(c) ?? 0) * (totals.get(k) ?? 0);
      }
    }
    observed /= pairable;
    expected /= pairable * (pairable - 1);
    alpha = expected > 0 ? 1 - observed / expected : null;
  }

  return {
    sharedComparisons: shared,
    answerPairs,
    percentAgreement: answerPairs > 0 ? agreeingPairs / answerPairs : null,
    krippendorffAlpha: alpha,
  };
}

function canonical(a: string, b: string, outcome: VoteOutcome): CanonicalAnswer {
  if (outcome === "tie") return "tie";
  const winner = outcome === "a" ? a : b;
  return winner === (a < b ? a : b) ? "first" : "second";
}

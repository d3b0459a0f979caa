import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGaussian, createRandom } from "@/lib/sim/random";
import { fitBradleyTerry, preferenceProbability } from "./bradley-terry";
import type { PairVote, VoteOutcome } from "./votes";

const vote = (a: string, b: string, outcome: VoteOutcome, reviewer = "ana", promptIndex = 0): PairVote => ({ reviewer, a, b, promptIndex, outcome });

/** Spearman's rank correlation between two equally long lists of numbers (no ties expected). */
function spearman(x: number[], y: number[]): number {
  const rank = (values: number[]) => {
    const order = values.map((v, i) => [v, i] as const).sort((p, q) => p[0] - q[0]);
    const ranks = new Array<number>(values.length);
    order.forEach(([, i], r) => (ranks[i] = r));
    return ranks;
  };
  const rx = rank(x);
  const ry = rank(y);
  const n = x.length;
  const d2 = rx.reduce((sum, r, i) => sum + (r - ry[i]) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/**
 * Voters who hold a true preference order: each sees a random pair and judges
 * through Gaussian perception noise (a Thurstone voter, not the fitted model
 * itself); when the two perceived values are within `tieBand` they answer "can't tell".
 */
function simulateVoters(truth: number[], votes: number, seed: number, noise = 1, tieBand = 0.2): PairVote[] {
  const random = createRandom(seed);
  const gaussian = createGaussian(random);
  const result: PairVote[] = [];
  for (let k = 0; k < votes; k++) {
    const i = Math.floor(random() * truth.length);
    let j = Math.floor(random() * (truth.length - 1));
    if (j >= i) j++;
    const seenI = truth[i] + noise * gaussian();
    const seenJ = truth[j] + noise * gaussian();
    const outcome: VoteOutcome = Math.abs(seenI - seenJ) < tieBand ? "tie" : seenI > seenJ ? "a" : "b";
    result.push(vote(`c${i}`, `c${j}`, outcome, `reviewer-${k % 3}`, k % 4));
  }
  return result;
}

describe("fitBradleyTerry", () => {
  it("gives every checkpoint score 0 and the prior's uncertainty when nobody has voted", () => {
    const fit = fitBradleyTerry(["e1", "e2", "e3"], []);
    expect(fit.mostPreferred).toBeNull();
    expect(fit.votes).toBe(0);
    for (const rating of fit.ratings) {
      expect(rating.score).toBeCloseTo(0, 9);
      // The prior's sd 2 on each strength, seen through the centring: 2·√(1 − 1/3).
      expect(rating.standardError).toBeCloseTo(2 * Math.sqrt(2 / 3), 6);
    }
  });

  it("stays finite with one vote and an unbeaten checkpoint, and prefers the winner", () => {
    const fit = fitBradleyTerry(["e6", "e8"], [vote("e8", "e6", "a")]);
    const [e6, e8] = fit.ratings;
    expect(fit.mostPreferred).toBe("e8");
    expect(Number.isFinite(e8.score)).toBe(true);
    expect(e8.score).toBeGreaterThan(e6.score);
    expect(e8.score - e6.score).toBeLessThan(3);
    expect(e8).toMatchObject({ wins: 1, losses: 0, ties: 0, comparisons: 1 });
    expect(e6).toMatchObject({ wins: 0, losses: 1, ties: 0, comparisons: 1 });
  });

  it("reads 'can't tell' as half a win each: a tie and a split decision fit the same", () => {
    const ties = fitBradleyTerry(["x", "y"], [vote("x", "y", "tie"), vote("x", "y", "tie")]);
    const split = fitBradleyTerry(["x", "y"], [vote("x", "y", "a"), vote("x", "y", "b")]);
    expect(ties.ratings[0].score).toBeCloseTo(0, 9);
    expect(ties.ratings.map((r) => r.score)).toEqual(split.ratings.map((r) => expect.closeTo(r.score, 9)));
    expect(ties.ratings[0].ties).toBe(2);
  });

  it("does not care which checkpoint was labelled A", () => {
    const one = fitBradleyTerry(["p", "q", "r"], [vote("p", "q", "a"), vote("q", "r", "tie"), vote("r", "p", "b")]);
    const swapped = fitBradleyTerry(["p", "q", "r"], [vote("q", "p", "b"), vote("r", "q", "tie"), vote("p", "r", "a")]);
    one.ratings.forEach((rating, k) => expect(swapped.ratings[k].score).toBeCloseTo(rating.score, 9));
  });

  it("ignores votes on unknown checkpoints or on a checkpoint against itself", () => {
    const fit = fitBradleyTerry(["a1", "a2"], [vote("a1", "zz", "a"), vote("a1", "a1", "a"), vote("a2", "a1", "a")]);
    expect(fit.votes).toBe(1);
    expect(fit.mostPreferred).toBe("a2");
  });

  it("grows more certain with more votes", () => {
    const few = fitBradleyTerry(["u", "v"], [vote("u", "v", "a"), vote("u", "v", "b")]);
    const many = fitBradleyTerry(
      ["u", "v"],
      Array.from({ length: 40 }, (_, k) => vote("u", "v", k % 2 ? "a" : "b")),
    );
    expect(many.ratings[0].standardError).toBeLessThan(few.ratings[0].standardError / 2);
  });

  it("recovers a known preference order from noisy simulated voters, over many seeds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 5, max: 10 }), (seed, count) => {
        // True strengths 0.8 logits apart, shuffled across ids so the order is not the id order.
        const order = createRandom(seed ^ 0x5bd1e995);
        const truth = Array.from({ length: count }, (_, k) => 0.8 * k).sort(() => order() - 0.5);
        const ids = truth.map((_, k) => `c${k}`);
        const fit = fitBradleyTerry(ids, simulateVoters(truth, 60 * count, seed));
        const scores = fit.ratings.map((r) => r.score);
        expect(spearman(scores, truth)).toBeGreaterThan(0.85);
        // The truly best checkpoint is the most preferred or within two standard errors of it.
        const best = fit.ratings[truth.indexOf(Math.max(...truth))];
        const top = fit.ratings.find((r) => r.id === fit.mostPreferred)!;
        expect(top.score - best.score).toBeLessThanOrEqual(2 * Math.hypot(top.standardError, best.standardError));
      }),
      { numRuns: 60 },
    );
  });

  it("is calibrated: the true best lies inside the fitted uncertainty, and the fitted probabilities follow the truth", () => {
    const truth = [0, 0.5, 1, 1.5, 2];
    const fit = fitBradleyTerry(
      truth.map((_, k) => `c${k}`),
      simulateVoters(truth, 3000, 11, 1, 0),
    );
    // A Thurstone voter with noise 1 per side prefers a 2-logit gap with Φ(2/√2) ≈ 0.92.
    expect(preferenceProbability(fit.ratings[4], fit.ratings[0])).toBeGreaterThan(0.85);
    expect(preferenceProbability(fit.ratings[4], fit.ratings[0])).toBeLessThan(0.97);
    for (let k = 1; k < truth.length; k++) expect(fit.ratings[k].score).toBeGreaterThan(fit.ratings[k - 1].score);
  });
});

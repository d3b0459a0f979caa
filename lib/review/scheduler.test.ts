import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextPair, pairInformation, schedulePairs, type ReviewItem } from "./scheduler";
import { pairKey, type PairVote } from "./votes";

const epochs = (count: number, group = "run"): ReviewItem[] => Array.from({ length: count }, (_, k) => ({ id: `${group}-e${k + 1}`, group, position: k + 1 }));
const position = (id: string) => Number(id.split("-e")[1]);

describe("nextPair", () => {
  it("offers nothing with fewer than two checkpoints or no prompt", () => {
    expect(nextPair({ items: epochs(1), promptCount: 3, votes: [], reviewer: "ana", seed: 1 })).toBeNull();
    expect(nextPair({ items: epochs(4), promptCount: 0, votes: [], reviewer: "ana", seed: 1 })).toBeNull();
  });

  it("starts with neighbouring epochs before any rating exists", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 3, max: 12 }), (seed, count) => {
        const pair = nextPair({ items: epochs(count), promptCount: 3, votes: [], reviewer: "ana", seed })!;
        expect(Math.abs(position(pair.a) - position(pair.b))).toBe(1);
      }),
    );
  });

  it("prefers checkpoints whose ratings are close over a lopsided pair", () => {
    const scores = new Map([
      ["run-e1", -3],
      ["run-e2", 3],
      ["run-e3", 3.1],
    ]);
    const pair = nextPair({ items: epochs(3), promptCount: 1, votes: [], reviewer: "ana", seed: 4, scores })!;
    expect(pairKey(pair.a, pair.b)).toBe(pairKey("run-e2", "run-e3"));
  });

  it("never shows a reviewer the same comparison twice, covers every prompt, and runs out only when all are seen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 4 }), (seed, count, promptCount) => {
        const items = epochs(count);
        const all = ((count * (count - 1)) / 2) * promptCount;
        const pairs = schedulePairs({ items, promptCount, votes: [], reviewer: "ana", seed }, all + 5);
        expect(pairs).toHaveLength(all);
        const keys = pairs.map((p) => `${pairKey(p.a, p.b)}#${p.promptIndex}`);
        expect(new Set(keys).size).toBe(all);
        // Every prompt is reached within the first promptCount comparisons.
        expect(new Set(pairs.slice(0, promptCount).map((p) => p.promptIndex)).size).toBe(promptCount);
      }),
      { numRuns: 60 },
    );
  });

  it("lets a second reviewer see a comparison the first one already answered", () => {
    const items = epochs(2);
    const votes: PairVote[] = [{ reviewer: "ana", a: "run-e1", b: "run-e2", promptIndex: 0, outcome: "a" }];
    expect(nextPair({ items, promptCount: 1, votes, reviewer: "ana", seed: 3 })).toBeNull();
    expect(nextPair({ items, promptCount: 1, votes, reviewer: "ben", seed: 3 })).not.toBeNull();
  });

  it("is the same for the same seed, and randomises the A label and the side over seeds", () => {
    const input = { items: epochs(6), promptCount: 2, votes: [], reviewer: "ana" };
    expect(nextPair({ ...input, seed: 9 })).toEqual(nextPair({ ...input, seed: 9 }));
    const draws = Array.from({ length: 200 }, (_, seed) => nextPair({ ...input, seed })!);
    const earlierIsA = draws.filter((p) => position(p.a) < position(p.b)).length;
    const aOnLeft = draws.filter((p) => p.aOnLeft).length;
    expect(earlierIsA).toBeGreaterThan(60);
    expect(earlierIsA).toBeLessThan(140);
    expect(aOnLeft).toBeGreaterThan(60);
    expect(aOnLeft).toBeLessThan(140);
  });

  it("spreads votes: a pair already voted on many times yields to a fresh neighbouring pair", () => {
    const items = epochs(3);
    const votes: PairVote[] = Array.from({ length: 6 }, (_, k) => ({ reviewer: `r${k}`, a: "run-e1", b: "run-e2", promptIndex: 0, outcome: "a" }));
    const pair = nextPair({ items, promptCount: 1, votes, reviewer: "new", seed: 2 })!;
    expect(pairKey(pair.a, pair.b)).toBe(pairKey("run-e2", "run-e3"));
  });
});

describe("nextPair across runs", () => {
  it("deals only checkpoints of different runs when asked, until every such comparison is seen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (seed, left, right) => {
        const items = [...epochs(left, "one"), ...epochs(right, "two")];
        const all = left * right * 2;
        const pairs = schedulePairs({ items, promptCount: 2, votes: [], reviewer: "ana", seed, acrossGroupsOnly: true }, all + 3);
        expect(pairs).toHaveLength(all);
        for (const pair of pairs) expect(pair.a.split("-")[0]).not.toBe(pair.b.split("-")[0]);
      }),
      { numRuns: 40 },
    );
  });
});

describe("pairInformation", () => {
  it("values neighbouring epochs above distant ones, and checkpoints of different runs by their ratings only", () => {
    const [e1, e2, e5] = [1, 2, 5].map((p) => ({ id: `e${p}`, group: "run", position: p }));
    const other = { id: "x1", group: "other", position: 2 };
    expect(pairInformation(e1, e2, undefined, 0)).toBeGreaterThan(pairInformation(e1, e5, undefined, 0));
    expect(pairInformation(e1, other, undefined, 0)).toBeCloseTo(0.25, 12);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGaussian, createRandom } from "@/lib/sim/random";
import {
  checkpointId,
  nextSetComparison,
  orderCheckpoints,
  reviewSetKey,
  setPromptCount,
  setRatingsFrom,
  type SetCheckpoint,
  type SetRunForReview,
  type StoredSetVote,
} from "@/lib/server/runs/review-set-logic";

const runs: SetRunForReview[] = [
  { id: "runA", name: "A", epochs: 4, recommendedEpoch: 3, pickedEpoch: null },
  { id: "runB", name: "B", epochs: 4, recommendedEpoch: 2, pickedEpoch: 4 },
  { id: "runC", name: "C", epochs: 3, recommendedEpoch: 2, pickedEpoch: null },
];

let counter = 0;
function vote(reviewer: string, promptIndex: number, x: SetCheckpoint, y: SetCheckpoint, winner: SetCheckpoint | null, loserTags: StoredSetVote["loserTags"] = []): StoredSetVote {
  return { id: `v${counter++}`, setId: "set", reviewer, promptIndex, checkpoints: orderCheckpoints(x, y), winner, loserTags, createdAt: new Date(0).toISOString() };
}

describe("a review across runs", () => {
  it("is one review per choice of runs, whatever their order", () => {
    expect(reviewSetKey(["b", "a", "b"])).toBe(reviewSetKey(["a", "b"]));
    expect(reviewSetKey(["a", "c"])).not.toBe(reviewSetKey(["a", "b"]));
  });

  it("compares the fewest prompts any run has samples for", () => {
    expect(setPromptCount(runs, 3)).toBe(3);
    expect(setPromptCount([...runs, { ...runs[0], id: "imported", promptCount: 2 }], 3)).toBe(2);
    expect(setPromptCount([], 3)).toBe(3);
  });

  it("deals only pairs of checkpoints of different runs, never the same one twice to a reviewer, and covers every prompt", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), (reviewer) => {
        const votes: StoredSetVote[] = [];
        const seen = new Set<string>();
        const prompts = new Set<number>();
        const total = (4 * 4 + 4 * 3 + 4 * 3) * 3; // cross-run pairs × prompts
        for (let k = 0; k < total; k++) {
          const next = nextSetComparison("set-1", runs, votes, reviewer, 3);
          expect(next).not.toBeNull();
          expect(next!.a.runId).not.toBe(next!.b.runId);
          const key = `${orderCheckpoints(next!.a, next!.b).map(checkpointId).join("|")}#${next!.promptIndex}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          prompts.add(next!.promptIndex);
          votes.push(vote(reviewer, next!.promptIndex, next!.a, next!.b, null));
        }
        expect(prompts).toEqual(new Set([0, 1, 2]));
        expect(nextSetComparison("set-1", runs, votes, reviewer, 3)).toBeNull();
      }),
      { numRuns: 3 },
    );
  });

  it("recovers a known preference order across runs from noisy simulated voters, and names each run's top checkpoint", () => {
    // The truth: run B is best at epoch 3, run A at epoch 2; run C is worse throughout.
    const truth = new Map<string, number>([
      ["runA@1", 0.2],
      ["runA@2", 1.4],
      ["runA@3", 1.0],
      ["runA@4", 0.4],
      ["runB@1", 0.0],
      ["runB@2", 1.2],
      ["runB@3", 2.2],
      ["runB@4", 1.6],
      ["runC@1", -1.0],
      ["runC@2", -0.4],
      ["runC@3", -0.8],
    ]);
    const random = createRandom(7);
    const gaussian = createGaussian(random);
    const votes: StoredSetVote[] = [];
    for (let k = 0; k < 900; k++) {
      const reviewer = `reviewer-${k % 3}`;
      const next = nextSetComparison("set-2", runs, votes, reviewer, 3);
      if (!next) break;
      const a = truth.get(checkpointId(next.a))! + 0.8 * gaussian();
      const b = truth.get(checkpointId(next.b))! + 0.8 * gaussian();
      votes.push(vote(reviewer, next.promptIndex, next.a, next.b, Math.abs(a - b) < 0.1 ? null : a > b ? next.a : next.b, ["fried"]));
    }
    const ratings = setRatingsFrom("set-2", runs, votes);
    expect(ratings.mostPreferred).toEqual({ runId: "runB", epoch: 3 });
    expect(ratings.runs.find((run) => run.runId === "runA")!.topEpoch).toBe(2);
    expect(ratings.runs.find((run) => run.runId === "runB")).toMatchObject({ topEpoch: 3, recommendedEpoch: 2, pickedEpoch: 4 });
    const score = (id: string) => ratings.ratings.find((rating) => checkpointId(rating) === id)!.score;
    expect(score("runB@3")).toBeGreaterThan(score("runA@2"));
    expect(score("runA@2")).toBeGreaterThan(score("runC@2"));
    expect(ratings.reviewers).toEqual(["reviewer-0", "reviewer-1", "reviewer-2"]);
    expect(ratings.loserTags.every((entry) => entry.tag === "fried")).toBe(true);
  });

  it("leaves out votes naming a run no longer in the set", () => {
    const votes = [
      vote("ana", 0, { runId: "runA", epoch: 1 }, { runId: "gone", epoch: 2 }, { runId: "gone", epoch: 2 }),
      vote("ana", 0, { runId: "runA", epoch: 1 }, { runId: "runB", epoch: 2 }, { runId: "runB", epoch: 2 }),
    ];
    const ratings = setRatingsFrom("set", runs, votes);
    expect(ratings.votes).toBe(1);
    expect(ratings.mostPreferred).toEqual({ runId: "runB", epoch: 2 });
    expect(ratings.runs.find((run) => run.runId === "runC")!.topEpoch).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { db } from "@/lib/server/db";
import { localWriteAccess } from "@/lib/server/auth/write-access";
import { createRun } from "@/lib/server/runs/runs";
import { InputError, NotFoundError } from "@/lib/errors";
import { castVote, getRatings, listVotes, nextComparison, ratingsFrom, reviewEpochs, type StoredVote } from "@/lib/server/runs/votes";

const access = localWriteAccess();
const name = () => `v${Math.random().toString(36).slice(2, 10)} votes`;

describe("castVote", () => {
  it("stores a vote with the pair lower epoch first, and reads it back", async () => {
    const run = await createRun(access, { name: name(), images: 10, epochs: 6, seed: 4 });
    const vote = await castVote(access, run.id, { reviewer: " Ana ", promptIndex: 1, a: 5, b: 3, winner: 3, loserTags: ["fried"] });
    expect(vote).toMatchObject({ reviewer: "Ana", promptIndex: 1, epochs: [3, 5], winner: 3, loserTags: ["fried"] });
    expect(await listVotes(run.id)).toEqual([vote]);
  });

  it("refuses an unknown checkpoint with the field named, and stores nothing", async () => {
    const run = await createRun(access, { name: name(), images: 10, epochs: 6, seed: 4 });
    await expect(castVote(access, run.id, { reviewer: "ana", promptIndex: 0, a: 2, b: 9, winner: 2 })).rejects.toMatchObject({ status: 400, fields: { b: expect.stringContaining("1 to 6") } });
    await expect(castVote(access, run.id, { reviewer: "ana", promptIndex: 0, a: 2, b: 3, winner: 4 })).rejects.toMatchObject({ status: 400, fields: { winner: expect.any(String) } });
    await expect(castVote(access, run.id, { reviewer: "ana", promptIndex: 9, a: 2, b: 3, winner: 2 })).rejects.toMatchObject({ status: 400, fields: { promptIndex: expect.any(String) } });
    await expect(castVote(access, run.id, { reviewer: "", promptIndex: 0, a: 2, b: 3, winner: 2 })).rejects.toMatchObject({ fields: { reviewer: expect.any(String) } });
    await expect(castVote(access, run.id, { reviewer: "ana", promptIndex: 0, a: 2, b: 3, winner: null, loserTags: ["rigid"] })).rejects.toMatchObject({ fields: { loserTags: expect.any(String) } });
    await expect(castVote(access, run.id, { reviewer: "ana", promptIndex: 0, a: 2, b: 3, winner: 2, loserTags: ["blurry"] })).rejects.toBeInstanceOf(InputError);
    expect(await db.vote.count({ where: { runId: run.id } })).toBe(0);
  });

  it("refuses the same comparison twice by one reviewer (409), whichever was shown as A, and allows another reviewer", async () => {
    const run = await createRun(access, { name: name(), images: 10, epochs: 6, seed: 4 });
    await castVote(access, run.id, { reviewer: "ana", promptIndex: 0, a: 2, b: 3, winner: 2 });
    await expect(castVote(access, run.id, { reviewer: "ana", promptIndex: 0, a: 3, b: 2, winner: null })).rejects.toMatchObject({ status: 409 });
    await castVote(access, run.id, { reviewer: "ben", promptIndex: 0, a: 3, b: 2, winner: null });
    await castVote(access, run.id, { reviewer: "ana", promptIndex: 1, a: 3, b: 2, winner: 3 });
    expect(await db.vote.count({ where: { runId: run.id } })).toBe(3);
  });

  it("answers 404 for an unknown run", async () => {
    await expect(castVote(access, "no-such-run", { reviewer: "ana", promptIndex: 0, a: 1, b: 2, winner: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("ratings", () => {
  it("puts the epoch reviewers prefer on top, beside the recommendation and the pick", async () => {
    const run = await createRun(access, { name: name(), images: 10, epochs: 5, seed: 8 });
    for (const [reviewer, prompt] of [
      ["ana", 0],
      ["ben", 0],
      ["ana", 1],
    ] as const) {
      for (const other of [1, 2, 3, 5]) await castVote(access, run.id, { reviewer, promptIndex: prompt, a: 4, b: other, winner: 4 });
    }
    const ratings = await getRatings(run.id);
    expect(ratings.mostPreferredEpoch).toBe(4);
    expect(ratings.votes).toBe(12);
    expect(ratings.reviewers).toEqual(["ana", "ben"]);
    expect(ratings.recommendedEpoch).toBe(run.recommendedEpoch);
    expect(ratings.pickedEpoch).toBeNull();
    expect(ratings.agreement.percentAgreement).toBe(1);
    expect(ratings.ratings.map((r) => r.epoch)).toEqual([1, 2, 3, 4, 5]);
  });

  it("recovers a hidden preference order from simulated reviewers (property)", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([1, 2, 3, 4, 5, 6], { minLength: 6, maxLength: 6 }), (order) => {
        // order[0] is the favourite; each reviewer answers every pair on two prompts by that order.
        const rank = new Map(order.map((epoch, i) => [epoch, i]));
        const votes: StoredVote[] = [];
        for (const reviewer of ["ana", "ben"]) {
          for (let low = 1; low <= 6; low++) {
            for (let high = low + 1; high <= 6; high++) {
              for (const promptIndex of [0, 1]) {
                const winner = rank.get(low)! < rank.get(high)! ? low : high;
                votes.push({ id: `${reviewer}${low}${high}${promptIndex}`, runId: "r", reviewer, promptIndex, epochs: [low, high], winner, loserTags: [], createdAt: "" });
              }
            }
          }
        }
        const result = ratingsFrom({ id: "r", epochs: 6, recommendedEpoch: 3, pickedEpoch: null }, votes);
        const fitted = [...result.ratings].sort((x, y) => y.score - x.score).map((r) => r.epoch);
        expect(fitted).toEqual(order);
        expect(result.mostPreferredEpoch).toBe(order[0]);
      }),
      { numRuns: 40 },
    );
  });

  it("tallies loser tags on the epoch that lost", () => {
    const votes: StoredVote[] = [
      { id: "1", runId: "r", reviewer: "ana", promptIndex: 0, epochs: [2, 6], winner: 2, loserTags: ["fried", "rigid"], createdAt: "" },
      { id: "2", runId: "r", reviewer: "ben", promptIndex: 0, epochs: [2, 6], winner: 2, loserTags: ["fried"], createdAt: "" },
    ];
    expect(ratingsFrom({ id: "r", epochs: 6, recommendedEpoch: 3, pickedEpoch: 2 }, votes).loserTags).toEqual([
      { epoch: 6, tag: "fried", count: 2 },
      { epoch: 6, tag: "rigid", count: 1 },
    ]);
  });
});

describe("nextComparison", () => {
  it("never deals a reviewer the same comparison twice, and runs out after every one", () => {
    const run = { id: "run-x", epochs: 3, recommendedEpoch: 2, pickedEpoch: null };
    const votes: StoredVote[] = [];
    const seen = new Set<string>();
    for (let k = 0; k < 100; k++) {
      const next = nextComparison(run, votes, "ana");
      if (!next) break;
      const [low, high] = next.a < next.b ? [next.a, next.b] : [next.b, next.a];
      const key = `${low}-${high}-${next.promptIndex}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      votes.push({ id: key, runId: run.id, reviewer: "ana", promptIndex: next.promptIndex, epochs: [low, high], winner: null, loserTags: [], createdAt: "" });
    }
    expect(seen.size).toBe(3 * 4); // 3 pairs × 4 prompts
    expect(reviewEpochs(run)).toEqual([1, 2, 3]);
  });
});

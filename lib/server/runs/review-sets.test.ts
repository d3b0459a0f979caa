import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { SAMPLE_PROMPTS } from "@/lib/preview";
import { localWriteAccess } from "@/lib/server/auth/write-access";
import { createRun } from "@/lib/server/runs/runs";
import { castSetVote, findReviewSet, getSetRatings, listSetVotes, startReviewSet } from "@/lib/server/runs/review-sets";

const access = localWriteAccess();
const name = () => `s${Math.random().toString(36).slice(2, 10)} set`;

async function twoRuns() {
  const first = await createRun(access, { name: name(), images: 10, epochs: 5, seed: 3 });
  const second = await createRun(access, { name: name(), images: 12, epochs: 6, seed: 4 });
  return [first.id, second.id];
}

describe("review sets", () => {
  it("starts one review per choice of runs: starting it again, in any order, opens the same one", async () => {
    const ids = await twoRuns();
    expect(await findReviewSet(ids)).toBeNull();
    const { set, created } = await startReviewSet(access, { runs: ids });
    expect(created).toBe(true);
    expect(set.runs.map((run) => run.id)).toEqual(ids);
    expect(set.promptCount).toBe(SAMPLE_PROMPTS.length);
    const again = await startReviewSet(access, { runs: [...ids].reverse() });
    expect(again).toMatchObject({ created: false, set: { id: set.id } });
    expect(await findReviewSet([...ids].reverse())).toBe(set.id);
  });

  it("refuses unknown runs and too few runs, naming the field", async () => {
    const [id] = await twoRuns();
    await expect(startReviewSet(access, { runs: [id, "no-such-run"] })).rejects.toMatchObject({ status: 400, fields: { runs: expect.stringContaining("no-such-run") } });
    await expect(startReviewSet(access, { runs: [id] })).rejects.toMatchObject({ status: 400, fields: { runs: expect.any(String) } });
    await expect(startReviewSet(access, { runs: [id, id] })).rejects.toMatchObject({ status: 400 });
  });

  it("stores votes naming run and epoch per side, refuses unknown checkpoints and duplicates, and rates across the runs", async () => {
    const [a, b] = await twoRuns();
    const { set } = await startReviewSet(access, { runs: [a, b] });
    const vote = await castSetVote(access, set.id, { reviewer: "Ana", promptIndex: 1, a: { runId: b, epoch: 4 }, b: { runId: a, epoch: 2 }, winner: { runId: b, epoch: 4 }, loserTags: ["rigid"] });
    expect(vote.winner).toEqual({ runId: b, epoch: 4 });
    expect(vote.checkpoints).toHaveLength(2);

    await expect(castSetVote(access, set.id, { reviewer: "Ana", promptIndex: 0, a: { runId: a, epoch: 9 }, b: { runId: b, epoch: 2 }, winner: null })).rejects.toMatchObject({
      status: 400,
      fields: { a: expect.stringContaining("1 to 5") },
    });
    await expect(castSetVote(access, set.id, { reviewer: "Ana", promptIndex: 0, a: { runId: "elsewhere", epoch: 1 }, b: { runId: b, epoch: 2 }, winner: null })).rejects.toMatchObject({
      status: 400,
      fields: { a: expect.any(String) },
    });
    await expect(castSetVote(access, set.id, { reviewer: "Ana", promptIndex: 0, a: { runId: a, epoch: 1 }, b: { runId: a, epoch: 2 }, winner: null })).rejects.toMatchObject({
      status: 400,
      fields: { b: expect.stringContaining("different run") },
    });
    await expect(castSetVote(access, set.id, { reviewer: "Ana", promptIndex: 5, a: { runId: a, epoch: 1 }, b: { runId: b, epoch: 2 }, winner: null })).rejects.toMatchObject({
      status: 400,
      fields: { promptIndex: expect.any(String) },
    });
    await expect(castSetVote(access, set.id, { reviewer: "Ana", promptIndex: 0, a: { runId: a, epoch: 1 }, b: { runId: b, epoch: 2 }, winner: { runId: b, epoch: 3 } })).rejects.toMatchObject({
      status: 400,
      fields: { winner: expect.any(String) },
    });
    // The same comparison shown the other way round is a duplicate.
    await expect(castSetVote(access, set.id, { reviewer: "Ana", promptIndex: 1, a: { runId: a, epoch: 2 }, b: { runId: b, epoch: 4 }, winner: null })).rejects.toMatchObject({ status: 409 });
    await expect(castSetVote(access, "no-such-set", { reviewer: "Ana", promptIndex: 0, a: { runId: a, epoch: 1 }, b: { runId: b, epoch: 2 }, winner: null })).rejects.toMatchObject({ status: 404 });

    expect(await listSetVotes(set.id)).toEqual([vote]);
    expect(await db.setVote.count({ where: { setId: set.id } })).toBe(1);
    const ratings = await getSetRatings(set.id);
    expect(ratings).toMatchObject({ votes: 1, mostPreferred: { runId: b, epoch: 4 }, reviewers: ["Ana"] });
    expect(ratings.runs.find((run) => run.runId === a)!.topEpoch).toBe(2);
    expect(ratings.loserTags).toEqual([{ runId: a, epoch: 2, tag: "rigid", count: 1 }]);
  });
});

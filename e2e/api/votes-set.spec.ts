// Reviews across runs through the JSON API: start one (the same runs reopen
// it), votes naming run and epoch per side, ratings across the set, and the
// refusals: unknown runs or checkpoints (400 naming the field), a duplicate
// vote (409), an unknown review (404). The write lock's 401 is in votes.spec.
import { expect, test, type APIRequestContext } from "@playwright/test";

async function newRun(request: APIRequestContext, epochs: number): Promise<string> {
  const response = await request.post("/api/runs", { data: { name: `set votes ${Math.random().toString(36).slice(2, 8)}`, images: 10, epochs, seed: 5 } });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

test("a review across runs is started once per choice of runs, stores votes per run and epoch, and rates across them", async ({ request }) => {
  const a = await newRun(request, 5);
  const b = await newRun(request, 6);
  const started = await request.post("/api/reviews", { data: { runs: [a, b] } });
  expect(started.status()).toBe(201);
  const set = await started.json();
  expect(set).toMatchObject({ runs: [{ id: a }, { id: b }], promptCount: 4 });
  expect(started.headers()["location"]).toBe(`/api/reviews/${set.id}`);
  const again = await request.post("/api/reviews", { data: { runs: [b, a] } });
  expect(again.status()).toBe(200);
  expect((await again.json()).id).toBe(set.id);
  expect((await (await request.get(`/api/reviews/${set.id}`)).json()).id).toBe(set.id);

  for (const [reviewer, promptIndex, epoch] of [
    ["ana", 0, 2],
    ["ana", 1, 2],
    ["ben", 0, 2],
    ["ben", 2, 5],
  ] as const) {
    const response = await request.post(`/api/reviews/${set.id}/votes`, {
      data: { reviewer, promptIndex, a: { runId: a, epoch }, b: { runId: b, epoch: 4 }, winner: { runId: b, epoch: 4 }, loserTags: ["fried"] },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
  const ratings = await (await request.get(`/api/reviews/${set.id}/ratings`)).json();
  expect(ratings).toMatchObject({ votes: 4, reviewers: ["ana", "ben"], mostPreferred: { runId: b, epoch: 4 } });
  expect(ratings.runs).toEqual([expect.objectContaining({ runId: a, topEpoch: expect.any(Number) }), expect.objectContaining({ runId: b, topEpoch: 4 })]);
  expect(ratings.agreement.percentAgreement).toBe(1);
  const votes = (await (await request.get(`/api/reviews/${set.id}/votes`)).json()).votes;
  expect(votes).toHaveLength(4);
  expect(votes[0]).toMatchObject({ reviewer: "ana", winner: { runId: b, epoch: 4 }, loserTags: ["fried"] });
});

test("unknown runs or checkpoints, a bad body and a duplicate are refused clearly and store nothing", async ({ request }) => {
  const a = await newRun(request, 5);
  const b = await newRun(request, 6);
  const unknownRun = await request.post("/api/reviews", { data: { runs: [a, "no-such-run"] } });
  expect(unknownRun.status()).toBe(400);
  expect((await unknownRun.json()).error.fields.runs).toMatch(/no-such-run/);
  const tooFew = await request.post("/api/reviews", { data: { runs: [a] } });
  expect(tooFew.status()).toBe(400);
  expect((await tooFew.json()).error.fields).toHaveProperty("runs");

  const set = await (await request.post("/api/reviews", { data: { runs: [a, b] } })).json();
  const url = `/api/reviews/${set.id}/votes`;
  const unknownEpoch = await request.post(url, { data: { reviewer: "ana", promptIndex: 0, a: { runId: a, epoch: 3 }, b: { runId: b, epoch: 40 }, winner: null } });
  expect(unknownEpoch.status()).toBe(400);
  expect((await unknownEpoch.json()).error.fields.b).toMatch(/1 to 6/);
  const otherRun = await request.post(url, { data: { reviewer: "ana", promptIndex: 0, a: { runId: "elsewhere", epoch: 1 }, b: { runId: b, epoch: 2 }, winner: null } });
  expect(otherRun.status()).toBe(400);
  expect((await otherRun.json()).error.fields).toHaveProperty("a");
  const sameRun = await request.post(url, { data: { reviewer: "ana", promptIndex: 0, a: { runId: a, epoch: 1 }, b: { runId: a, epoch: 2 }, winner: null } });
  expect(sameRun.status()).toBe(400);
  const badWinner = await request.post(url, { data: { reviewer: "ana", promptIndex: 0, a: { runId: a, epoch: 1 }, b: { runId: b, epoch: 2 }, winner: { runId: a, epoch: 2 } } });
  expect(badWinner.status()).toBe(400);
  expect((await badWinner.json()).error.fields).toHaveProperty("winner");
  const epochOnly = await request.post(url, { data: { reviewer: "ana", promptIndex: 0, a: 1, b: 2, winner: null } });
  expect(epochOnly.status()).toBe(400);
  expect((await epochOnly.json()).error.fields).toHaveProperty("a");

  expect((await request.post(url, { data: { reviewer: "ana", promptIndex: 0, a: { runId: a, epoch: 1 }, b: { runId: b, epoch: 2 }, winner: null } })).status()).toBe(201);
  const duplicate = await request.post(url, { data: { reviewer: "ana", promptIndex: 0, a: { runId: b, epoch: 2 }, b: { runId: a, epoch: 1 }, winner: { runId: a, epoch: 1 } } });
  expect(duplicate.status()).toBe(409);
  expect((await duplicate.json()).error.message).toMatch(/already compared/);

  expect((await request.post(`/api/reviews/no-such-review/votes`, { data: { reviewer: "ana", promptIndex: 0, a: { runId: a, epoch: 1 }, b: { runId: b, epoch: 2 }, winner: null } })).status()).toBe(
    404,
  );
  expect((await request.get(`/api/reviews/no-such-review/ratings`)).status()).toBe(404);
  expect((await (await request.get(`/api/reviews/${set.id}/ratings`)).json()).votes).toBe(1);
});

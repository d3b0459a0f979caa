// Blind-review votes, ratings and run tags through the JSON API, refusals included:
// an unknown checkpoint (400 naming the field), a duplicate vote (409), and a
// write without access under the write lock (401), each storing nothing.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startServer, type TestServer } from "../support/server";

async function newRun(request: APIRequestContext, baseURL = "", headers: Record<string, string> = {}): Promise<string> {
  const response = await request.post(`${baseURL}/api/runs`, { data: { name: `votes ${Math.random().toString(36).slice(2, 8)}`, images: 10, epochs: 6, seed: 5 }, headers });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

test("a vote is stored and counted in the ratings, with the most preferred epoch beside the recommendation and the pick", async ({ request }) => {
  const id = await newRun(request);
  const empty = await (await request.get(`/api/runs/${id}/ratings`)).json();
  expect(empty).toMatchObject({ votes: 0, mostPreferredEpoch: null, pickedEpoch: null });

  for (const [reviewer, promptIndex, other] of [
    ["ana", 0, 2],
    ["ana", 0, 5],
    ["ben", 0, 2],
    ["ben", 1, 5],
  ] as const) {
    const response = await request.post(`/api/runs/${id}/votes`, { data: { reviewer, promptIndex, a: other, b: 4, winner: 4, loserTags: ["fried"] } });
    expect(response.status()).toBe(201);
  }
  const ratings = await (await request.get(`/api/runs/${id}/ratings`)).json();
  expect(ratings.votes).toBe(4);
  expect(ratings.mostPreferredEpoch).toBe(4);
  expect(ratings.recommendedEpoch).toBeGreaterThanOrEqual(1);
  expect(ratings.reviewers).toEqual(["ana", "ben"]);
  const top = ratings.ratings.find((rating: { epoch: number }) => rating.epoch === 4);
  expect(top.standardError).toBeGreaterThan(0);
  expect(top.wins).toBe(4);
  expect(ratings.agreement.percentAgreement).toBe(1);

  const votes = await (await request.get(`/api/runs/${id}/votes`)).json();
  expect(votes.votes).toHaveLength(4);
  expect(votes.votes[0]).toMatchObject({ reviewer: "ana", epochs: [2, 4], winner: 4, loserTags: ["fried"] });
});

test("an unknown checkpoint, a bad body or a duplicate is refused clearly and stores nothing", async ({ request }) => {
  const id = await newRun(request);
  const unknown = await request.post(`/api/runs/${id}/votes`, { data: { reviewer: "ana", promptIndex: 0, a: 3, b: 40, winner: 3 } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error.fields.b).toMatch(/1 to 6/);

  const badWinner = await request.post(`/api/runs/${id}/votes`, { data: { reviewer: "ana", promptIndex: 0, a: 3, b: 4, winner: 5 } });
  expect(badWinner.status()).toBe(400);
  expect((await badWinner.json()).error.fields).toHaveProperty("winner");

  const noName = await request.post(`/api/runs/${id}/votes`, { data: { promptIndex: 0, a: 3, b: 4, winner: 3 } });
  expect(noName.status()).toBe(400);
  expect((await noName.json()).error.fields).toHaveProperty("reviewer");

  expect((await request.post(`/api/runs/${id}/votes`, { data: { reviewer: "ana", promptIndex: 0, a: 3, b: 4, winner: 3 } })).status()).toBe(201);
  const duplicate = await request.post(`/api/runs/${id}/votes`, { data: { reviewer: "ana", promptIndex: 0, a: 4, b: 3, winner: null } });
  expect(duplicate.status()).toBe(409);
  expect((await duplicate.json()).error.message).toMatch(/already compared/);

  expect((await request.post(`/api/runs/no-such-run/votes`, { data: { reviewer: "ana", promptIndex: 0, a: 3, b: 4, winner: 3 } })).status()).toBe(404);
  expect((await request.get(`/api/runs/no-such-run/ratings`)).status()).toBe(404);
  expect((await (await request.get(`/api/runs/${id}/ratings`)).json()).votes).toBe(1);
});

test("tags: add, replace, remove, and filter the runs list by tag", async ({ request }) => {
  const id = await newRun(request);
  const other = await newRun(request);
  const tag = `client-${Math.random().toString(36).slice(2, 8)}`;
  const added = await request.post(`/api/runs/${id}/tags`, { data: { tag } });
  expect(added.status()).toBe(201);
  expect((await added.json()).tags).toEqual([tag]);
  expect((await (await request.put(`/api/runs/${id}/tags`, { data: { tags: [tag, "style"] } })).json()).tags).toEqual([tag, "style"]);

  const listed = await (await request.get(`/api/runs?tag=${tag}`)).json();
  expect(listed.runs.map((run: { id: string }) => run.id)).toEqual([id]);
  expect(listed.runs.map((run: { id: string }) => run.id)).not.toContain(other);

  const bad = await request.post(`/api/runs/${id}/tags`, { data: { tag: "" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields).toHaveProperty("tag");
  const badList = await request.put(`/api/runs/${id}/tags`, { data: { tags: "style" } });
  expect(badList.status()).toBe(400);

  expect((await (await request.delete(`/api/runs/${id}/tags?tag=style`)).json()).tags).toEqual([tag]);
  expect((await (await request.get(`/api/runs/${id}/tags`)).json()).tags).toEqual([tag]);
});

test.describe("under the write lock", () => {
  const TOKEN = "review-token-for-tests";
  let server: TestServer;
  test.describe.configure({ mode: "serial" });
  test.beforeAll(async () => {
    test.setTimeout(180_000); // a server of its own migrates and seeds a fresh database
    // A port of its own: crash.spec uses 3280 + n, write-lock.spec 3290 + n, health.spec 3270 + n.
    server = await startServer({ port: 3250 + (Number(process.env.E2E_PORT ?? 3210) % 10), env: { EPOCH_LAB_TOKEN: TOKEN } });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("votes and tags without access are 401 and store nothing; with the token they are stored", async ({ request }) => {
    const headers = { Authorization: `Bearer ${TOKEN}` };
    const id = await newRun(request, server.url, headers);
    const vote = { reviewer: "ana", promptIndex: 0, a: 2, b: 3, winner: 2 };
    for (const response of [
      await request.post(`${server.url}/api/runs/${id}/votes`, { data: vote }),
      await request.post(`${server.url}/api/runs/${id}/tags`, { data: { tag: "style" } }),
      await request.put(`${server.url}/api/runs/${id}/tags`, { data: { tags: ["style"] } }),
      await request.delete(`${server.url}/api/runs/${id}/tags?tag=style`),
    ]) {
      expect(response.status()).toBe(401);
      expect((await response.json()).error.message).toMatch(/write-protected/);
    }
    expect((await (await request.get(`${server.url}/api/runs/${id}/ratings`)).json()).votes).toBe(0);
    expect((await (await request.get(`${server.url}/api/runs/${id}/tags`)).json()).tags).toEqual([]);

    expect((await request.post(`${server.url}/api/runs/${id}/votes`, { data: vote, headers })).status()).toBe(201);
    expect((await (await request.get(`${server.url}/api/runs/${id}/ratings`)).json()).votes).toBe(1);
  });

  test("reviews across runs: starting one and voting without access are 401 and store nothing; with the token they are stored", async ({ request }) => {
    const headers = { Authorization: `Bearer ${TOKEN}` };
    const a = await newRun(request, server.url, headers);
    const b = await newRun(request, server.url, headers);
    const refused = await request.post(`${server.url}/api/reviews`, { data: { runs: [a, b] } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.message).toMatch(/write-protected/);
    const started = await request.post(`${server.url}/api/reviews`, { data: { runs: [a, b] }, headers });
    expect(started.status()).toBe(201);
    const set = await started.json();
    const vote = { reviewer: "ana", promptIndex: 0, a: { runId: a, epoch: 2 }, b: { runId: b, epoch: 3 }, winner: { runId: a, epoch: 2 } };
    const denied = await request.post(`${server.url}/api/reviews/${set.id}/votes`, { data: vote });
    expect(denied.status()).toBe(401);
    expect((await (await request.get(`${server.url}/api/reviews/${set.id}/ratings`)).json()).votes).toBe(0);
    expect((await request.post(`${server.url}/api/reviews/${set.id}/votes`, { data: vote, headers })).status()).toBe(201);
    expect((await (await request.get(`${server.url}/api/reviews/${set.id}/ratings`)).json()).votes).toBe(1);
  });
});

// The JSON API against the real server and a real SQLite file: every route,
// bad input of every kind (4xx naming the field, nothing stored), concurrency.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { SETTING_KEYS } from "@/lib/sim";

const uniqueName = (label: string) => `api ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function storedRunsNamed(request: APIRequestContext, name: string) {
  const response = await request.get(`/api/runs?q=${encodeURIComponent(name)}&limit=100`);
  expect(response.status()).toBe(200);
  const body = await response.json();
  return body.runs.filter((run: { name: string }) => run.name === name);
}

test.describe("POST /api/simulate", () => {
  test("returns every checkpoint with defaults filled in and stores nothing", async ({ request }) => {
    const name = uniqueName("simulate");
    const response = await request.post("/api/simulate", { data: { name, images: 10, seed: 7 } });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.settings).toMatchObject({ name, images: 10, repeats: 20, epochs: 10, batchSize: 1, learningRate: 1e-4, seed: 7 });
    expect(body.stepsPerEpoch).toBe(200);
    expect(body.totalSteps).toBe(2000);
    expect(body.checkpoints).toHaveLength(10);
    expect(body.checkpoints[9]).toMatchObject({ epoch: 10, step: 2000 });
    expect(body.recommendedEpoch).toBeGreaterThanOrEqual(4);
    expect(body.lossCurve.length).toBeGreaterThan(10);
    expect(body.lossCurve.length).toBeLessThanOrEqual(500);
    expect(await storedRunsNamed(request, name)).toHaveLength(0);
  });

  test("gives the same output for the same settings and seed", async ({ request }) => {
    const settings = { images: 14, repeats: 12, epochs: 8, seed: 99 };
    const [a, b] = await Promise.all([request.post("/api/simulate", { data: settings }), request.post("/api/simulate", { data: settings })]);
    expect(await a.json()).toEqual(await b.json());
  });
});

test.describe("simulator-2 settings", () => {
  test("are accepted, stored and returned with the simulator version; omitted ones take their defaults", async ({ request }) => {
    const name = uniqueName("v2 settings");
    const settings = { name, images: 12, networkDim: 16, networkAlpha: 8, optimizer: "prodigy", learningRate: 1, lrScheduler: "cosine_with_restarts", warmupSteps: 40, modelFamily: "sd15", seed: 3 };
    const created = await request.post("/api/runs", { data: settings });
    expect(created.status()).toBe(201);
    const run = await created.json();
    expect(run).toMatchObject(settings);
    expect(run).not.toHaveProperty("settings");
    expect(run.simulatorVersion).toBeGreaterThanOrEqual(2);
    expect(await (await request.get(`/api/runs/${run.id}`)).json()).toEqual(run);
    const [listed] = await storedRunsNamed(request, name);
    expect(listed).toMatchObject({ networkDim: 16, optimizer: "prodigy", modelFamily: "sd15", simulatorVersion: run.simulatorVersion });

    const plain = await (await request.post("/api/simulate", { data: { images: 10, seed: 1 } })).json();
    expect(plain.settings).toMatchObject({ networkDim: 32, networkAlpha: 16, optimizer: "adamw8bit", lrScheduler: "constant", warmupSteps: 0, modelFamily: "sdxl" });
  });
});

test.describe("POST /api/runs/{id}/resimulate", () => {
  test("stores a new run with the same settings and seed and returns it as 201", async ({ request }) => {
    const name = uniqueName("resimulate");
    const original = await (await request.post("/api/runs", { data: { name, images: 9, epochs: 6, networkDim: 8, networkAlpha: 8, seed: 12 } })).json();
    const response = await request.post(`/api/runs/${original.id}/resimulate`);
    expect(response.status()).toBe(201);
    const fresh = await response.json();
    expect(response.headers().location).toBe(`/api/runs/${fresh.id}`);
    expect(fresh.id).not.toBe(original.id);
    const settingsOf = (run: Record<string, unknown>) => Object.fromEntries(SETTING_KEYS.filter((key) => key !== "name").map((key) => [key, run[key]]));
    expect(settingsOf(fresh)).toEqual(settingsOf(original));
    expect(fresh.name).toContain(name);
    expect(await (await request.get(`/api/runs/${original.id}`)).json()).toEqual(original);
  });

  test("is a 404 with the error format for an unknown run", async ({ request }) => {
    const response = await request.post("/api/runs/0000000000000000/resimulate");
    expect(response.status()).toBe(404);
    expect((await response.json()).error.message).toMatch(/No run/);
  });
});

test.describe("runs CRUD", () => {
  test("creates, reads, lists, renames, notes, picks, unpicks and deletes a run", async ({ request }) => {
    const name = uniqueName("crud");
    const created = await request.post("/api/runs", { data: { name, images: 12, epochs: 8, seed: 5 } });
    expect(created.status()).toBe(201);
    const run = await created.json();
    expect(run.id).toMatch(/^[0-9a-f]{16}$/);
    expect(run).toMatchObject({ name, images: 12, epochs: 8, repeats: 20, seed: 5, pickedEpoch: null, totalSteps: 12 * 20 * 8 });
    expect(run).toMatchObject({ textEncoderLearningRate: 1e-5, captionQuality: 0.7, datasetSimilarity: 0.4 });
    expect(run, "one shape: the settings only flattened, as in lists").not.toHaveProperty("settings");
    expect(run.checkpoints).toHaveLength(8);
    expect(run.recommendedEpoch).toBeGreaterThanOrEqual(1);

    const fetched = await request.get(`/api/runs/${run.id}`);
    expect(fetched.status()).toBe(200);
    expect(await fetched.json()).toEqual(run);

    const listed = await storedRunsNamed(request, name);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: run.id, recommendedEpoch: run.recommendedEpoch, pickedEpoch: null });
    expect(listed[0].checkpoints).toBeUndefined();

    const renamed = await request.patch(`/api/runs/${run.id}`, { data: { name: `${name} v2`, notes: "kept for the teaching deck" } });
    expect(renamed.status()).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: `${name} v2`, notes: "kept for the teaching deck" });

    const picked = await request.patch(`/api/runs/${run.id}`, { data: { pickedEpoch: 6 } });
    expect((await picked.json()).pickedEpoch).toBe(6);
    expect((await (await request.get(`/api/runs/${run.id}`)).json()).pickedEpoch).toBe(6);

    const unpicked = await request.patch(`/api/runs/${run.id}`, { data: { pickedEpoch: null } });
    expect((await unpicked.json()).pickedEpoch).toBeNull();

    const deleted = await request.delete(`/api/runs/${run.id}`);
    expect(deleted.status()).toBe(204);
    expect((await request.get(`/api/runs/${run.id}`)).status()).toBe(404);
    expect((await request.delete(`/api/runs/${run.id}`)).status()).toBe(404);
  });

  test("pages through the list with a cursor, without repeats or gaps", async ({ request }) => {
    const prefix = uniqueName("page");
    for (let i = 0; i < 5; i++) {
      expect((await request.post("/api/runs", { data: { name: `${prefix} #${i}`, images: 5 + i, epochs: 3 } })).status()).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `q=${encodeURIComponent(prefix)}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page: { runs: { name: string }[]; nextCursor: string | null } = await (await request.get(`/api/runs?${query}`)).json();
      expect(page.runs.length).toBeLessThanOrEqual(2);
      seen.push(...page.runs.map((run: { name: string }) => run.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `${prefix} #${i}`));
  });

  test("unknown run ids are 404 with the error format", async ({ request }) => {
    for (const response of [await request.get("/api/runs/doesnotexist"), await request.patch("/api/runs/doesnotexist", { data: { name: "x" } }), await request.delete("/api/runs/doesnotexist")]) {
      expect(response.status()).toBe(404);
      expect((await response.json()).error.message).toMatch(/run/i);
    }
  });

  test("50 concurrent creates are all stored", async ({ request }) => {
    const prefix = uniqueName("concurrent");
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => request.post("/api/runs", { data: { name: `${prefix} ${i}`, images: 1 + (i % 30), epochs: 1 + (i % 12) } })));
    expect(responses.map((response) => response.status())).toEqual(Array(50).fill(201));
    const stored = await (await request.get(`/api/runs?q=${encodeURIComponent(prefix)}&limit=100`)).json();
    expect(stored.runs).toHaveLength(50);
    for (const response of responses.slice(0, 5)) {
      const run = await response.json();
      expect((await (await request.get(`/api/runs/${run.id}`)).json()).checkpoints).toHaveLength(run.epochs);
    }
  });
});

type BadCase = { label: string; body: unknown; field: string };

const badSettings: BadCase[] = [
  { label: "missing images", body: {}, field: "images" },
  { label: "images 0", body: { images: 0 }, field: "images" },
  { label: "images 1001", body: { images: 1001 }, field: "images" },
  { label: "images fractional", body: { images: 10.5 }, field: "images" },
  { label: "images as string", body: { images: "10" }, field: "images" },
  { label: "images null", body: { images: null }, field: "images" },
  { label: "images negative", body: { images: -3 }, field: "images" },
  { label: "repeats 0", body: { images: 10, repeats: 0 }, field: "repeats" },
  { label: "repeats 101", body: { images: 10, repeats: 101 }, field: "repeats" },
  { label: "epochs 0", body: { images: 10, epochs: 0 }, field: "epochs" },
  { label: "epochs 101", body: { images: 10, epochs: 101 }, field: "epochs" },
  { label: "epochs boolean", body: { images: 10, epochs: true }, field: "epochs" },
  { label: "batchSize 0", body: { images: 10, batchSize: 0 }, field: "batchSize" },
  { label: "batchSize 33", body: { images: 10, batchSize: 33 }, field: "batchSize" },
  { label: "learningRate 0", body: { images: 10, learningRate: 0 }, field: "learningRate" },
  { label: "learningRate negative", body: { images: 10, learningRate: -1e-4 }, field: "learningRate" },
  { label: "learningRate 0.02", body: { images: 10, learningRate: 0.02 }, field: "learningRate" },
  { label: "learningRate string", body: { images: 10, learningRate: "1e-4" }, field: "learningRate" },
  { label: "textEncoderLearningRate negative", body: { images: 10, textEncoderLearningRate: -1e-5 }, field: "textEncoderLearningRate" },
  { label: "textEncoderLearningRate 0.01", body: { images: 10, textEncoderLearningRate: 0.01 }, field: "textEncoderLearningRate" },
  { label: "captionQuality 1.5", body: { images: 10, captionQuality: 1.5 }, field: "captionQuality" },
  { label: "captionQuality -0.1", body: { images: 10, captionQuality: -0.1 }, field: "captionQuality" },
  { label: "datasetSimilarity 2", body: { images: 10, datasetSimilarity: 2 }, field: "datasetSimilarity" },
  { label: "datasetSimilarity object", body: { images: 10, datasetSimilarity: { value: 0.5 } }, field: "datasetSimilarity" },
  { label: "seed negative", body: { images: 10, seed: -1 }, field: "seed" },
  { label: "seed above 2^31-1", body: { images: 10, seed: 2 ** 31 }, field: "seed" },
  { label: "seed fractional", body: { images: 10, seed: 1.5 }, field: "seed" },
  { label: "name empty", body: { images: 10, name: "   " }, field: "name" },
  { label: "name too long", body: { images: 10, name: "x".repeat(101) }, field: "name" },
  { label: "name number", body: { images: 10, name: 42 }, field: "name" },
  { label: "unknown field", body: { images: 10, rank: 16 }, field: "rank" },
  { label: "unknown field next to a valid name", body: { images: 10, scheduler: "cosine" }, field: "scheduler" },
  { label: "unknown optimizer", body: { images: 10, optimizer: "sgd" }, field: "optimizer" },
  { label: "unknown scheduler", body: { images: 10, lrScheduler: "exponential" }, field: "lrScheduler" },
  { label: "unknown base model", body: { images: 10, modelFamily: "sd3" }, field: "modelFamily" },
  { label: "rank 0", body: { images: 10, networkDim: 0 }, field: "networkDim" },
  { label: "rank fraction", body: { images: 10, networkDim: 16.5 }, field: "networkDim" },
  { label: "alpha above 256", body: { images: 10, networkAlpha: 300 }, field: "networkAlpha" },
  { label: "alpha 0", body: { images: 10, networkAlpha: 0 }, field: "networkAlpha" },
  { label: "negative warm-up", body: { images: 10, warmupSteps: -1 }, field: "warmupSteps" },
  { label: "warm-up longer than the run", body: { images: 10, epochs: 2, warmupSteps: 401 }, field: "warmupSteps" },
  { label: "AdamW at LR 0.5", body: { images: 10, optimizer: "adamw", learningRate: 0.5 }, field: "learningRate" },
  { label: "Prodigy at LR 1e-6", body: { images: 10, optimizer: "prodigy", learningRate: 1e-6 }, field: "learningRate" },
  { label: "Prodigy at the default LR", body: { images: 10, optimizer: "prodigy", learningRate: 1e-4 }, field: "learningRate" },
];

test.describe("bad settings are refused with the field named and nothing stored", () => {
  for (const route of ["/api/runs", "/api/simulate"]) {
    for (const bad of badSettings) {
      test(`${route}: ${bad.label}`, async ({ request }) => {
        const name = uniqueName(bad.label);
        const body = bad.field === "name" ? bad.body : { ...(bad.body as object), name };
        const response = await request.post(route, { data: body });
        expect(response.status()).toBeGreaterThanOrEqual(400);
        expect(response.status()).toBeLessThan(500);
        const error = (await response.json()).error;
        expect(typeof error.message).toBe("string");
        expect(error.fields[bad.field]).toContain(bad.field);
        expect(JSON.stringify(error)).not.toMatch(/\bat .*\.(js|ts):\d+/);
        if (route === "/api/runs") expect(await storedRunsNamed(request, name)).toHaveLength(0);
      });
    }
  }
});

test.describe("malformed requests", () => {
  test("malformed JSON is a 400 naming the body", async ({ request }) => {
    const response = await request.post("/api/runs", { data: '{"images": 10,', headers: { "content-type": "application/json" } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.fields.body).toMatch(/JSON/);
  });

  test("a non-JSON content type is a 415", async ({ request }) => {
    const response = await request.post("/api/runs", { data: "images=10", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(response.status()).toBe(415);
    expect((await response.json()).error.message).toMatch(/JSON/);
  });

  test("a JSON array or scalar body is a 400", async ({ request }) => {
    for (const data of ["[1,2,3]", "42", '"images"', "null"]) {
      const response = await request.post("/api/simulate", { data, headers: { "content-type": "application/json" } });
      expect(response.status()).toBe(400);
      expect((await response.json()).error.fields.body).toBeTruthy();
    }
  });

  test("an empty body is a 400", async ({ request }) => {
    const response = await request.post("/api/runs", { data: "", headers: { "content-type": "application/json" } });
    expect(response.status()).toBe(400);
  });

  test("a body over 64 KB is a 413 and stores nothing", async ({ request }) => {
    const name = uniqueName("huge");
    const response = await request.post("/api/runs", { data: { images: 10, name, padding: "x".repeat(70 * 1024) } });
    expect(response.status()).toBe(413);
    expect((await response.json()).error.fields.body).toMatch(/large/);
    expect(await storedRunsNamed(request, name)).toHaveLength(0);
  });

  test("bad list queries are 400s naming the parameter", async ({ request }) => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=500", "limit"],
      ["limit=abc", "limit"],
      ["cursor=not-a-cursor", "cursor"],
      ["sort=password", "sort"],
      ["verdict=great", "verdict"],
    ]) {
      const response = await request.get(`/api/runs?${query}`);
      expect(response.status(), query).toBe(400);
      expect((await response.json()).error.fields[field], query).toBeTruthy();
    }
  });
});

test.describe("PATCH validation", () => {
  test("refuses bad updates with the field named and changes nothing", async ({ request }) => {
    const name = uniqueName("patch");
    const run = await (await request.post("/api/runs", { data: { name, images: 10, epochs: 8 } })).json();
    const cases: [unknown, string][] = [
      [{ pickedEpoch: 0 }, "pickedEpoch"],
      [{ pickedEpoch: 9 }, "pickedEpoch"],
      [{ pickedEpoch: 2.5 }, "pickedEpoch"],
      [{ pickedEpoch: "7" }, "pickedEpoch"],
      [{ name: "" }, "name"],
      [{ name: "y".repeat(101) }, "name"],
      [{ notes: 12 }, "notes"],
      [{ notes: "n".repeat(5001) }, "notes"],
      [{ epochs: 20 }, "epochs"],
      [{ id: "other" }, "id"],
    ];
    for (const [data, field] of cases) {
      const response = await request.patch(`/api/runs/${run.id}`, { data });
      expect(response.status(), JSON.stringify(data)).toBe(422);
      expect((await response.json()).error.fields[field], JSON.stringify(data)).toContain(field);
    }
    const after = await (await request.get(`/api/runs/${run.id}`)).json();
    expect(after).toMatchObject({ name, notes: "", pickedEpoch: null, epochs: 8 });
  });
});

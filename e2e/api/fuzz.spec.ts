// Thousands of random and mutated JSON bodies against the write routes:
// never a 5xx, and a run is stored only when the API says 201.
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";

const SETTING_KEYS = ["images", "repeats", "epochs", "batchSize", "learningRate", "textEncoderLearningRate", "captionQuality", "datasetSimilarity", "seed", "name"];

/** Values that probe types and ranges: edge numbers, wrong types, huge and odd strings. */
const oddValue = fc.oneof(
  fc.integer({ min: -5, max: 2000 }),
  fc.constantFrom(0, -0, 1, 100, 101, 1000, 1001, 32, 33, 2 ** 31 - 1, 2 ** 31, 1e-4, 1e-3, 0.01, 0.0100001, 1e308, -1e-9, 0.5, 1.5),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", " ", "10", "1e-4", "<script>", "null", "\u0000", "é".repeat(50)),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

/** A valid body with some fields mutated, removed or added. */
const mutatedSettings = fc
  .record({
    base: fc.record({
      images: fc.integer({ min: 1, max: 60 }),
      repeats: fc.integer({ min: 1, max: 30 }),
      epochs: fc.integer({ min: 1, max: 12 }),
      batchSize: fc.integer({ min: 1, max: 4 }),
      learningRate: fc.constantFrom(5e-5, 1e-4, 2e-4),
    }),
    mutations: fc.array(fc.tuple(fc.constantFrom(...SETTING_KEYS, "extra", "__proto__", "constructor"), oddValue), { maxLength: 3 }),
    drop: fc.subarray(SETTING_KEYS, { maxLength: 2 }),
  })
  .map(({ base, mutations, drop }) => {
    const body: Record<string, unknown> = { ...base };
    for (const key of drop) delete body[key];
    for (const [key, value] of mutations) Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
    return body;
  });

const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), mutatedSettings, mutatedSettings);

/** Serialises a body, sometimes corrupting the text (truncation, stray bytes). */
const requestText = fc.tuple(anyJson, fc.constantFrom("ok", "ok", "ok", "truncate", "garbage")).map(([body, how]) => {
  const text = JSON.stringify(body) ?? "null";
  if (how === "truncate") return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  if (how === "garbage") return `${text}}\u0001`;
  return text;
});

async function post(request: APIRequestContext, method: "post" | "patch", url: string, text: string) {
  return request[method](url, { data: text, headers: { "content-type": "application/json" } });
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

// The full count on SQLite; a quarter when the same suite runs again on PostgreSQL.
const scale = process.env.E2E_POSTGRES_URL ? 0.25 : 1;
const runs = (count: number) => Math.round(count * scale);

test("POST /api/simulate never answers 5xx", async ({ request }) => {
  await fc.assert(
    fc.asyncProperty(requestText, async (text) => {
      const response = await post(request, "post", "/api/simulate", text);
      expect(response.status(), text).toBeLessThan(500);
      if (response.status() >= 400) expect((await response.json()).error.message, text).toEqual(expect.any(String));
    }),
    { numRuns: runs(1200) },
  );
});

test("POST /api/runs never answers 5xx and stores only on 201", async ({ request }) => {
  const marker = `fuzz-${Date.now()}`;
  let counter = 0;
  let created = 0;
  await fc.assert(
    fc.asyncProperty(mutatedSettings, fc.boolean(), async (body, named) => {
      // A unique name lets us look the run up afterwards, unless the mutation replaced the name.
      const name = `${marker}-${counter++}`;
      const sent = named && !("name" in body) ? { ...body, name } : body;
      const response = await post(request, "post", "/api/runs", JSON.stringify(sent));
      expect(response.status(), JSON.stringify(sent)).toBeLessThan(500);
      if (sent.name === name) {
        const found = await (await request.get(`/api/runs?q=${encodeURIComponent(name)}`)).json();
        expect(found.runs.length, JSON.stringify(sent)).toBe(response.status() === 201 ? 1 : 0);
      }
      if (response.status() === 201) {
        created++;
        const run = await response.json();
        expect(run.checkpoints).toHaveLength(run.epochs);
      }
    }),
    { numRuns: runs(600) },
  );
  expect(created).toBeGreaterThan(0);
});

test("PATCH /api/runs/{id} never answers 5xx and changes nothing on a 4xx", async ({ request }) => {
  const run = await (await request.post("/api/runs", { data: { images: 10, epochs: 6, name: `fuzz-patch-${Date.now()}` } })).json();
  const patchBody = fc.oneof(
    fc.record({ name: oddValue, notes: oddValue, pickedEpoch: oddValue }, { requiredKeys: [] }),
    fc.record({ pickedEpoch: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.constant(null)) }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  await fc.assert(
    fc.asyncProperty(patchBody, async (body) => {
      const before = await (await request.get(`/api/runs/${run.id}`)).json();
      const response = await post(request, "patch", `/api/runs/${run.id}`, JSON.stringify(body) ?? "null");
      expect(response.status(), JSON.stringify(body)).toBeLessThan(500);
      if (response.status() >= 400) {
        expect(await (await request.get(`/api/runs/${run.id}`)).json()).toEqual(before);
      }
    }),
    { numRuns: runs(400) },
  );
});

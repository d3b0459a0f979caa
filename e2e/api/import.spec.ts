// POST /api/imports against the real server: the three fixture folders the
// fixture script writes (kohya, ai-toolkit, TensorBoard CSV) stored as runs with
// their measured losses and sample images, every refusal naming the file with
// nothing stored, the images served by hash, and the CLI end to end.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { readImportFolder } from "../../lib/import/folder";
import { encodeImportUpload, joinChunks } from "../../lib/import/multipart-body";
import type { ImportFile } from "../../lib/import/plan";

const run = promisify(execFile);
let fixtures: string;

test.beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), "epoch-lab-import-"));
  // The fixture script, as `npm run fixtures:import` runs it.
  await run("npx", ["tsx", "scripts/make-import-fixtures.ts", fixtures]);
});
test.afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

const uniqueName = (label: string) => `import ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function postImport(request: APIRequestContext, files: ImportFile[], name: string, headers: Record<string, string> = {}) {
  const upload = encodeImportUpload(files, name);
  return request.post("/api/imports", { headers: { "Content-Type": upload.contentType, ...headers }, data: Buffer.from(joinChunks(upload)) });
}

async function runsNamed(request: APIRequestContext, name: string) {
  const body = await (await request.get(`/api/runs?q=${encodeURIComponent(name)}&limit=100`)).json();
  return body.runs.filter((r: { name: string }) => r.name === name);
}

for (const folder of ["kohya", "ai-toolkit", "tensorboard-csv"] as const) {
  test(`imports the ${folder} folder as a run with measured losses, samples and the prediction`, async ({ request }) => {
    const files = await readImportFolder(join(fixtures, folder));
    const name = uniqueName(folder);
    const response = await postImport(request, files, name);
    expect(response.status(), await response.text()).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ name, source: "imported" });
    expect(response.headers()["location"]).toBe(`/api/runs/${body.id}`);
    expect(body.checkpoints.length).toBeGreaterThan(1);
    expect(body.checkpoints.some((c: { trainLoss: number | null }) => typeof c.trainLoss === "number")).toBe(true);
    expect(body.prediction.length).toBe(body.epochs);
    expect(body.prediction[0]).toHaveProperty("fidelity");
    expect(body.checkpoints[0]).not.toHaveProperty("fidelity");
    const withSamples = body.checkpoints.filter((c: { samples: unknown[] }) => c.samples.length > 0);
    // The CSV export folder holds losses only; the trainers' folders hold samples for every epoch.
    expect(withSamples.length).toBe(folder === "tensorboard-csv" ? 0 : body.checkpoints.length);
    if (folder === "tensorboard-csv") {
      expect(await (await request.get(`/api/runs/${body.id}`)).json()).toEqual(body);
      return;
    }
    const sample = withSamples[0].samples[0];
    expect(sample).toMatchObject({ promptIndex: 0, url: expect.stringMatching(/^\/api\/images\/[0-9a-f]{64}$/) });

    // Stored: GET answers the same run; the list shows it as imported.
    expect(await (await request.get(`/api/runs/${body.id}`)).json()).toEqual(body);
    const listed = await runsNamed(request, name);
    expect(listed).toHaveLength(1);
    expect(listed[0].source).toBe("imported");
    const onlyImported = await (await request.get(`/api/runs?source=imported&limit=100`)).json();
    expect(onlyImported.runs.map((r: { id: string }) => r.id)).toContain(body.id);
    const onlySimulated = await (await request.get(`/api/runs?source=simulated&limit=100`)).json();
    expect(onlySimulated.runs.map((r: { id: string }) => r.id)).not.toContain(body.id);

    // The image, byte for byte, and its WebP preview, cached for good.
    const image = await request.get(sample.url);
    expect(image.status()).toBe(200);
    expect(image.headers()["cache-control"]).toContain("immutable");
    expect(["image/png", "image/jpeg"]).toContain(image.headers()["content-type"]);
    const preview = await request.get(`${sample.url}?preview=1`);
    expect(preview.headers()["content-type"]).toBe("image/webp");
    expect((await preview.body()).subarray(8, 12).toString("latin1")).toBe("WEBP");
  });
}

test("the kohya import keeps the samples made before training and the prompts of the prompt file", async ({ request }) => {
  const files = await readImportFolder(join(fixtures, "kohya"));
  const body = await (await postImport(request, files, uniqueName("epoch 0"))).json();
  expect(body.beforeTraining.length).toBeGreaterThan(0);
  expect(body.trainer).toBe("kohya");
  expect(body.checkpoints[0].samples[0].prompt).toEqual(expect.any(String));
  expect(body.checkpoints[0].validationLoss).toEqual(expect.any(Number));
});

test("an unknown image hash is 404, a malformed one too", async ({ request }) => {
  expect((await request.get(`/api/images/${"0".repeat(64)}`)).status()).toBe(404);
  expect((await request.get(`/api/images/not-a-hash`)).status()).toBe(404);
});

test.describe("refusals name the file and store nothing", () => {
  test("a broken sample image and a LoRA file from another training", async ({ request }) => {
    const files = await readImportFolder(join(fixtures, "kohya"));
    const image = files.find((f) => f.path.endsWith(".png"))!;
    const broken = files.map((f) => (f === image ? { ...f, bytes: new TextEncoder().encode("not an image at all"), size: 19 } : f));
    const name = uniqueName("refused");
    const response = await postImport(request, broken, name);
    expect(response.status()).toBe(422);
    const body = await response.json();
    expect(body.error.message).toMatch(/Nothing was stored/);
    expect(body.error.fields[image.path]).toMatch(/Not an image/);
    expect(await runsNamed(request, name)).toHaveLength(0);
  });

  test("a folder without a LoRA file is refused as a whole", async ({ request }) => {
    const files = (await readImportFolder(join(fixtures, "kohya"))).filter((f) => !f.path.endsWith(".safetensors"));
    const name = uniqueName("no lora");
    const response = await postImport(request, files, name);
    expect(response.status()).toBe(422);
    expect((await response.json()).error.fields._).toMatch(/No LoRA file/);
    expect(await runsNamed(request, name)).toHaveLength(0);
  });

  test("a path that climbs out of the folder, and a body that is not multipart", async ({ request }) => {
    const files = await readImportFolder(join(fixtures, "kohya"));
    const name = uniqueName("climb");
    const response = await postImport(request, [...files, { path: "../secret.txt", bytes: new Uint8Array([1]), size: 1 }], name);
    expect(response.status()).toBe(400);
    expect(Object.keys((await response.json()).error.fields)).toContain("../secret.txt");
    expect(await runsNamed(request, name)).toHaveLength(0);
    const json = await request.post("/api/imports", { data: { files: [] } });
    expect(json.status()).toBe(415);
  });
});

test("the CLI imports a folder and prints the run's address; a bad folder is one clear line", async ({ request, baseURL }) => {
  test.setTimeout(120_000); // two CLI processes, each compiling the script with tsx
  const name = uniqueName("cli");
  const { stdout } = await run("npx", ["tsx", "scripts/import.ts", join(fixtures, "ai-toolkit"), "--server", baseURL!, "--name", name]);
  expect(stdout).toMatch(/Uploaded 100%/);
  const address = stdout.match(/\/runs\/([0-9a-f]{16})/);
  expect(address, stdout).not.toBeNull();
  const stored = await (await request.get(`/api/runs/${address![1]}`)).json();
  expect(stored).toMatchObject({ name, source: "imported", trainer: "ai-toolkit" });

  const empty = mkdtempSync(join(tmpdir(), "epoch-lab-import-bad-"));
  writeFileSync(join(empty, "notes.txt"), "no LoRA here");
  const failed = await run("npx", ["tsx", "scripts/import.ts", empty, "--server", baseURL!]).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
  rmSync(empty, { recursive: true, force: true });
  expect(failed?.code).toBe(1);
  expect(failed?.stderr).toMatch(/^import: .*\n  _: No LoRA file/m);
});

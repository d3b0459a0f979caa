// POST /api/imports against the real server: the three fixture folders the
// fixture script writes (kohya, ai-toolkit, TensorBoard CSV) stored as runs with
// their measured losses and sample images, every refusal naming the file with
// nothing stored (counted in the database before and after), the images served
// by hash, and the CLI end to end.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import pg from "pg";
import { deflateSync } from "node:zlib";
import { readImportFolder } from "../../lib/import/folder";
import { headerBytesNeeded } from "../../lib/import/safetensors";
import { forgedPng, kohyaFolder, pngBomb } from "../../scripts/make-import-fixtures";
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

// ---------------------------------------------------------------- bad input and limits

/** A kohya folder built in memory, LoRA files cut after their header as the browser sends them; `side` keeps its images this test's own. */
function kohyaUpload(side: number, epochs = 3): ImportFile[] {
  return kohyaFolder({ epochs, prompts: 2, imageSide: side }).map(({ path, bytes }) => {
    const end = path.endsWith(".safetensors") ? (headerBytesNeeded(bytes) ?? bytes.length) : bytes.length;
    return { path, bytes: bytes.slice(0, end), size: bytes.length };
  });
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Rows of the runs named `name`, with their samples and measured checkpoints, and of the images with these hashes, read from the database itself. */
async function storedRows(name: string, hashes: string[]): Promise<{ runs: number; samples: number; measured: number; images: number }> {
  const postgres = process.env.E2E_POSTGRES_URL;
  const runIds = `SELECT id FROM "Run" WHERE name = $1`;
  const queries = [
    `SELECT COUNT(*) AS n FROM "Run" WHERE name = $1`,
    `SELECT COUNT(*) AS n FROM "Sample" WHERE "runId" IN (${runIds})`,
    `SELECT COUNT(*) AS n FROM "MeasuredCheckpoint" WHERE "runId" IN (${runIds})`,
  ];
  if (postgres) {
    const client = new pg.Client({ connectionString: postgres });
    await client.connect();
    try {
      const [runs, samples, measured] = await Promise.all(queries.map((sql) => client.query(sql, [name]).then((r) => Number(r.rows[0].n))));
      const images = Number((await client.query(`SELECT COUNT(*) AS n FROM "Image" WHERE hash = ANY($1)`, [hashes])).rows[0].n);
      return { runs, samples, measured, images };
    } finally {
      await client.end();
    }
  }
  const database = new Database(process.env.E2E_DATABASE_FILE!, { readonly: true, fileMustExist: true });
  try {
    const [runs, samples, measured] = queries.map((sql) => Number((database.prepare(sql.replaceAll("$1", "?")).get(...Array(sql.split("$1").length - 1).fill(name)) as { n: number }).n));
    const images = hashes.length === 0 ? 0 : Number((database.prepare(`SELECT COUNT(*) AS n FROM "Image" WHERE hash IN (${hashes.map(() => "?").join(",")})`).get(...hashes) as { n: number }).n);
    return { runs, samples, measured, images };
  } finally {
    database.close();
  }
}

const NOTHING = { runs: 0, samples: 0, measured: 0, images: 0 };

/** Posts the files and expects `status` with `fields[file]` matching `message`, and not one row stored, before or after. */
async function expectRefused(request: APIRequestContext, files: ImportFile[], status: number, file: string, message: RegExp) {
  const name = uniqueName(`refused ${status}`);
  const hashes = files.filter((f) => /\.(png|jpe?g|webp)$/i.test(f.path)).map((f) => sha256(f.bytes));
  expect(await storedRows(name, hashes)).toEqual(NOTHING);
  const response = await postImport(request, files, name);
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  const body = JSON.parse(text);
  expect(Object.keys(body.error.fields), text).toContain(file);
  expect(body.error.fields[file]).toMatch(message);
  expect(await storedRows(name, hashes)).toEqual(NOTHING);
  return body;
}

test.describe("bad input and limits: a 4xx naming the file, nothing stored", () => {
  test("two LoRA files of the same epoch", async ({ request }) => {
    const files = kohyaUpload(41);
    const second = files.find((f) => f.path === "model/sksdog-000002.safetensors")!;
    // The files are placed in path order: the second one met is the one named.
    await expectRefused(
      request,
      [...files, { ...second, path: "model/sksdog-000002 (copy).safetensors" }],
      422,
      "model/sksdog-000002.safetensors",
      /^Epoch 2 twice: this file and model\/sksdog-000002 \(copy\)\.safetensors/,
    );
  });

  test("samples of an epoch that has no LoRA file", async ({ request }) => {
    const files = kohyaUpload(43).filter((f) => f.path !== "model/sksdog-000002.safetensors");
    const body = await expectRefused(request, files, 422, "model/sample/sksdog_e000002_00_20251101121000_42.png", /A sample of epoch 2, which has no LoRA file/);
    expect(body.error.fields["model/sample/sksdog_e000002_01_20251101121020_7.png"]).toMatch(/epoch 2/);
  });

  test("a prompt file that does not match the samples", async ({ request }) => {
    const oneLine = new TextEncoder().encode("a photo of sksdog dog\n");
    const short = kohyaUpload(47).map((f) => (f.path.endsWith("prompt.txt") ? { ...f, bytes: oneLine, size: oneLine.length } : f));
    await expectRefused(request, short, 422, "model/sample/prompt.txt", /Holds 1 prompt, but a sample has prompt index 1/);
    const threeLines = new TextEncoder().encode("one\ntwo\nthree\n");
    const long = kohyaUpload(53).map((f) => (f.path.endsWith("prompt.txt") ? { ...f, bytes: threeLines, size: threeLines.length } : f));
    await expectRefused(request, long, 422, "model/sample/prompt.txt", /Holds 3 prompts, but no epoch has more than 2 samples/);
  });

  test("a 20,000 × 20,000 px image is refused from its header, before anything decodes it", async ({ request }) => {
    const path = "model/sample/sksdog_e000001_00_20251101120500_42.png";
    const huge = forgedPng(20_000, 20_000, deflateSync(Buffer.alloc(64 * 1024)));
    const files = kohyaUpload(59).map((f) => (f.path === path ? { path, bytes: huge, size: huge.length } : f));
    await expectRefused(request, files, 422, path, /20000 × 20000 px; more than 16 megapixels/);
  });

  test("a zip bomb disguised as a PNG, and a PNG whose data is not what its header says", async ({ request }) => {
    const path = "model/sample/sksdog_e000001_00_20251101120500_42.png";
    const bomb = pngBomb(15_000);
    expect(bomb.length).toBeLessThan(100_000);
    await expectRefused(
      request,
      kohyaUpload(61).map((f) => (f.path === path ? { path, bytes: bomb, size: bomb.length } : f)),
      422,
      path,
      /15000 × 15000 px/,
    );
    // 4000 × 4000 within the pixel limit, in 100 bytes of zeros: more pixels than the file can hold.
    const dense = forgedPng(4000, 4000, deflateSync(Buffer.alloc(100)));
    await expectRefused(
      request,
      kohyaUpload(67).map((f) => (f.path === path ? { path, bytes: dense, size: dense.length } : f)),
      422,
      path,
      /decompression bomb/,
    );
    // Passes every header check, but the data is noise: decoding it (sharp, limitInputPixels) fails and nothing is kept.
    const noise = forgedPng(
      600,
      600,
      Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251),
    );
    await expectRefused(
      request,
      kohyaUpload(71).map((f) => (f.path === path ? { path, bytes: noise, size: noise.length } : f)),
      422,
      path,
      /could not be decoded/,
    );
  });

  test("a file name with control characters", async ({ request }) => {
    const path = "model/sample/notes\u0007.txt";
    await expectRefused(request, [...kohyaUpload(73), { path, bytes: new Uint8Array([1]), size: 1 }], 400, path, /control character/);
  });

  test("a log cut mid-record imports the whole records before the cut", async ({ request }) => {
    const files = kohyaUpload(79, 4).map((f) => (f.path.includes("tfevents") ? { ...f, bytes: f.bytes.slice(0, Math.floor(f.bytes.length * 0.4)), size: Math.floor(f.bytes.length * 0.4) } : f));
    const response = await postImport(request, files, uniqueName("cut log"));
    expect(response.status(), await response.text()).toBe(201);
    const body = await response.json();
    const losses = body.checkpoints.map((c: { trainLoss: number | null }) => c.trainLoss);
    expect(losses[0]).toEqual(expect.any(Number));
    expect(losses[3]).toBeNull();
  });

  test("a single file over the per-file cap is 413 naming the limit", async ({ request }) => {
    test.setTimeout(120_000);
    const path = "model/sample/sksdog_e000001_00_20251101120500_42.png";
    const big = new Uint8Array(51 * 1024 * 1024);
    big.set(forgedPng(64, 64, deflateSync(Buffer.alloc(64 * 193))));
    const files = kohyaUpload(83).map((f) => (f.path === path ? { path, bytes: big, size: big.length } : f));
    const body = await expectRefused(request, files, 413, path, /larger than the 50 MB limit per file/);
    expect(body.error.message).toMatch(/50 MB/);
  });

  test("an import over the total cap is 413 naming the limit, from its declared length", async ({ baseURL }) => {
    const url = new URL("/api/imports", baseURL);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = httpRequest(url, { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(3 * 1024 ** 3) } }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, body });
          outgoing.destroy();
        });
      });
      outgoing.on("error", reject);
      outgoing.write("--x\r\n");
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.fields._).toMatch(/larger than the 2 GB limit/);
  });
});

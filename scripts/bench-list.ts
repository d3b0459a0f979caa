// Runs list at scale: seeds a throwaway SQLite database with 10,000 simulated
// runs (100,000+ checkpoints), then times the list's first page in process
// (lib/runs listRuns) and over HTTP against the production server (GET / and
// GET /api/runs). Targets: GET / under 150 ms, GET /api/runs under 50 ms.
//   npx tsx --conditions=react-server scripts/bench-list.ts [--runs 10000] [--requests 200] [--no-http]
import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { simulate, SETTINGS_DEFAULTS, type Settings } from "../lib/sim";
import { createRandom } from "../lib/sim/random";
import { runRecordFrom } from "../lib/server/runs/record";

export const LIST_TARGETS_MS = { page: 150, api: 50 } as const;

export interface Timing {
  label: string;
  medianMs: number;
  p95Ms: number;
  samples: number;
}

export interface ListBenchmarkResult {
  runs: number;
  checkpoints: number;
  seedSeconds: number;
  inProcess: Timing[];
  http: Timing[];
}

export interface ListBenchmarkOptions {
  runs?: number;
  /** Sequential requests per URL after warm-up. */
  requests?: number;
  /** In-process repetitions per query. */
  repetitions?: number;
  /** Also time the production server over HTTP (default true; it builds the app when sources changed). */
  http?: boolean;
  log?: (line: string) => void;
}

const root = path.resolve(__dirname, "..");

/** Seeds the throwaway database, measures, prints the figures and returns them. */
export async function runListBenchmark(options: ListBenchmarkOptions = {}): Promise<ListBenchmarkResult> {
  const runCount = options.runs ?? 10_000;
  const requests = options.requests ?? 200;
  const repetitions = options.repetitions ?? 200;
  const log = options.log ?? ((line: string) => console.log(line));

  const folder = path.join(root, "data", "bench");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `list-${process.pid}-${Date.now()}.db`);
  const databaseUrl = `file:${file}`;
  try {
    log(`Runs list benchmark: ${runCount.toLocaleString("en-US")} runs in ${path.relative(root, file)}`);
    migrate(databaseUrl);
    const started = performance.now();
    const checkpoints = seedRuns(file, runCount);
    const seedSeconds = (performance.now() - started) / 1000;
    log(`  seeded ${runCount.toLocaleString("en-US")} runs and ${checkpoints.toLocaleString("en-US")} checkpoints in ${seedSeconds.toFixed(1)} s`);

    const inProcess = await timeInProcess(databaseUrl, repetitions);
    log("  lib/runs listRuns, in process:");
    inProcess.forEach((timing) => log(formatTiming(timing)));

    const http = options.http === false ? [] : await timeOverHttp(databaseUrl, requests, log);
    if (http.length > 0) log("  production server, sequential requests after warm-up:");
    http.forEach((timing) => log(formatTiming(timing)));
    const page = http.find((timing) => timing.label.startsWith("GET / "));
    const api = http.find((timing) => timing.label.startsWith("GET /api/runs "));
    if (page && api) {
      log(
        `  targets: GET / median ${page.medianMs.toFixed(1)} ms (< ${LIST_TARGETS_MS.page}) ${page.medianMs < LIST_TARGETS_MS.page ? "met" : "MISSED"}; ` +
          `GET /api/runs median ${api.medianMs.toFixed(1)} ms (< ${LIST_TARGETS_MS.api}) ${api.medianMs < LIST_TARGETS_MS.api ? "met" : "MISSED"}`,
      );
    }
    return { runs: runCount, checkpoints, seedSeconds, inProcess, http };
  } finally {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
}

function migrate(databaseUrl: string) {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

const SUBJECTS = ["Character", "Style", "Product", "Portrait", "Pixel art", "Anime", "Watercolour", "Mascot", "Logo", "Landscape"];

/** Settings spread the way real projects are: mostly 5–60 images, common rates and batch sizes, 4–30 epochs. */
function settingsAt(index: number, next: () => number): Settings {
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  const images = next() < 0.85 ? 5 + Math.floor(next() * 56) : 60 + Math.floor(next() * 240);
  const subject = pick(SUBJECTS);
  // What it does not spread stays at the article's defaults.
  return {
    ...SETTINGS_DEFAULTS,
    name: `${subject} · ${images} images · v${index + 1}`,
    images,
    repeats: pick([5, 10, 10, 12, 15, 20, 20, 20, 25, 30, 40]),
    epochs: pick([4, 6, 8, 8, 10, 10, 10, 10, 12, 15, 15, 20, 20, 25, 30]),
    batchSize: pick([1, 1, 1, 1, 2, 2, 4, 8]),
    learningRate: pick([1e-5, 5e-5, 1e-4, 1e-4, 1e-4, 2e-4, 2e-4, 3e-4, 5e-4, 1e-3]),
    textEncoderLearningRate: pick([0, 1e-5, 1e-5, 1e-5, 5e-5]),
    captionQuality: Number(next().toFixed(2)),
    datasetSimilarity: Number(next().toFixed(2)),
    seed: Math.floor(next() * 2 ** 31),
  };
}

const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** Inserts the runs and their checkpoints with prepared statements in one transaction (the shape of lib/server/runs/record.ts). */
function seedRuns(file: string, count: number): number {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const runColumns = [
    "id",
    "name",
    "notes",
    "images",
    "repeats",
    "epochs",
    "batchSize",
    "learningRate",
    "textEncoderLearningRate",
    "captionQuality",
    "datasetSimilarity",
    "seed",
    "stepsPerEpoch",
    "totalSteps",
    "recommendedEpoch",
    "pickedEpoch",
    "bestQuality",
    "lastQuality",
    "qualityGap",
    "finalVerdict",
    "lowestValidationEpoch",
    "lossCurve",
    "createdAt",
    "updatedAt",
  ];
  const checkpointColumns = ["runId", "epoch", "step", "trainLoss", "validationLoss", "fidelity", "flexibility", "captionAdherence", "overfitRisk", "quality", "verdict"];
  const insertRun = sqlite.prepare(`INSERT INTO "Run" (${runColumns.map((c) => `"${c}"`).join(", ")}) VALUES (${runColumns.map((c) => `@${c}`).join(", ")})`);
  const insertCheckpoint = sqlite.prepare(`INSERT INTO "Checkpoint" (${checkpointColumns.map((c) => `"${c}"`).join(", ")}) VALUES (${checkpointColumns.map((c) => `@${c}`).join(", ")})`);
  const next = createRandom(20261127); // the same database every time
  const newest = Date.UTC(2026, 10, 1);
  let checkpoints = 0;
  sqlite.transaction(() => {
    for (let index = 0; index < count; index++) {
      const settings = settingsAt(index, next);
      const simulation = simulate(settings);
      const createdAt = new Date(newest - Math.floor(next() * 365 * 24 * 3600 * 1000));
      const pickedEpoch = next() < 0.4 ? 1 + Math.floor(next() * settings.epochs) : null;
      const notes = next() < 0.3 ? `Tried ${settings.batchSize > 1 ? "a larger batch" : "batch 1"} with ${SUBJECTS[index % SUBJECTS.length].toLowerCase()} references.` : "";
      const id = index.toString(16).padStart(16, "0");
      const { checkpoints: nested, ...run } = runRecordFrom(id, simulation, { notes, pickedEpoch, createdAt });
      insertRun.run({ ...run, createdAt: sqliteDate(createdAt), updatedAt: sqliteDate(createdAt) });
      for (const checkpoint of nested.create) insertCheckpoint.run({ runId: id, ...checkpoint });
      checkpoints += nested.create.length;
    }
  })();
  sqlite.pragma("optimize");
  sqlite.close();
  return checkpoints;
}

function summarise(label: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { label, medianMs: at(0.5), p95Ms: at(0.95), samples: samples.length };
}

function formatTiming(timing: Timing): string {
  return `    ${timing.label.padEnd(52)} median ${timing.medianMs.toFixed(2).padStart(7)} ms   p95 ${timing.p95Ms.toFixed(2).padStart(7)} ms   (n=${timing.samples})`;
}

/** The list's first page through lib/runs, for the default view and a few common narrowed views. */
async function timeInProcess(databaseUrl: string, repetitions: number): Promise<Timing[]> {
  process.env.DATABASE_URL = databaseUrl;
  const { listRuns, listFilterOptions } = await import("../lib/server/runs");
  const cases: { label: string; work: () => Promise<unknown> }[] = [
    { label: "first page (newest first, 20 runs)", work: () => listRuns({}) },
    { label: "filter options (distinct LRs and batch sizes)", work: () => listFilterOptions() },
    { label: "sorted by best quality", work: () => listRuns({ sort: "bestQuality" }) },
    { label: "sorted by epochs, ascending", work: () => listRuns({ sort: "epochs", dir: "asc" }) },
    { label: "verdict overfit", work: () => listRuns({ verdict: "overfit" }) },
    { label: "picked, 10–40 images, batch 1", work: () => listRuns({ picked: "yes", imagesMin: 10, imagesMax: 40, batchSize: 1 }) },
    { label: "search “portrait”", work: () => listRuns({ q: "portrait" }) },
  ];
  const second = (await listRuns({})).nextCursor;
  if (second) cases.push({ label: "second page (cursor)", work: () => listRuns({ cursor: second }) });
  const timings: Timing[] = [];
  for (const { label, work } of cases) {
    for (let i = 0; i < 10; i++) await work();
    const samples: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      const start = performance.now();
      await work();
      samples.push(performance.now() - start);
    }
    timings.push(summarise(label, samples));
  }
  return timings;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** Builds (when sources changed) and starts the production server on the seeded file, then times sequential requests. */
async function timeOverHttp(databaseUrl: string, requests: number, log: (line: string) => void): Promise<Timing[]> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`  starting the production server on port ${port} (node scripts/start.mjs; builds first if sources changed)…`);
  const output: string[] = [];
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (chunk: Buffer) => output.push(chunk.toString());
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  try {
    await waitForServer(`${base}/api/runs?limit=1`, server, 600_000);
    const urls = [
      { label: "GET / (server-rendered first page)", url: `${base}/` },
      { label: "GET /api/runs (first page, JSON)", url: `${base}/api/runs` },
      { label: "GET /?sort=bestQuality&verdict=overfit", url: `${base}/?sort=bestQuality&verdict=overfit` },
    ];
    const timings: Timing[] = [];
    for (const { label, url } of urls) {
      for (let i = 0; i < 20; i++) await (await fetch(url)).text();
      const samples: number[] = [];
      for (let i = 0; i < requests; i++) {
        const start = performance.now();
        const response = await fetch(url);
        await response.text();
        samples.push(performance.now() - start);
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      }
      timings.push(summarise(label, samples));
    }
    return timings;
  } catch (error) {
    log(output.join("").split("\n").slice(-30).join("\n"));
    throw error;
  } finally {
    await stopServer(server);
  }
}

function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.pid === undefined) return resolve();
    server.once("exit", () => resolve());
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      resolve();
    }
  });
}

function argument(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : Number(process.argv[index + 1]);
}

if (process.argv[1] && /bench-list\.ts$/.test(process.argv[1])) {
  runListBenchmark({ runs: argument("runs"), requests: argument("requests"), http: !process.argv.includes("--no-http") })
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error("The runs list benchmark failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

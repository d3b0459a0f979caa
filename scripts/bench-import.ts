// Import benchmark: the folder of 20 epochs × 8 samples of 1024 × 1024
// PNG plus a 30,000-step event file, generated once into
// fixtures/bench-import/ (git-ignored) by the fixture script. Prints how long
// planImport takes on it, then imports it through POST /api/imports of a
// production server of its own (a throwaway database), as the CLI sends it,
// and prints the wall time and the server's peak RSS increase over its RSS
// before the upload, sampled from /proc every 25 ms. The goal: under 250 MB,
// since the server streams the upload (images wait on disk) and never holds it.
// Usage: npx tsx scripts/bench-import.ts   (or runImportBenchmark() from bench.ts)
// BENCH_IMPORT_PORT chooses the server's port (default 3402).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { readImportFolder } from "../lib/import/folder";
import { encodeImportUpload } from "../lib/import/multipart-body";
import { planImport } from "../lib/import/plan";
import { eventFile, kohyaFolder, writeFolder, type LoggedScalar } from "./make-import-fixtures";
import { startServer } from "./lib/server";

const EPOCHS = 20;
const PROMPTS = 8;
const SIDE = 1024;
const LOGGED_STEPS = 30_000;
/** The server's peak RSS increase an import of this folder may cost. */
export const IMPORT_RSS_GOAL_MB = 250;

async function benchFolder(log: (line: string) => void): Promise<string> {
  const root = path.resolve("fixtures/bench-import/kohya-20x8");
  const done = path.join(root, ".complete");
  if (existsSync(done)) return root;
  rmSync(root, { recursive: true, force: true });
  const started = performance.now();
  const files = kohyaFolder({ epochs: EPOCHS, prompts: PROMPTS, imageSide: SIDE }).filter((file) => !file.path.includes("tfevents"));
  const scalars: LoggedScalar[] = [];
  for (let step = 1; step <= LOGGED_STEPS; step += 1) {
    scalars.push({ tag: "loss/current", step, value: 0.12 - step / 1e6 });
    scalars.push({ tag: "loss/average", step, value: 0.12 - step / 1e6 });
  }
  files.push({ path: "log/network_train/events.out.tfevents.1761998400.trainbox.4242.0", bytes: eventFile(scalars, 1761998400) });
  files.push({ path: ".complete", bytes: new Uint8Array() });
  writeFolder(root, files);
  log(`  generated ${files.length - 1} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return root;
}

/** The pid listening on a port (the Next.js server process), from `ss`. */
function listenerPid(port: number): number {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = out.match(/pid=(\d+)/);
  if (!match) throw new Error(`No process listens on port ${port}`);
  return Number(match[1]);
}

/** Resident set size of a process, in bytes. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? NaN);
  return kb * 1024;
}

export interface ImportBenchmark {
  files: number;
  megabytes: number;
  planMs: number;
  uploadMs: number;
  peakRssIncreaseMb: number;
  checkpoints: number;
  samples: number;
}

export async function runImportBenchmark(log: (line: string) => void = console.log): Promise<ImportBenchmark> {
  log(`Import: ${EPOCHS} epochs × ${PROMPTS} samples of ${SIDE} px PNG, ${LOGGED_STEPS.toLocaleString("en")}-step event file`);
  const root = await benchFolder(log);
  // As the CLI reads it: LoRA files by their header only.
  const files = (await readImportFolder(root)).filter((file) => file.path !== ".complete");
  const megabytes = files.reduce((sum, file) => sum + file.bytes.length, 0) / 1024 ** 2;

  const times: number[] = [];
  let plan = planImport(files);
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    plan = planImport(files);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  log(
    `  planImport: ${times[1].toFixed(0)} ms (median of 3) for ${files.length} files, ${megabytes.toFixed(0)} MB; ok=${plan.ok}, ${plan.checkpoints.length} checkpoints, ${plan.samples.length} samples`,
  );
  if (!plan.ok) throw new Error("The benchmark folder does not plan cleanly");

  const port = Number(process.env.BENCH_IMPORT_PORT ?? 3402);
  log(`  starting a production server on port ${port} (builds first if the sources changed)…`);
  const server = await startServer({ port, readyTimeoutMs: 900_000 });
  try {
    const pid = listenerPid(port);
    // Warm the route's code and the database before the baseline.
    await fetch(`${server.url}/api/runs?limit=1`);
    await fetch(`${server.url}/api/imports`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "warm-up" });
    const baseline = rssOf(pid);
    let peak = baseline;
    // The peak while the body is still being sent (receiving) and after (planning, previews, the transaction).
    let sent = false;
    let peakWhileSending = baseline;
    const sampler = setInterval(() => {
      try {
        const rss = rssOf(pid);
        peak = Math.max(peak, rss);
        if (!sent) peakWhileSending = Math.max(peakWhileSending, rss);
      } catch {
        // the process is gone: the request below fails and says so
      }
    }, 25);

    const upload = encodeImportUpload(files, "import benchmark");
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = upload.chunks[index++];
        if (chunk) controller.enqueue(chunk);
        else {
          controller.close();
          sent = true;
        }
      },
    });
    const started = performance.now();
    const response = await fetch(`${server.url}/api/imports`, {
      method: "POST",
      headers: { "Content-Type": upload.contentType, "Content-Length": String(upload.length) },
      body,
      duplex: "half",
    } as RequestInit);
    const text = await response.text();
    const uploadMs = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid));
    if (response.status !== 201) throw new Error(`POST /api/imports answered ${response.status}: ${text.slice(0, 500)}`);
    const run = JSON.parse(text) as { checkpoints: { samples: unknown[] }[]; beforeTraining: unknown[] };
    const samples = run.checkpoints.reduce((sum, checkpoint) => sum + checkpoint.samples.length, run.beforeTraining.length);
    const peakRssIncreaseMb = (peak - baseline) / 1024 ** 2;
    log(
      `  POST /api/imports (${(upload.length / 1024 ** 2).toFixed(0)} MB sent): ${(uploadMs / 1000).toFixed(1)} s wall time; server RSS ${(baseline / 1024 ** 2).toFixed(0)} MB before, peak +${peakRssIncreaseMb.toFixed(0)} MB (goal < ${IMPORT_RSS_GOAL_MB} MB; +${((peakWhileSending - baseline) / 1024 ** 2).toFixed(0)} MB while the body was arriving); stored ${run.checkpoints.length} checkpoints, ${samples} samples`,
    );
    return { files: files.length, megabytes, planMs: times[1], uploadMs, peakRssIncreaseMb, checkpoints: run.checkpoints.length, samples };
  } finally {
    await server.stop();
  }
}

if (/bench-import\.ts$/.test(process.argv[1] ?? "")) {
  runImportBenchmark()
    .then((result) => process.exit(result.peakRssIncreaseMb < IMPORT_RSS_GOAL_MB ? 0 : 1))
    .catch((error: unknown) => {
      console.error("Benchmark failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

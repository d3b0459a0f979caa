// Import readers benchmark: the folder of 20 epochs × 8 samples of
// 1024 × 1024 PNG plus a 30,000-step event file, generated once into
// fixtures/bench-import/ (git-ignored). Prints the time planImport takes, and
// the wall time and peak RSS increase of streaming that folder through the
// multipart reader with a store that keeps only a file's first bytes.
// Usage: npx tsx scripts/bench-import.ts   (or runImportBenchmark() from bench.ts)
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { readImportFolder } from "../lib/import/folder";
import { receiveImportUpload } from "../lib/import/multipart";
import { planImport, type ImportFile } from "../lib/import/plan";
import { eventFile, kohyaFolder, writeFolder, type LoggedScalar } from "./make-import-fixtures";

const EPOCHS = 20;
const PROMPTS = 8;
const SIDE = 1024;
const LOGGED_STEPS = 30_000;

async function benchFolder(): Promise<string> {
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
  console.log(`  generated ${files.length - 1} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return root;
}

/** A multipart body produced part by part, as a browser streams an upload. */
function multipartStream(files: ImportFile[], boundary: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index === files.length) {
        controller.enqueue(encoder.encode(`--${boundary}--\r\n`));
        controller.close();
        return;
      }
      const file = files[index++];
      controller.enqueue(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.path}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
      for (let offset = 0; offset < file.bytes.length; offset += 64 * 1024) controller.enqueue(file.bytes.subarray(offset, offset + 64 * 1024));
      controller.enqueue(encoder.encode("\r\n"));
    },
  });
}

export async function runImportBenchmark() {
  console.log(`Import: ${EPOCHS} epochs × ${PROMPTS} samples of ${SIDE} px PNG, ${LOGGED_STEPS.toLocaleString("en")}-step event file`);
  const root = await benchFolder();
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
  console.log(`  planImport: ${times[1].toFixed(0)} ms (median of 3) for ${files.length} files, ${megabytes.toFixed(0)} MB; ok=${plan.ok}, ${plan.checkpoints.length} checkpoints, ${plan.samples.length} samples`);

  const streamed = await measureUpload(files, (file) => ({ ...file, bytes: file.bytes.slice(0, 1024) }));
  console.log(
    `  multipart, store keeps 1 KB per file: ${streamed.ms.toFixed(0)} ms (${(megabytes / (streamed.ms / 1000)).toFixed(0)} MB/s), peak RSS +${streamed.peakMegabytes.toFixed(0)} MB`,
  );
  const kept = await measureUpload(files, (file) => file);
  console.log(`  multipart, every file kept in memory: ${kept.ms.toFixed(0)} ms, peak RSS +${kept.peakMegabytes.toFixed(0)} MB`);
}

async function measureUpload(files: ImportFile[], onFile: (file: ImportFile) => ImportFile) {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const boundary = "----epochlabbench";
  const started = performance.now();
  const upload = await receiveImportUpload(
    { headers: new Headers({ "content-type": `multipart/form-data; boundary=${boundary}` }), body: multipartStream(files, boundary) },
    { onFile },
  );
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (upload.files.length !== files.length) throw new Error(`expected ${files.length} files, got ${upload.files.length}`);
  return { ms, peakMegabytes: (peak - baseline) / 1024 ** 2 };
}

if (/bench-import\.ts$/.test(process.argv[1] ?? "")) {
  runImportBenchmark().catch((error: unknown) => {
    console.error("Benchmark failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

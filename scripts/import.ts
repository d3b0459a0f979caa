// npm run import -- <folder> [--server URL] [--token T] [--name NAME]
// Reads a trainer's output folder (kohya sd-scripts, ai-toolkit, TensorBoard
// CSV exports) as the browser would, LoRA files by their header only, posts it
// to POST /api/imports with the upload's progress, and prints the new run's URL.
import { resolve } from "node:path";
import { stat } from "node:fs/promises";
import { readImportFolder } from "../lib/import/folder";
import { encodeImportUpload } from "../lib/import/multipart-body";

interface Options {
  folder: string;
  server: string;
  token: string | null;
  name: string | null;
}

function parseArguments(argv: string[]): Options {
  let folder: string | null = null;
  let server = process.env.EPOCH_LAB_URL ?? "http://localhost:3000";
  let token = process.env.EPOCH_LAB_TOKEN ?? null;
  let name: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${argument} needs a value`);
      return next;
    };
    if (argument === "--server") server = value();
    else if (argument === "--token") token = value();
    else if (argument === "--name") name = value();
    else if (argument === "--help" || argument === "-h") usage(0);
    else if (argument.startsWith("--")) fail(`Unknown option ${argument}`);
    else if (folder === null) folder = argument;
    else fail(`One folder at a time (got ${folder} and ${argument})`);
  }
  if (folder === null) usage(2);
  return { folder: resolve(folder), server: server.replace(/\/+$/, ""), token, name };
}

function usage(code: number): never {
  console.error("Usage: npm run import -- <folder> [--server URL] [--token TOKEN] [--name NAME]");
  process.exit(code);
}

function fail(message: string): never {
  console.error(`import: ${message}`);
  process.exit(1);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const info = await stat(options.folder).catch(() => null);
  if (!info?.isDirectory()) fail(`${options.folder} is not a folder`);

  const files = await readImportFolder(options.folder);
  if (files.length === 0) fail(`${options.folder} holds no files`);
  const upload = encodeImportUpload(files, options.name);
  console.log(`Sending ${files.length} files (${megabytes(upload.length)}; LoRA files by their header only) to ${options.server}`);

  let sent = 0;
  let lastShown = -1;
  const chunks = upload.chunks;
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (!chunk) {
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      sent += chunk.byteLength;
      const percent = Math.floor((sent / upload.length) * 100);
      if (percent >= lastShown + 10 || sent === upload.length) {
        lastShown = percent;
        process.stdout.write(`Uploaded ${percent}% (${megabytes(sent)} of ${megabytes(upload.length)})\n`);
      }
    },
  });

  const headers: Record<string, string> = { "Content-Type": upload.contentType, "Content-Length": String(upload.length) };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(`${options.server}/api/imports`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  } catch (error) {
    fail(`Could not reach ${options.server}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  const text = await response.text();
  let json: { id?: string; name?: string; error?: { message?: string; fields?: Record<string, string> } } = {};
  try {
    json = JSON.parse(text);
  } catch {
    fail(`The server answered ${response.status} without JSON: is ${options.server} an Epoch Lab server?`);
  }
  if (!response.ok) {
    const fields = Object.entries(json.error?.fields ?? {});
    console.error(`import: ${json.error?.message ?? `the server answered ${response.status}`}`);
    for (const [file, message] of fields) console.error(`  ${file}: ${message}`);
    process.exit(1);
  }
  console.log(`Imported "${json.name}": ${options.server}/runs/${json.id}`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

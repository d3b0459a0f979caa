// Reads a trainer's output folder from disk the way the browser does: every
// file's relative path, LoRA files cut right after their header (the weights
// are never read), everything else whole. For the import CLI and tests; uses
// node:fs, so it is not part of lib/import's browser-safe index.
import { open, readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { ImportFile } from "./plan";
import { headerBytesNeeded, SAFETENSORS_PREFIX_BYTES } from "./safetensors";

/** Reads every file under `root` (hidden folders too: ai-toolkit logs to `.tensorboard`). */
export async function readImportFolder(root: string): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  for (const path of (await listFiles(root)).sort()) {
    const absolute = join(root, path);
    const { size } = await stat(absolute);
    const bytes = /\.safetensors$/i.test(path) ? await readHeader(absolute, size) : new Uint8Array(await readFile(absolute));
    files.push({ path: path.split(sep).join("/"), bytes, size });
  }
  return files;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

async function readHeader(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const prefix = new Uint8Array(Math.min(SAFETENSORS_PREFIX_BYTES, size));
    await handle.read(prefix, 0, prefix.length, 0);
    const end = headerBytesNeeded(prefix);
    if (end === null) return prefix;
    const header = new Uint8Array(Math.min(end, size));
    await handle.read(header, 0, header.length, 0);
    return header;
  } finally {
    await handle.close();
  }
}

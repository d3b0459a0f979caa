// Imported runs: a trainer's output folder (an ImportPlan from lib/import)
// stored as a run with its measured losses, its sample images and the settings
// the files gave. Nothing simulated is stored per checkpoint: the prediction
// for the same settings is simulated again whenever the run is read.
import "server-only";
import { createHash } from "node:crypto";
import { appendFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { db, dbReady, transactionWithBulkWrites } from "@/lib/server/db";
import type { ImportFile, ImportPlan } from "@/lib/import";
import { IMAGE_HEAD_BYTES, inspectImage, isImagePath, MAX_IMAGE_PIXELS, problemFields } from "@/lib/import";
import { pickSettings, resolveSettings, SettingsError, SETTING_KEYS, simulate, type Checkpoint, type SettingKey, type Settings } from "@/lib/sim";
import { InputError, NotFoundError } from "@/lib/errors";
import { newRunId, runRecordFrom } from "@/lib/server/runs/record";
import { toRunSummary } from "@/lib/server/runs/serialize";
import type { RunSummary } from "@/lib/runs/types";

/** The dataset size the prediction assumes when the trainer's files do not say it. */
export const IMAGES_WHEN_UNKNOWN = 20;

// Previews are made one image at a time: libvips' operation cache and one worker thread per core only hold memory here.
sharp.cache(false);
sharp.concurrency(1);

/** Longest side of an image's preview, in pixels. */
export const PREVIEW_SIDE = 512;

export interface ImportSettingsInfo {
  /** Settings the trainer's files gave; every other setting holds the simulator's default. */
  read: SettingKey[];
  /** Settings the files gave that the simulator cannot take, in the trainer's words. */
  unmodelled: Record<string, string>;
  optimizerArgs: Record<string, string>;
}

export interface ImportedSample {
  promptIndex: number;
  prompt: string | null;
  url: string;
  previewUrl: string;
  width: number;
  height: number;
}

export interface MeasuredCheckpointView {
  epoch: number;
  step: number | null;
  file: string;
  /** null: the trainer did not log it for this epoch. */
  trainLoss: number | null;
  validationLoss: number | null;
  samples: ImportedSample[];
}

/** An imported run as GET /api/runs/{id} answers it. */
export interface ImportedRunDetail extends RunSummary {
  source: "imported";
  trainer: string | null;
  importInfo: ImportSettingsInfo;
  /** Samples rendered before training (epoch 0), when the trainer made them. */
  beforeTraining: ImportedSample[];
  checkpoints: MeasuredCheckpointView[];
  /** The simulator's checkpoints for the same settings, computed when read. */
  prediction: Checkpoint[];
}

/** The simulator settings of an imported folder: what the files say, defaults for the rest. */
export function settingsFromPlan(plan: ImportPlan, name: string | null): { settings: Settings; info: ImportSettingsInfo } {
  const read = plan.settings;
  const lastEpoch = plan.checkpoints.reduce((last, checkpoint) => Math.max(last, checkpoint.epoch), 0);
  const candidate: Record<string, unknown> = {
    name: name ?? read.name ?? "Imported run",
    images: read.images,
    repeats: read.repeats,
    epochs: read.epochs ?? (lastEpoch > 0 ? lastEpoch : null),
    batchSize: read.batchSize,
    learningRate: read.learningRate,
    textEncoderLearningRate: read.textEncoderLearningRate,
    networkDim: read.networkDim,
    networkAlpha: read.networkAlpha,
    optimizer: read.optimizer,
    lrScheduler: read.lrScheduler,
    warmupSteps: read.warmupSteps,
    modelFamily: read.modelFamily,
    seed: read.seed,
  };
  const unmodelled = { ...read.unmodelled };
  const given = Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== null && value !== undefined));
  // A value the simulator refuses (an epoch count over its range, a learning rate it does not model) is kept in the
  // trainer's words and the setting falls back to its default, so the measured run is stored all the same.
  for (let attempt = 0; attempt < SETTING_KEYS.length + 1; attempt++) {
    const keys = Object.keys(given).filter((key) => key !== "name") as SettingKey[];
    try {
      // The simulator needs a dataset size; ai-toolkit does not record one.
      const settings = resolveSettings({ images: IMAGES_WHEN_UNKNOWN, ...given }, { seed: () => 0 });
      return { settings, info: { read: keys, unmodelled, optimizerArgs: read.optimizerArgs } };
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      for (const [field, message] of Object.entries(error.fields)) {
        if (field === "name") given.name = String(given.name).slice(0, 100).trim() || "Imported run";
        else {
          unmodelled[field] = `${String(given[field])} (${message})`;
          delete given[field];
        }
      }
    }
  }
  throw new InputError("The settings read from the folder could not be used", {});
}

interface PreparedImage {
  hash: string;
  mime: string;
  width: number;
  height: number;
  preview: Uint8Array<ArrayBuffer>;
}

/** Hashes an image and makes its WebP preview (at most 512 px on the longer side); the image itself is not kept. */
export async function prepareImage(bytes: Uint8Array, mime: string, width: number, height: number): Promise<PreparedImage> {
  const hash = createHash("sha256").update(bytes).digest("hex");
  let preview: Buffer;
  try {
    // limitInputPixels: sharp refuses to decode more pixels than the header check lets through, whatever a file claims.
    preview = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, sequentialRead: true })
      .resize(PREVIEW_SIDE, PREVIEW_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch {
    throw new ImageDecodeError();
  }
  return { hash, mime, width, height, preview: new Uint8Array(preview) };
}

class ImageDecodeError extends Error {
  constructor() {
    super("The image could not be decoded: the file is damaged or holds more than its header says");
  }
}

/** Reads a file of the import whole (a staged image from disk, or the bytes that were sent). */
export type ImportFileReader = (path: string) => Promise<Uint8Array>;

/**
 * Where an upload's sample images wait while it arrives: each image is written
 * to a folder of its own under the system's temporary folder as it comes in,
 * and only its first bytes (its header) stay in memory for the plan, so an
 * import of any number of images holds one at a time. `dispose` removes the
 * folder; call it whatever happens.
 */
export interface ImportStaging {
  /** For receiveImportUpload's onFile: stages an image, passes anything else through. */
  keep(file: ImportFile): Promise<ImportFile>;
  /** The whole bytes of a file kept by `keep`. */
  read: ImportFileReader;
  dispose(): Promise<void>;
}

/** Lengths of an image's start tried before IMAGE_HEAD_BYTES: a PNG's or WebP's header is in its first bytes, a JPEG's may follow EXIF and ICC blocks. */
const SHORTER_HEADS = [4 * 1024, 64 * 1024];

/**
 * The shortest start of an image (of `size` bytes in all) that the header
 * check reads as it reads the first IMAGE_HEAD_BYTES, which is all the plan
 * reads of it; as a copy, since a view would keep the whole image's buffer
 * alive. An upload's heads are held until it is stored: at 256 KB each, the
 * 168 images of the import benchmark would hold 42 MB.
 */
export function shortestHead(bytes: Uint8Array, size: number): Uint8Array {
  const head = bytes.subarray(0, IMAGE_HEAD_BYTES);
  const verdict = JSON.stringify(inspectImage(head, size));
  const length = SHORTER_HEADS.find((n) => n < head.length && JSON.stringify(inspectImage(head.subarray(0, n), size)) === verdict) ?? head.length;
  return new Uint8Array(head.subarray(0, length));
}

export async function createImportStaging(): Promise<ImportStaging> {
  const folder = await mkdtemp(join(tmpdir(), "epoch-lab-import-"));
  const staged = new Map<string, string>();
  const passed = new Map<string, Uint8Array>();
  return {
    async keep(file) {
      if (!isImagePath(file.path) || file.bytes.length <= IMAGE_HEAD_BYTES) {
        passed.set(file.path, file.bytes);
        return file;
      }
      const target = join(folder, String(staged.size));
      await writeFile(target, file.bytes);
      staged.set(file.path, target);
      return { path: file.path, bytes: shortestHead(file.bytes, file.size), size: file.size, head: true };
    },
    async read(path) {
      const target = staged.get(path);
      if (target !== undefined) return readFile(target);
      const bytes = passed.get(path);
      if (bytes === undefined) throw new InputError(`The file ${path} was not sent`, { [path]: "The file was not sent" }, 400);
      return bytes;
    },
    async dispose() {
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** With EPOCH_LAB_IMPORT_MEMORY_LOG=<file>, appends the process's memory at each stage of an import (for the benchmark). */
export function logImportMemory(stage: string) {
  const file = process.env.EPOCH_LAB_IMPORT_MEMORY_LOG;
  if (!file) return;
  const m = process.memoryUsage();
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}`;
  appendFileSync(
    file,
    `${new Date().toISOString()} ${stage}: rss ${mb(m.rss)} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}\n`,
  );
}

/** Reads files from the list that was planned (every byte in memory). */
function readFromList(files: readonly ImportFile[]): ImportFileReader {
  const byPath = new Map(files.map((file) => [file.path, file]));
  return async (path) => {
    const file = byPath.get(path);
    if (!file || file.head) throw new InputError(`The sample ${path} was not sent`, { [path]: "The file was not sent" }, 400);
    return file.bytes;
  };
}

/**
 * Stores an import plan as one run: the run, its measured checkpoints, its
 * samples and their images in one transaction (images upserted by hash), so a
 * failure anywhere leaves nothing behind, not even an image. Each image is
 * decoded for its preview (which also proves it is whole) before the
 * transaction and read again inside it, one at a time, and written straight
 * through the database driver in the same transaction, so the images are never
 * all in memory together and none is kept once written (see docs/import.md,
 * Benchmark).
 */
export async function importRun(access: WriteAccess, plan: ImportPlan, files: readonly ImportFile[], options: { name?: string | null; read?: ImportFileReader } = {}): Promise<ImportedRunDetail> {
  void access;
  if (!plan.ok) throw new InputError("The folder cannot be imported: see each file's problem", problemFields(plan.problems), 422);
  const read = options.read ?? readFromList(files);
  const images = new Map<string, PreparedImage & { file: string }>();
  const sampleRows: { epoch: number; promptIndex: number; prompt: string | null; imageHash: string }[] = [];
  for (const sample of plan.samples) {
    const bytes = await read(sample.file);
    let image: PreparedImage;
    try {
      image = await prepareImage(bytes, sample.image.mimeType, sample.image.width, sample.image.height);
    } catch (error) {
      if (error instanceof ImageDecodeError) throw new InputError(`${sample.file}: ${error.message}`, { [sample.file]: error.message }, 422);
      throw error;
    }
    if (!images.has(image.hash)) images.set(image.hash, { ...image, file: sample.file });
    sampleRows.push({ epoch: sample.epoch, promptIndex: sample.promptIndex, prompt: sample.prompt, imageHash: image.hash });
  }

  logImportMemory("previews made");
  const { settings, info } = settingsFromPlan(plan, options.name ?? null);
  const prediction = simulate(settings);
  const { checkpoints: _simulated, ...runRow } = runRecordFrom(newRunId(), prediction);
  void _simulated;
  await dbReady();
  let id: string;
  try {
    id = await transactionWithBulkWrites(
      async (tx, writer) => {
        const createdAt = new Date();
        for (const image of images.values()) {
          const known = await tx.image.findUnique({ where: { hash: image.hash }, select: { hash: true } });
          if (known) continue;
          const bytes = await read(image.file);
          logImportMemory(`image ${image.file}`);
          // Through the driver, not tx.image.create: Prisma would keep the last images' bytes in its debug history (see transactionWithBulkWrites).
          await writer.execute(
            'INSERT INTO "Image" ("hash", "mime", "width", "height", "bytes", "preview", "previewMime", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("hash") DO NOTHING',
            [
              { type: "string", value: image.hash },
              { type: "string", value: image.mime },
              { type: "int", value: image.width },
              { type: "int", value: image.height },
              { type: "bytes", value: bytes },
              { type: "bytes", value: image.preview },
              { type: "string", value: "image/webp" },
              { type: "datetime", value: createdAt },
            ],
          );
        }
        const run = await tx.run.create({
          data: {
            ...runRow,
            source: "imported",
            trainer: plan.trainer,
            importInfo: JSON.stringify(info),
            measured: {
              create: plan.checkpoints.map((checkpoint) => ({
                epoch: checkpoint.epoch,
                step: checkpoint.step,
                file: checkpoint.file,
                trainLoss: checkpoint.trainLoss,
                validationLoss: checkpoint.validationLoss,
              })),
            },
            samples: { create: sampleRows },
          },
          select: { id: true },
        });
        return run.id;
      },
      // Writing a large import's images takes longer than Prisma's 5-second default.
      { maxWait: 30_000, timeout: 300_000 },
    );
  } catch (error) {
    console.error("Storing an imported run failed:", error);
    throw new Error("The imported run could not be saved. Nothing was stored; try again.");
  }
  logImportMemory("stored");
  const stored = await getImportedRun(id);
  if (!stored) throw new NotFoundError();
  return stored;
}

/** An imported run with its measured checkpoints, samples and the prediction for its settings; null when unknown or simulated. */
export async function getImportedRun(id: string): Promise<ImportedRunDetail | null> {
  await dbReady();
  const row = await db.run.findUnique({
    where: { id },
    omit: { lossCurve: true },
    include: {
      measured: { orderBy: { epoch: "asc" } },
      samples: { orderBy: [{ epoch: "asc" }, { promptIndex: "asc" }], include: { image: { select: { width: true, height: true } } } },
    },
  });
  if (!row || row.source !== "imported") return null;
  const summary = toRunSummary(row);
  const samplesOf = (epoch: number): ImportedSample[] =>
    row.samples
      .filter((sample) => sample.epoch === epoch)
      .map((sample) => ({
        promptIndex: sample.promptIndex,
        prompt: sample.prompt,
        url: `/api/images/${sample.imageHash}`,
        previewUrl: `/api/images/${sample.imageHash}?preview=1`,
        width: sample.image.width,
        height: sample.image.height,
      }));
  return {
    ...summary,
    source: "imported",
    trainer: row.trainer,
    importInfo: parseImportInfo(row.importInfo),
    beforeTraining: samplesOf(0),
    checkpoints: row.measured.map((checkpoint) => ({
      epoch: checkpoint.epoch,
      step: checkpoint.step,
      file: checkpoint.file,
      trainLoss: checkpoint.trainLoss,
      validationLoss: checkpoint.validationLoss,
      samples: samplesOf(checkpoint.epoch),
    })),
    prediction: simulate(pickSettings(summary)).checkpoints,
  };
}

function parseImportInfo(text: string | null): ImportSettingsInfo {
  const empty: ImportSettingsInfo = { read: [], unmodelled: {}, optimizerArgs: {} };
  if (!text) return empty;
  try {
    return { ...empty, ...(JSON.parse(text) as Partial<ImportSettingsInfo>) };
  } catch {
    return empty;
  }
}

/** The stored bytes of an image (or its preview) by hash; null when unknown. */
export async function getImage(hash: string, preview: boolean): Promise<{ bytes: Uint8Array<ArrayBuffer>; mime: string } | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  await dbReady();
  if (preview) {
    const row = await db.image.findUnique({ where: { hash }, select: { preview: true, previewMime: true } });
    return row && { bytes: new Uint8Array(row.preview), mime: row.previewMime };
  }
  const row = await db.image.findUnique({ where: { hash }, select: { bytes: true, mime: true } });
  return row && { bytes: new Uint8Array(row.bytes), mime: row.mime };
}

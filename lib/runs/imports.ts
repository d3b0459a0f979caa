// Imported runs: a trainer's output folder (an ImportPlan from lib/import)
// stored as a run with its measured losses, its sample images and the settings
// the files gave. Nothing simulated is stored per checkpoint: the prediction
// for the same settings is simulated again whenever the run is read.
import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { WriteAccess } from "@/lib/auth/write-access";
import { db, dbReady } from "@/lib/db";
import type { ImportFile, ImportPlan } from "@/lib/import";
import { problemFields } from "@/lib/import";
import { pickSettings, resolveSettings, SettingsError, SETTING_KEYS, simulate, type Checkpoint, type SettingKey, type Settings } from "@/lib/sim";
import { InputError, NotFoundError } from "@/lib/errors";
import { newRunId, runRecordFrom } from "./record";
import { toRunSummary } from "./serialize";
import type { RunSummary } from "./types";

/** The dataset size the prediction assumes when the trainer's files do not say it. */
export const IMAGES_WHEN_UNKNOWN = 20;

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
  bytes: Uint8Array<ArrayBuffer>;
  preview: Uint8Array<ArrayBuffer>;
}

/** Hashes an image and makes its WebP preview (at most 512 px on the longer side). */
export async function prepareImage(bytes: Uint8Array, mime: string, width: number, height: number): Promise<PreparedImage> {
  const hash = createHash("sha256").update(bytes).digest("hex");
  let preview: Buffer;
  try {
    preview = await sharp(bytes, { limitInputPixels: 4096 * 4096 })
      .resize(PREVIEW_SIDE, PREVIEW_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch {
    throw new ImageDecodeError();
  }
  return { hash, mime, width, height, bytes: new Uint8Array(bytes), preview: new Uint8Array(preview) };
}

class ImageDecodeError extends Error {
  constructor() {
    super("The image could not be decoded: the file is damaged");
  }
}

/**
 * Stores an import plan as one run: the run, its measured checkpoints, its
 * samples and their images in one transaction (images upserted by hash), so a
 * failure anywhere leaves nothing behind, not even an image.
 */
export async function importRun(
  access: WriteAccess,
  plan: ImportPlan,
  files: readonly ImportFile[],
  options: { name?: string | null } = {},
): Promise<ImportedRunDetail> {
  void access;
  if (!plan.ok) throw new InputError("The folder cannot be imported: see each file's problem", problemFields(plan.problems), 422);
  const byPath = new Map(files.map((file) => [file.path, file]));
  const images = new Map<string, PreparedImage>();
  const sampleRows: { epoch: number; promptIndex: number; prompt: string | null; imageHash: string }[] = [];
  for (const sample of plan.samples) {
    const file = byPath.get(sample.file);
    if (!file) throw new InputError(`The sample ${sample.file} was not sent`, { [sample.file]: "The file was not sent" }, 400);
    let image: PreparedImage;
    try {
      image = await prepareImage(file.bytes, sample.image.mimeType, sample.image.width, sample.image.height);
    } catch (error) {
      if (error instanceof ImageDecodeError) throw new InputError(error.message, { [sample.file]: error.message }, 422);
      throw error;
    }
    images.set(image.hash, image);
    sampleRows.push({ epoch: sample.epoch, promptIndex: sample.promptIndex, prompt: sample.prompt, imageHash: image.hash });
  }

  const { settings, info } = settingsFromPlan(plan, options.name ?? null);
  const prediction = simulate(settings);
  const { checkpoints: _simulated, ...runRow } = runRecordFrom(newRunId(), prediction);
  void _simulated;
  await dbReady();
  let id: string;
  try {
    id = await db.$transaction(async (tx) => {
      for (const image of images.values()) {
        await tx.image.upsert({
          where: { hash: image.hash },
          create: { hash: image.hash, mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, preview: image.preview, previewMime: "image/webp" },
          update: {},
        });
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
    });
  } catch (error) {
    console.error("Storing an imported run failed:", error);
    throw new Error("The imported run could not be saved. Nothing was stored; try again.");
  }
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

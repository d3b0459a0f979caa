// planImport: from the files of a trainer's output folder to what an import
// would store, with every problem named by file. Pure: no file system, no
// database; the bytes are given (whole files, or a safetensors file's first
// 8 + N bytes with its real size).
import { readAiToolkitConfig, type AiToolkitConfig } from "./ai-toolkit-config";
import { parseAiToolkitCheckpointName, parseAiToolkitSampleName, parseKohyaCheckpointName, parseKohyaSampleName, type CheckpointName, type SampleName } from "./file-names";
import { inspectImage, type ImageInfo } from "./image-header";
import { readKohyaMetadata, type KohyaFileMetadata, type KohyaTrainingIdentity } from "./kohya-metadata";
import { baseName, checkRelativePath } from "./paths";
import { importError, importWarning, type ImportProblem } from "./problems";
import { parsePromptFile } from "./prompt-file";
import { readSafetensorsHeader } from "./safetensors";
import { parseTensorBoardCsv, tagFromCsvName } from "./tensorboard-csv";
import { readEventFile, type ScalarPoint } from "./tensorboard-events";
import { emptySettings, type ImportedSettings } from "./types";

export interface ImportFile {
  /** Path relative to the chosen folder, as the browser or the multipart filename gives it. */
  path: string;
  /** The file's bytes; for a `.safetensors` file its first 8 + N bytes are enough. */
  bytes: Uint8Array;
  /** The file's size on disk, in bytes. */
  size: number;
  /**
   * For a sample image only: `bytes` are just its first bytes (enough for the
   * header, see IMAGE_HEAD_BYTES) and the whole file is kept elsewhere (the
   * server's staging folder, the browser's File), so a plan never needs every
   * image in memory at once.
   */
  head?: boolean;
}

/** How many of an image's first bytes a plan needs: its header (a JPEG's may follow EXIF and ICC blocks of up to 64 KB each). */
export const IMAGE_HEAD_BYTES = 256 * 1024;

export type Trainer = "kohya" | "ai-toolkit";

export interface PlannedCheckpoint {
  /** 1-based; for step-saved runs (ai-toolkit) the checkpoint's place in step order. */
  epoch: number;
  step: number | null;
  file: string;
  /** Epoch-average training loss from the logs; null when not logged. */
  trainLoss: number | null;
  /** Epoch-average validation loss from the logs; null when not logged. */
  validationLoss: number | null;
}

export interface PlannedSample {
  /** 0 = before training. */
  epoch: number;
  step: number | null;
  promptIndex: number;
  prompt: string | null;
  file: string;
  image: ImageInfo;
}

export interface ImportPlan {
  trainer: Trainer | null;
  settings: ImportedSettings;
  checkpoints: PlannedCheckpoint[];
  /** Sorted by epoch, then prompt index. */
  samples: PlannedSample[];
  /** Log files whose scalars were read (event files and CSV exports). */
  logs: string[];
  /** Files that were not needed (captions, dataset configs, optimizer states…). */
  ignored: string[];
  problems: ImportProblem[];
  /** True when no problem is an error: the import may be stored. */
  ok: boolean;
}

const IMAGE_EXTENSION = /\.(png|jpe?g|webp)$/i;

/** True for the file names a sample image can have (`.png`, `.jpg`, `.jpeg`, `.webp`). */
export function isImagePath(path: string): boolean {
  return IMAGE_EXTENSION.test(path);
}
const EVENT_FILE = /^events\.out\.tfevents\./;

interface LoraFile {
  path: string;
  name: CheckpointName | null;
  /** kohya's `ss_*` metadata, when the file was written by sd-scripts. */
  metadata: KohyaFileMetadata | null;
  /** ai-toolkit's `training_info.step` (`update_training_metadata`), when the file was written by ai-toolkit. */
  aiToolkitStep: number | null;
  /** What an ai-toolkit file's `ss_*` keys say (`ss_output_name`, `ss_base_model_version`). */
  aiToolkitMetadata: KohyaFileMetadata | null;
}

interface SampleFile {
  path: string;
  name: SampleName;
  image: ImageInfo;
}

/** Reads a trainer's output folder into an import plan. */
export function planImport(files: readonly ImportFile[]): ImportPlan {
  const problems: ImportProblem[] = [];
  const ignored: string[] = [];
  const loras: LoraFile[] = [];
  // LoRA files refused for their content: their epochs are already reported, so their samples are not reported again.
  const refusedLoras: string[] = [];
  const sampleFiles: { file: ImportFile; path: string }[] = [];
  const eventFiles: { file: ImportFile; path: string }[] = [];
  const csvFiles: { file: ImportFile; path: string }[] = [];
  const promptFiles: { file: ImportFile; path: string }[] = [];
  const configFiles: { file: ImportFile; path: string }[] = [];
  const seen = new Set<string>();

  for (const file of files) {
    const check = checkRelativePath(file.path);
    if (!check.ok) {
      problems.push(importError(file.path, check.message));
      continue;
    }
    const path = check.path;
    if (seen.has(path)) {
      problems.push(importError(path, "The same path was sent twice"));
      continue;
    }
    seen.add(path);
    const name = baseName(path);
    if (file.bytes.length > file.size) {
      problems.push(importError(path, `${file.bytes.length} bytes were sent for a file of ${file.size} bytes`));
      continue;
    }
    const whole = file.bytes.length === file.size;
    if (/\.safetensors$/i.test(name)) {
      const header = readSafetensorsHeader(file.bytes, file.size);
      if (!header.ok) {
        problems.push(importError(path, header.message));
        refusedLoras.push(path);
        continue;
      }
      const metadata = readKohyaMetadata(header.header.metadata);
      if (!metadata.ok) {
        problems.push(importError(path, metadata.message));
        refusedLoras.push(path);
        continue;
      }
      const aiToolkit = aiToolkitTrainingInfo(header.header.metadata);
      loras.push({
        path,
        name: null,
        metadata: metadata.value.isKohya && aiToolkit === null ? metadata.value : null,
        aiToolkitStep: aiToolkit?.step ?? null,
        aiToolkitMetadata: aiToolkit === null ? null : metadata.value,
      });
      continue;
    }
    const headIsEnough = file.head === true && IMAGE_EXTENSION.test(name);
    const needsWhole = IMAGE_EXTENSION.test(name) || EVENT_FILE.test(name) || /\.(csv|ya?ml|txt)$/i.test(name);
    if (needsWhole && !whole && !headIsEnough) {
      problems.push(importError(path, `Only ${file.bytes.length} of its ${file.size} bytes were sent`));
      continue;
    }
    if (IMAGE_EXTENSION.test(name)) sampleFiles.push({ file, path });
    else if (EVENT_FILE.test(name)) eventFiles.push({ file, path });
    else if (/\.csv$/i.test(name)) csvFiles.push({ file, path });
    else if (/\.txt$/i.test(name) && /prompt/i.test(name)) promptFiles.push({ file, path });
    else if (/^config\.ya?ml$/i.test(name)) configFiles.push({ file, path });
    else ignored.push(path);
  }

  // ai-toolkit's saved job config decides the trainer; otherwise kohya's metadata or names do.
  let aiConfig: AiToolkitConfig | null = null;
  let aiConfigPath = "";
  for (const { file, path } of configFiles) {
    const result = readAiToolkitConfig(decodeText(file.bytes));
    if (result.ok && aiConfig === null) {
      aiConfig = result.config;
      aiConfigPath = path;
    } else ignored.push(path);
  }
  const looksAiToolkit =
    aiConfig !== null ||
    loras.some((lora) => lora.aiToolkitMetadata !== null) ||
    (loras.every((lora) => lora.metadata === null) &&
      (sampleFiles.some(({ path }) => parseAiToolkitSampleName(path) !== null) || loras.some((lora) => parseAiToolkitCheckpointName(lora.path)?.kind === "step")));
  const trainer: Trainer | null = loras.length === 0 && !looksAiToolkit ? null : looksAiToolkit ? "ai-toolkit" : "kohya";

  for (const lora of loras) {
    lora.name = trainer === "ai-toolkit" ? parseAiToolkitCheckpointName(lora.path) : parseKohyaCheckpointName(lora.path);
  }

  if (loras.length === 0 && refusedLoras.length === 0) {
    problems.push(importError("", "No LoRA file (.safetensors) in the folder: there is nothing to import"));
  }

  const settings = trainer === "ai-toolkit" ? readAiToolkitSettings(aiConfig, loras) : readKohyaSettings(loras, problems);
  const checkpoints = trainer === "ai-toolkit" ? placeAiToolkitCheckpoints(loras, aiConfig, problems) : placeKohyaCheckpoints(loras, problems);
  if (trainer === "ai-toolkit") settings.epochs = checkpoints.length > 0 ? checkpoints.length : null;

  // Samples: the image must be one, and its name must say when it was made.
  const samples: SampleFile[] = [];
  for (const { file, path } of sampleFiles) {
    const name = trainer === "ai-toolkit" ? parseAiToolkitSampleName(path) : (parseKohyaSampleName(path) ?? parseAiToolkitSampleName(path));
    if (name === null) {
      ignored.push(path);
      continue;
    }
    const image = inspectImage(file.bytes, file.size);
    if (!image.ok) {
      problems.push(importError(path, image.message));
      continue;
    }
    samples.push({ path, name, image: image.image });
  }

  const prompts = readPrompts(trainer, aiConfig, aiConfigPath, promptFiles, problems, ignored);
  const stepsPerEpoch = stepsPerEpochOf(checkpoints, settings);
  const planned = placeSamples(samples, checkpoints, refusedEpochs(refusedLoras, checkpoints, trainer), stepsPerEpoch, trainer, prompts?.texts ?? null, problems);
  if (prompts !== null) checkPromptCount(prompts.path, prompts.texts.length, planned, problems);

  const scalars: ScalarPoint[] = [];
  const logs: string[] = [];
  for (const { file, path } of eventFiles) {
    const result = readEventFile(file.bytes);
    if (!result.ok) {
      problems.push(importError(path, result.message));
      continue;
    }
    logs.push(path);
    // One by one: spreading a long log's scalars into push() would overflow the call stack.
    for (const point of result.scalars) scalars.push(point);
    if (result.end.kind === "truncated") {
      problems.push(importWarning(path, `The log stops mid-record at byte ${result.end.offset} (still training?): the records before it were read`));
    } else if (result.end.kind === "corrupt") {
      problems.push(importWarning(path, `The log is damaged (${result.end.message}): the records before it were read`));
    }
  }
  for (const { file, path } of csvFiles) {
    const result = parseTensorBoardCsv(decodeText(file.bytes), tagFromCsvName(path));
    if (!result.ok) {
      problems.push(importError(path, result.message));
      continue;
    }
    logs.push(path);
    for (const point of result.points) scalars.push(point);
  }
  attachLosses(checkpoints, scalars, stepsPerEpoch, trainer);

  return {
    trainer,
    settings,
    checkpoints,
    samples: planned,
    logs: logs.sort(),
    ignored: ignored.sort(),
    problems,
    ok: !problems.some((problem) => problem.severity === "error"),
  };
}

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

/** Settings from the newest epoch file; every file must come from the same training. */
function readKohyaSettings(loras: LoraFile[], problems: ImportProblem[]): ImportedSettings {
  // Compared against the earliest epoch file, so the odd one out is named whatever order the files came in.
  const withMetadata = (loras.filter((lora) => lora.metadata !== null) as (LoraFile & { metadata: KohyaFileMetadata })[]).sort(
    (a, b) => (a.metadata.epoch ?? Infinity) - (b.metadata.epoch ?? Infinity) || a.path.localeCompare(b.path),
  );
  if (withMetadata.length === 0) return emptySettings();
  const reference = withMetadata[0];
  for (const lora of withMetadata.slice(1)) {
    const difference = identityDifference(reference.metadata.identity, lora.metadata.identity);
    if (difference !== null) {
      problems.push(importError(lora.path, `Comes from a different training than ${reference.path}: its ${difference.key} is ${difference.theirs}, not ${difference.ours}`));
    }
  }
  const newest = [...withMetadata].sort((a, b) => (b.metadata.epoch ?? 0) - (a.metadata.epoch ?? 0) || (b.metadata.step ?? 0) - (a.metadata.step ?? 0))[0];
  return { ...newest.metadata.settings, optimizerArgs: { ...newest.metadata.settings.optimizerArgs }, unmodelled: { ...newest.metadata.settings.unmodelled } };
}

function identityDifference(ours: KohyaTrainingIdentity, theirs: KohyaTrainingIdentity): { key: string; ours: string; theirs: string } | null {
  const keys: [keyof KohyaTrainingIdentity, string][] = [
    ["sessionId", "ss_session_id"],
    ["trainingStartedAt", "ss_training_started_at"],
    ["outputName", "ss_output_name"],
  ];
  for (const [field, key] of keys) {
    const a = ours[field];
    const b = theirs[field];
    if (a !== null && b !== null && a !== b) return { key, ours: a, theirs: b };
  }
  return null;
}

/** kohya: one checkpoint per epoch file (`name-000003`, the last `name`); step files only when there are no epoch files. */
function placeKohyaCheckpoints(loras: LoraFile[], problems: ImportProblem[]): PlannedCheckpoint[] {
  const epochFiles = loras.filter((lora) => lora.name?.kind !== "step");
  const stepFiles = loras.filter((lora) => lora.name?.kind === "step");
  const checkpoints: PlannedCheckpoint[] = [];
  const byEpoch = new Map<number, string>();
  if (epochFiles.length > 0) {
    const named = epochFiles.map((lora) => (lora.name?.kind === "epoch" ? lora.name.epoch : 0));
    let nextUnnumbered = Math.max(0, ...named) + 1;
    for (const lora of [...epochFiles].sort((a, b) => a.path.localeCompare(b.path))) {
      const fromName = lora.name?.kind === "epoch" ? lora.name.epoch : null;
      const fromMetadata = lora.metadata?.epoch ?? null;
      if (fromName !== null && fromMetadata !== null && fromName !== fromMetadata) {
        problems.push(importWarning(lora.path, `Its name says epoch ${fromName} but its metadata says ss_epoch ${fromMetadata}; the metadata is used`));
      }
      const epoch = fromMetadata ?? fromName ?? nextUnnumbered++;
      if (epoch < 1) {
        problems.push(importError(lora.path, `Epoch ${epoch} is not a trained epoch`));
        continue;
      }
      const other = byEpoch.get(epoch);
      if (other !== undefined) {
        problems.push(importError(lora.path, `Epoch ${epoch} twice: this file and ${other}`));
        continue;
      }
      byEpoch.set(epoch, lora.path);
      checkpoints.push({ epoch, step: lora.metadata?.step ?? null, file: lora.path, trainLoss: null, validationLoss: null });
    }
    for (const lora of stepFiles) {
      problems.push(importWarning(lora.path, "A mid-epoch (step) checkpoint beside the epoch files: not imported"));
    }
  } else {
    const ordered = [...stepFiles].sort((a, b) => stepOf(a) - stepOf(b));
    ordered.forEach((lora, index) => {
      checkpoints.push({ epoch: index + 1, step: stepOf(lora), file: lora.path, trainLoss: null, validationLoss: null });
    });
  }
  return checkpoints.sort((a, b) => a.epoch - b.epoch);
}

function stepOf(lora: LoraFile): number {
  return lora.metadata?.step ?? (lora.name?.kind === "step" ? lora.name.step : 0);
}

/** ai-toolkit saves by step: its checkpoints are numbered in step order; the unnumbered final file is at `train.steps`. */
function placeAiToolkitCheckpoints(loras: LoraFile[], config: AiToolkitConfig | null, problems: ImportProblem[]): PlannedCheckpoint[] {
  const byStep = new Map<number, string>();
  const unnumbered: LoraFile[] = [];
  for (const lora of loras) {
    if (lora.name?.kind === "step") {
      const other = byStep.get(lora.name.step);
      if (other !== undefined) {
        problems.push(importError(lora.path, `Step ${lora.name.step} twice: this file and ${other}`));
        continue;
      }
      byStep.set(lora.name.step, lora.path);
    } else unnumbered.push(lora);
  }
  for (const lora of unnumbered) {
    const finalStep = lora.aiToolkitStep ?? config?.steps ?? null;
    if (finalStep === null) {
      problems.push(importWarning(lora.path, "The final file has no step number, in its name, its training_info or a config.yaml: not imported"));
    } else if (byStep.has(finalStep)) {
      problems.push(importWarning(lora.path, `The final file repeats step ${finalStep} (${byStep.get(finalStep)}): not imported twice`));
    } else if (unnumbered.length > 1) {
      problems.push(importError(lora.path, "Several files without a step number: which one is final is unclear"));
    } else byStep.set(finalStep, lora.path);
  }
  return [...byStep.entries()].sort(([a], [b]) => a - b).map(([step, file], index) => ({ epoch: index + 1, step, file, trainLoss: null, validationLoss: null }));
}

/** The job config's settings; without one, what the files' own `ss_output_name` and `ss_base_model_version` say. */
function readAiToolkitSettings(config: AiToolkitConfig | null, loras: LoraFile[]): ImportedSettings {
  if (config !== null) return { ...config.settings };
  const settings = emptySettings();
  const described = loras.find((lora) => lora.aiToolkitMetadata !== null)?.aiToolkitMetadata;
  if (described) {
    settings.name = described.settings.name;
    settings.modelFamily = described.settings.modelFamily;
    settings.unmodelled = { ...described.settings.unmodelled };
  }
  return settings;
}

/**
 * ai-toolkit marks its files with `training_info` (JSON `{"step", "epoch"}`) and
 * `software` (`{"name": "ai-toolkit", …}`); null for files it did not write.
 */
function aiToolkitTrainingInfo(metadata: Record<string, string>): { step: number | null } | null {
  const parse = (key: string): unknown => {
    try {
      return Object.prototype.hasOwnProperty.call(metadata, key) ? JSON.parse(metadata[key]) : undefined;
    } catch {
      return undefined;
    }
  };
  const info = parse("training_info") as { step?: unknown } | undefined;
  const software = parse("software") as { name?: unknown } | undefined;
  const marked = (typeof info === "object" && info !== null) || (typeof software === "object" && software !== null && software.name === "ai-toolkit");
  if (!marked) return null;
  const step = typeof info === "object" && info !== null && Number.isSafeInteger(info.step) && (info.step as number) >= 0 ? (info.step as number) : null;
  return { step };
}

/** Steps per epoch, from a checkpoint that knows both (kohya's ss_steps / ss_epoch), else from the settings. */
function stepsPerEpochOf(checkpoints: PlannedCheckpoint[], settings: ImportedSettings): number | null {
  const known = checkpoints.find((checkpoint) => checkpoint.step !== null && checkpoint.step > 0);
  if (known && known.step !== null) return Math.max(1, Math.round(known.step / known.epoch));
  if (settings.images !== null && settings.repeats !== null && settings.batchSize !== null) {
    return Math.ceil((settings.images * settings.repeats) / settings.batchSize);
  }
  return null;
}

function readPrompts(
  trainer: Trainer | null,
  config: AiToolkitConfig | null,
  configPath: string,
  promptFiles: { file: ImportFile; path: string }[],
  problems: ImportProblem[],
  ignored: string[],
): { path: string; texts: string[] } | null {
  if (trainer === "ai-toolkit" && config !== null && config.prompts.length > 0) {
    ignored.push(...promptFiles.map(({ path }) => path));
    return { path: configPath, texts: config.prompts };
  }
  if (promptFiles.length === 0) return null;
  const [first, ...rest] = promptFiles;
  for (const { path } of rest) problems.push(importWarning(path, `A second prompt file; ${first.path} is used`));
  const prompts = parsePromptFile(decodeText(first.file.bytes));
  if (prompts.length === 0) {
    problems.push(importError(first.path, "The prompt file holds no prompt"));
    return null;
  }
  return { path: first.path, texts: prompts.map((prompt) => prompt.prompt) };
}

/** Epochs whose LoRA file was refused, as far as the file names tell (kohya's `name-000003`, the last one after the rest). */
function refusedEpochs(refused: string[], checkpoints: PlannedCheckpoint[], trainer: Trainer | null): Set<number> {
  const epochs = new Set<number>();
  if (trainer === "ai-toolkit") return epochs;
  let last = false;
  for (const path of refused) {
    const name = parseKohyaCheckpointName(path);
    if (name?.kind === "epoch") epochs.add(name.epoch);
    else if (name?.kind === "last") last = true;
  }
  if (last) epochs.add(Math.max(0, ...checkpoints.map((c) => c.epoch), ...epochs) + 1);
  return epochs;
}

function placeSamples(
  samples: SampleFile[],
  checkpoints: PlannedCheckpoint[],
  refused: Set<number>,
  stepsPerEpoch: number | null,
  trainer: Trainer | null,
  prompts: string[] | null,
  problems: ImportProblem[],
): PlannedSample[] {
  const epochs = new Set(checkpoints.map((checkpoint) => checkpoint.epoch));
  const epochByStep = new Map(checkpoints.filter((c) => c.step !== null).map((c) => [c.step as number, c.epoch]));
  const placed = new Map<string, PlannedSample & { time: string }>();
  for (const sample of samples) {
    const { name } = sample;
    let epoch: number | null;
    let step: number | null = null;
    if (name.kind === "epoch") epoch = name.epoch;
    else {
      step = name.step;
      if (step === 0) epoch = 0;
      else if (trainer === "ai-toolkit") epoch = epochByStep.get(step) ?? null;
      else epoch = stepsPerEpoch === null ? null : Math.ceil(step / stepsPerEpoch);
      if (epoch === null) {
        const reason = trainer === "ai-toolkit" ? `no checkpoint was saved at step ${step}` : "the steps per epoch are unknown";
        problems.push(importError(sample.path, `A sample of step ${step}, but ${reason}: remove it or add its checkpoint`));
        continue;
      }
    }
    if (refused.has(epoch)) continue;
    if (epoch !== 0 && !epochs.has(epoch)) {
      problems.push(importError(sample.path, `A sample of epoch ${epoch}, which has no LoRA file in the folder`));
      continue;
    }
    const prompt = prompts !== null && name.promptIndex < prompts.length ? prompts[name.promptIndex] : null;
    const key = `${epoch}:${name.promptIndex}`;
    const earlier = placed.get(key);
    // A resumed run can sample the same epoch twice: the newest image wins.
    if (earlier !== undefined) {
      const [older, newer] = earlier.time <= name.time ? [earlier.file, sample.path] : [sample.path, earlier.file];
      problems.push(importWarning(older, `Epoch ${epoch} prompt ${name.promptIndex} also has ${newer}, which is newer and is used`));
      if (earlier.time > name.time) continue;
    }
    placed.set(key, { epoch, step, promptIndex: name.promptIndex, prompt, file: sample.path, image: sample.image, time: name.time });
  }
  return [...placed.values()].sort((a, b) => a.epoch - b.epoch || a.promptIndex - b.promptIndex).map(({ time: _time, ...sample }) => sample);
}

/** The prompt file must account for every sample index, and some epoch must show every prompt. */
function checkPromptCount(path: string, promptCount: number, samples: PlannedSample[], problems: ImportProblem[]) {
  if (samples.length === 0) return;
  const highest = Math.max(...samples.map((sample) => sample.promptIndex));
  if (highest >= promptCount) {
    problems.push(importError(path, `Holds ${promptCount} prompt${promptCount === 1 ? "" : "s"}, but a sample has prompt index ${highest}`));
    return;
  }
  const perEpoch = new Map<number, number>();
  for (const sample of samples) perEpoch.set(sample.epoch, (perEpoch.get(sample.epoch) ?? 0) + 1);
  const most = Math.max(...perEpoch.values());
  if (most < promptCount) {
    problems.push(importError(path, `Holds ${promptCount} prompts, but no epoch has more than ${most} sample${most === 1 ? "" : "s"}`));
  }
}

const TRAIN_EPOCH_TAGS = ["loss/epoch_average", "loss/epoch"];
const VALIDATION_EPOCH_TAGS = ["loss/validation/epoch_average"];
const TRAIN_STEP_TAGS = ["loss/current", "loss"];

/**
 * Epoch-average losses. kohya logs `loss/epoch_average` and
 * `loss/validation/epoch_average` with the epoch as the step
 * (train_network.py `epoch_logging`); without them, the per-step loss
 * (`loss/current`, ai-toolkit's `loss`) is averaged over each epoch's steps.
 */
function attachLosses(checkpoints: PlannedCheckpoint[], scalars: ScalarPoint[], stepsPerEpoch: number | null, trainer: Trainer | null) {
  const series = (tags: string[]) => {
    for (const tag of tags) {
      const latest = new Map<number, ScalarPoint>();
      for (const point of scalars) {
        if (point.tag !== tag || !Number.isFinite(point.value)) continue;
        const earlier = latest.get(point.step);
        // Resumed runs log a step again: the later write wins, as in TensorBoard's own view.
        if (earlier === undefined || earlier.wallTime <= point.wallTime) latest.set(point.step, point);
      }
      if (latest.size > 0) return latest;
    }
    return null;
  };
  const trainByEpoch = trainer === "ai-toolkit" ? null : series(TRAIN_EPOCH_TAGS);
  const validationByEpoch = series(VALIDATION_EPOCH_TAGS);
  const trainBySteps = series(TRAIN_STEP_TAGS);
  let previousStep = 0;
  for (const checkpoint of checkpoints) {
    checkpoint.validationLoss = validationByEpoch?.get(checkpoint.epoch)?.value ?? null;
    if (trainByEpoch !== null) {
      checkpoint.trainLoss = trainByEpoch.get(checkpoint.epoch)?.value ?? null;
    } else if (trainBySteps !== null) {
      const end = checkpoint.step ?? (stepsPerEpoch === null ? null : checkpoint.epoch * stepsPerEpoch);
      const start = trainer === "ai-toolkit" ? previousStep : stepsPerEpoch === null ? null : (checkpoint.epoch - 1) * stepsPerEpoch;
      if (end !== null && start !== null) {
        const values = [...trainBySteps.values()].filter((point) => point.step > start && point.step <= end).map((point) => point.value);
        // Rounded to the 7 significant digits the logged float32 values carry.
        checkpoint.trainLoss = values.length > 0 ? Number((values.reduce((sum, value) => sum + value, 0) / values.length).toPrecision(7)) : null;
      }
      if (end !== null) previousStep = end;
    }
  }
}

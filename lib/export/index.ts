// Downloads of a run: the whole run as JSON, the checkpoints as CSV, and the
// files to reproduce it for real with kohya-ss sd-scripts (dataset config,
// training config, a launch script). Pure: a run in, file text out.
import { formatRate, pickSettings, type Checkpoint, type LossPoint, type Settings } from "@/lib/sim";
import { SAMPLE_PROMPTS } from "@/lib/preview";
import { describeSteps } from "@/lib/form/steps";

/** What the exports need of a stored run: exportableRun(run) makes it from lib/runs' RunDetail. */
export interface ExportableRun {
  id: string;
  settings: Settings;
  notes: string;
  stepsPerEpoch: number;
  totalSteps: number;
  recommendedEpoch: number;
  pickedEpoch: number | null;
  createdAt: string;
  checkpoints: Checkpoint[];
  lossCurve: LossPoint[];
}

/** A stored run (settings flattened, as lib/runs' RunDetail has them) → the exports' input. */
export function exportableRun(run: Settings & Omit<ExportableRun, "settings">): ExportableRun {
  const { id, notes, stepsPerEpoch, totalSteps, recommendedEpoch, pickedEpoch, createdAt, checkpoints, lossCurve } = run;
  return { id, settings: pickSettings(run), notes, stepsPerEpoch, totalSteps, recommendedEpoch, pickedEpoch, createdAt, checkpoints, lossCurve };
}

export const EXPORT_FILES = {
  json: { suffix: "run.json", contentType: "application/json; charset=utf-8", label: "Run (JSON)" },
  csv: { suffix: "checkpoints.csv", contentType: "text/csv; charset=utf-8", label: "Checkpoints (CSV)" },
  dataset: { suffix: "dataset_config.toml", contentType: "application/toml; charset=utf-8", label: "kohya dataset config (TOML)" },
  training: { suffix: "training_config.toml", contentType: "application/toml; charset=utf-8", label: "kohya training config (TOML)" },
  script: { suffix: "train.sh", contentType: "text/x-shellscript; charset=utf-8", label: "kohya launch script (shell)" },
} as const;

export type ExportKind = keyof typeof EXPORT_FILES;

export const EXPORT_KINDS = Object.keys(EXPORT_FILES) as ExportKind[];

/** The folder kohya reads the training images and their .txt captions from (edit before training). */
export const KOHYA_IMAGE_DIR = "./dataset/images";
export const KOHYA_CAPTION_EXTENSION = ".txt";

/** A file-name-safe slug of a run's name: "Batch 2 at 2× LR" → "batch-2-at-2-lr". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "run";
}

/** The download name of one export of a run, e.g. "batch-2-at-2-lr.checkpoints.csv". */
export function exportFileName(run: Pick<ExportableRun, "settings">, kind: ExportKind): string {
  return `${slugify(run.settings.name)}.${EXPORT_FILES[kind].suffix}`;
}

/** The file text of one export. */
export function buildExport(run: ExportableRun, kind: ExportKind): string {
  switch (kind) {
    case "json":
      return runToJson(run);
    case "csv":
      return checkpointsToCsv(run);
    case "dataset":
      return kohyaDatasetConfig(run);
    case "training":
      return kohyaTrainingConfig(run);
    case "script":
      return kohyaLaunchScript(run);
  }
}

/** The run as JSON: settings, figures, notes, every checkpoint and the downsampled loss curve. */
export function runToJson(run: ExportableRun): string {
  const { id, settings, notes, stepsPerEpoch, totalSteps, recommendedEpoch, pickedEpoch, createdAt, checkpoints, lossCurve } = run;
  return `${JSON.stringify({ id, settings, notes, stepsPerEpoch, totalSteps, recommendedEpoch, pickedEpoch, createdAt, checkpoints, lossCurve }, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  "epoch",
  "step",
  "train_loss",
  "validation_loss",
  "fidelity",
  "flexibility",
  "caption_adherence",
  "overfit_risk",
  "quality",
  "verdict",
  "recommended",
  "picked",
] as const;

/** One CSV row per checkpoint (RFC 4180, CRLF line ends, full-precision numbers). */
export function checkpointsToCsv(run: Pick<ExportableRun, "checkpoints" | "recommendedEpoch" | "pickedEpoch">): string {
  const rows = run.checkpoints.map((c) => [
    c.epoch,
    c.step,
    c.trainLoss,
    c.validationLoss,
    c.fidelity,
    c.flexibility,
    c.captionAdherence,
    c.overfitRisk,
    c.quality,
    c.verdict,
    c.epoch === run.recommendedEpoch,
    c.epoch === run.pickedEpoch,
  ]);
  return [CSV_COLUMNS, ...rows].map((row) => row.map((cell) => csvCell(String(cell))).join(",")).join("\r\n") + "\r\n";
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A TOML basic string. */
export function tomlString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

/** A TOML float in trainer notation: 0.0001 → 1e-4, 0.5 → 0.5. */
function tomlFloat(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) return formatRate(value);
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** Text safe inside a one-line comment. */
function commentText(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, " ");
}

function header(run: ExportableRun, what: string): string[] {
  return [
    `# ${what} for the Epoch Lab run "${commentText(run.settings.name)}" (${run.id}).`,
    `# Steps: ${describeSteps(run.settings)}.`,
  ];
}

/**
 * kohya sd-scripts dataset config (--dataset_config): one subset of
 * `images` images shown `repeats` times per epoch, captions in .txt files.
 */
export function kohyaDatasetConfig(run: ExportableRun): string {
  const { settings } = run;
  return [
    ...header(run, "kohya-ss sd-scripts dataset config"),
    `# Put the ${settings.images} training images in image_dir, each with a caption file of the same name (${KOHYA_CAPTION_EXTENSION}).`,
    "",
    "[general]",
    `caption_extension = ${tomlString(KOHYA_CAPTION_EXTENSION)}`,
    "shuffle_caption = false",
    "keep_tokens = 1",
    "",
    "[[datasets]]",
    "resolution = 1024",
    "enable_bucket = true",
    "",
    "  [[datasets.subsets]]",
    `  image_dir = ${tomlString(KOHYA_IMAGE_DIR)}`,
    `  num_repeats = ${settings.repeats}`,
    "",
  ].join("\n");
}

/**
 * kohya sd-scripts training config (--config_file): the run's learning rates,
 * batch size, epochs and seed, a checkpoint saved every epoch, and the sample
 * prompts of the dashboard's previews rendered every epoch.
 */
export function kohyaTrainingConfig(run: ExportableRun): string {
  const { settings } = run;
  const textEncoder =
    settings.textEncoderLearningRate === 0
      ? ["# Text encoder frozen (text-encoder LR 0 in Epoch Lab): train the U-Net only.", "network_train_unet_only = true"]
      : [`text_encoder_lr = ${tomlFloat(settings.textEncoderLearningRate)}`];
  return [
    ...header(run, "kohya-ss sd-scripts training config"),
    "# Edit pretrained_model_name_or_path; values marked 'not simulated' are common starting points, not part of the run.",
    "",
    "[model_arguments]",
    `pretrained_model_name_or_path = ${tomlString("/path/to/base-model.safetensors")}`,
    "",
    "[additional_network_arguments]",
    `network_module = ${tomlString("networks.lora")}`,
    "network_dim = 16 # not simulated",
    "network_alpha = 8 # not simulated",
    ...textEncoder,
    "",
    "[optimizer_arguments]",
    `learning_rate = ${tomlFloat(settings.learningRate)}`,
    `optimizer_type = ${tomlString("AdamW8bit")} # not simulated`,
    `lr_scheduler = ${tomlString("constant")} # not simulated`,
    "",
    "[training_arguments]",
    `train_batch_size = ${settings.batchSize}`,
    `max_train_epochs = ${settings.epochs}`,
    `seed = ${settings.seed}`,
    `mixed_precision = ${tomlString("fp16")} # not simulated`,
    "cache_latents = true",
    "gradient_checkpointing = true",
    "",
    "[saving_arguments]",
    "# One LoRA per epoch, like the run's checkpoints: compare them and keep the best.",
    "save_every_n_epochs = 1",
    `save_model_as = ${tomlString("safetensors")}`,
    `output_dir = ${tomlString("./output")}`,
    `output_name = ${tomlString(slugify(settings.name))}`,
    "",
    "[sample_prompt_arguments]",
    "sample_every_n_epochs = 1",
    `sample_prompts = ${tomlString("./sample_prompts.txt")}`,
    "",
  ].join("\n");
}

/** The sample prompts file kohya renders every epoch: the prompts of the dashboard's previews. */
export function kohyaSamplePrompts(seed: number): string {
  return SAMPLE_PROMPTS.map((prompt) => `${prompt.text} --w 1024 --h 1024 --d ${seed} --s 28`).join("\n") + "\n";
}

/** A shell script that writes the sample prompts and launches training with the two config files. */
export function kohyaLaunchScript(run: ExportableRun): string {
  const slug = slugify(run.settings.name);
  return [
    "#!/usr/bin/env sh",
    ...header(run, "kohya-ss sd-scripts launch script"),
    `# Run from the sd-scripts folder, next to ${slug}.dataset_config.toml and ${slug}.training_config.toml.`,
    "set -e",
    "",
    "cat > sample_prompts.txt <<'PROMPTS'",
    kohyaSamplePrompts(run.settings.seed).trimEnd(),
    "PROMPTS",
    "",
    "accelerate launch --num_cpu_threads_per_process 1 train_network.py \\",
    `  --dataset_config ${slug}.dataset_config.toml \\`,
    `  --config_file ${slug}.training_config.toml`,
    "",
  ].join("\n");
}

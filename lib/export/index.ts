// Downloads of a run: the whole run as JSON, the checkpoints as CSV, and the
// files to reproduce it for real with kohya-ss sd-scripts (dataset config,
// training config, a launch script) or ostris' ai-toolkit (a job config).
// Pure: a run in, file text out.
import { stringify as stringifyYaml } from "yaml";
import { formatRate, pickSettings, METRICS, METRIC_ORDER, MODEL_FAMILY_LABELS, type Checkpoint, type LossPoint, type ModelFamily, type Optimizer, type Settings } from "@/lib/sim";
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
  /** The simulator model that computed the checkpoints. */
  simulatorVersion: number;
  checkpoints: Checkpoint[];
  lossCurve: LossPoint[];
}

/** A stored run (settings flattened, as lib/runs' RunDetail has them) → the exports' input. */
export function exportableRun(run: Settings & Omit<ExportableRun, "settings">): ExportableRun {
  const { id, notes, stepsPerEpoch, totalSteps, recommendedEpoch, pickedEpoch, createdAt, simulatorVersion, checkpoints, lossCurve } = run;
  return { id, settings: pickSettings(run), notes, stepsPerEpoch, totalSteps, recommendedEpoch, pickedEpoch, createdAt, simulatorVersion, checkpoints, lossCurve };
}

export const EXPORT_FILES = {
  json: { suffix: "run.json", contentType: "application/json; charset=utf-8", label: "Run (JSON)" },
  csv: { suffix: "checkpoints.csv", contentType: "text/csv; charset=utf-8", label: "Checkpoints (CSV)" },
  dataset: { suffix: "dataset_config.toml", contentType: "application/toml; charset=utf-8", label: "kohya dataset config (TOML)" },
  training: { suffix: "training_config.toml", contentType: "application/toml; charset=utf-8", label: "kohya training config (TOML)" },
  script: { suffix: "train.sh", contentType: "text/x-shellscript; charset=utf-8", label: "kohya launch script (shell)" },
  aitoolkit: { suffix: "ai-toolkit.yaml", contentType: "application/yaml; charset=utf-8", label: "ai-toolkit job config (YAML)" },
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
    case "aitoolkit":
      return aiToolkitConfig(run);
  }
}

/** The run as JSON: settings, figures, notes, every checkpoint and the downsampled loss curve. */
export function runToJson(run: ExportableRun): string {
  const { id, settings, notes, stepsPerEpoch, totalSteps, recommendedEpoch, pickedEpoch, createdAt, simulatorVersion, checkpoints, lossCurve } = run;
  return `${JSON.stringify({ id, settings, notes, stepsPerEpoch, totalSteps, recommendedEpoch, pickedEpoch, createdAt, simulatorVersion, checkpoints, lossCurve }, null, 2)}\n`;
}

/** The CSV's columns: epoch and step, every metric (the registry's column names, in its order), then the verdict and the marks. */
export const CSV_COLUMNS = ["epoch", "step", ...METRIC_ORDER.map((key) => METRICS[key].column), "verdict", "recommended", "picked"] as const;

/** One CSV row per checkpoint (RFC 4180, CRLF line ends, full-precision numbers). */
export function checkpointsToCsv(run: Pick<ExportableRun, "checkpoints" | "recommendedEpoch" | "pickedEpoch">): string {
  const rows = run.checkpoints.map((c) => [c.epoch, c.step, ...METRIC_ORDER.map((key) => c[key]), c.verdict, c.epoch === run.recommendedEpoch, c.epoch === run.pickedEpoch]);
  return [CSV_COLUMNS, ...rows].map((row) => row.map((cell) => csvCell(String(cell))).join(",")).join("\r\n") + "\r\n";
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A TOML basic string. */
export function tomlString(value: string): string {
  return `"${value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
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

function header(run: ExportableRun, what: string, comment = "#"): string[] {
  return [`${comment} ${what} for the Epoch Lab run "${commentText(run.settings.name)}" (${run.id}).`, `${comment} Steps: ${describeSteps(run.settings)}.`];
}

/** What each base model trains with in sd-scripts: its script, resolution, LoRA module and precision. */
export const KOHYA_MODELS: Record<ModelFamily, { script: string; resolution: number; networkModule: string; precision: "fp16" | "bf16" }> = {
  sd15: { script: "train_network.py", resolution: 512, networkModule: "networks.lora", precision: "fp16" },
  sdxl: { script: "sdxl_train_network.py", resolution: 1024, networkModule: "networks.lora", precision: "fp16" },
  flux: { script: "flux_train_network.py", resolution: 1024, networkModule: "networks.lora_flux", precision: "bf16" },
};

/** sd-scripts' `optimizer_type` for each optimizer, spelled as library/train_util.py's get_optimizer matches it. */
export const KOHYA_OPTIMIZERS: Record<Optimizer, string> = {
  adamw: "AdamW",
  adamw8bit: "AdamW8bit",
  prodigy: "Prodigy",
  adafactor: "Adafactor",
  lion: "Lion",
};

/**
 * kohya sd-scripts dataset config (--dataset_config): one subset of
 * `images` images shown `repeats` times per epoch, captions in .txt files,
 * at the base model's usual resolution.
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
    `resolution = ${KOHYA_MODELS[settings.modelFamily].resolution} # ${MODEL_FAMILY_LABELS[settings.modelFamily]}'s usual resolution`,
    "enable_bucket = true",
    "",
    "  [[datasets.subsets]]",
    `  image_dir = ${tomlString(KOHYA_IMAGE_DIR)}`,
    `  num_repeats = ${settings.repeats}`,
    "",
  ].join("\n");
}

/** The model files each base model's script loads; FLUX.1 also needs its autoencoder and both text encoders. */
function kohyaModelArguments(family: ModelFamily): string[] {
  const lines = [`pretrained_model_name_or_path = ${tomlString("/path/to/base-model.safetensors")}`];
  if (family === "flux") {
    lines.push(`ae = ${tomlString("/path/to/ae.safetensors")}`, `clip_l = ${tomlString("/path/to/clip_l.safetensors")}`, `t5xxl = ${tomlString("/path/to/t5xxl_fp16.safetensors")}`);
  }
  return lines;
}

/**
 * kohya sd-scripts training config (--config_file): the run's rank, alpha,
 * optimizer, learning rates, schedule, batch size, epochs and seed, a
 * checkpoint saved every epoch, and the sample prompts of the dashboard's
 * previews rendered every epoch. Every key is an argument of the base model's
 * script (a test checks them against sd-scripts' own argument names).
 */
export function kohyaTrainingConfig(run: ExportableRun): string {
  const { settings } = run;
  const model = KOHYA_MODELS[settings.modelFamily];
  const textEncoder =
    settings.textEncoderLearningRate === 0
      ? ["# Text encoder frozen (text-encoder LR 0 in Epoch Lab): train the U-Net only.", "network_train_unet_only = true"]
      : [`text_encoder_lr = ${tomlFloat(settings.textEncoderLearningRate)}`];
  const optimizer: string[] = [`optimizer_type = ${tomlString(KOHYA_OPTIMIZERS[settings.optimizer])}`];
  if (settings.optimizer === "prodigy") optimizer.unshift("# Prodigy finds its own step size: the learning rates are multipliers on it (1 is usual).");
  // Without these, sd-scripts runs Adafactor with its own relative step size and ignores the learning rate.
  if (settings.optimizer === "adafactor") optimizer.push(`optimizer_args = [${["scale_parameter=False", "relative_step=False", "warmup_init=False"].map(tomlString).join(", ")}]`);
  const flux =
    settings.modelFamily === "flux"
      ? [
          "# FLUX.1 settings from sd-scripts' docs/flux_train_network.md.",
          `model_prediction_type = ${tomlString("raw")}`,
          "guidance_scale = 1.0",
          `timestep_sampling = ${tomlString("flux_shift")}`,
          "cache_text_encoder_outputs = true",
        ]
      : [];
  return [
    ...header(run, "kohya-ss sd-scripts training config"),
    `# For ${model.script} (${MODEL_FAMILY_LABELS[settings.modelFamily]}). Edit the model paths; values marked 'not simulated' are common starting points, not part of the run.`,
    "",
    "[model_arguments]",
    ...kohyaModelArguments(settings.modelFamily),
    "",
    "[additional_network_arguments]",
    `network_module = ${tomlString(model.networkModule)}`,
    `network_dim = ${settings.networkDim}`,
    `network_alpha = ${tomlFloat(settings.networkAlpha)}`,
    ...textEncoder,
    "",
    "[optimizer_arguments]",
    `learning_rate = ${tomlFloat(settings.learningRate)}`,
    ...optimizer,
    `lr_scheduler = ${tomlString(settings.lrScheduler)}`,
    `lr_warmup_steps = ${settings.warmupSteps}`,
    "",
    "[training_arguments]",
    `train_batch_size = ${settings.batchSize}`,
    `max_train_epochs = ${settings.epochs}`,
    `seed = ${settings.seed}`,
    `mixed_precision = ${tomlString(model.precision)} # not simulated`,
    "cache_latents = true",
    "gradient_checkpointing = true",
    ...flux,
    "",
    "[saving_arguments]",
    "# One LoRA per epoch, like the run's checkpoints: compare them and keep the best.",
    "save_every_n_epochs = 1",
    `save_model_as = ${tomlString("safetensors")}`,
    `save_precision = ${tomlString(model.precision)}`,
    `output_dir = ${tomlString("./output")}`,
    `output_name = ${tomlString(slugify(settings.name))}`,
    "",
    "[sample_prompt_arguments]",
    "sample_every_n_epochs = 1",
    `sample_prompts = ${tomlString("./sample_prompts.txt")}`,
    "",
  ].join("\n");
}

/** The sample prompts file kohya renders every epoch: the prompts of the dashboard's previews, at the model's resolution. */
export function kohyaSamplePrompts(seed: number, modelFamily: ModelFamily = "sdxl"): string {
  const size = KOHYA_MODELS[modelFamily].resolution;
  return SAMPLE_PROMPTS.map((prompt) => `${prompt.text} --w ${size} --h ${size} --d ${seed} --s 28`).join("\n") + "\n";
}

/** A shell script that writes the sample prompts and launches the base model's training script with the two config files. */
export function kohyaLaunchScript(run: ExportableRun): string {
  const slug = slugify(run.settings.name);
  return [
    "#!/usr/bin/env sh",
    ...header(run, "kohya-ss sd-scripts launch script"),
    `# Run from the sd-scripts folder, next to ${slug}.dataset_config.toml and ${slug}.training_config.toml.`,
    "set -e",
    "",
    "cat > sample_prompts.txt <<'PROMPTS'",
    kohyaSamplePrompts(run.settings.seed, run.settings.modelFamily).trimEnd(),
    "PROMPTS",
    "",
    `accelerate launch --num_cpu_threads_per_process 1 ${KOHYA_MODELS[run.settings.modelFamily].script} \\`,
    `  --dataset_config ${slug}.dataset_config.toml \\`,
    `  --config_file ${slug}.training_config.toml`,
    "",
  ].join("\n");
}

/** What each base model is in ai-toolkit: the Hugging Face model, its flags, scheduler and sampler. */
export const AI_TOOLKIT_MODELS: Record<ModelFamily, { nameOrPath: string; flags: Record<string, boolean>; noiseScheduler: string; sampler: string; resolution: number; dtype: string }> = {
  sd15: { nameOrPath: "stable-diffusion-v1-5/stable-diffusion-v1-5", flags: {}, noiseScheduler: "ddpm", sampler: "ddpm", resolution: 512, dtype: "fp16" },
  sdxl: { nameOrPath: "stabilityai/stable-diffusion-xl-base-1.0", flags: { is_xl: true }, noiseScheduler: "ddpm", sampler: "ddpm", resolution: 1024, dtype: "fp16" },
  flux: { nameOrPath: "black-forest-labs/FLUX.1-dev", flags: { is_flux: true, quantize: true }, noiseScheduler: "flowmatch", sampler: "flowmatch", resolution: 1024, dtype: "bf16" },
};

/**
 * The learning-rate schedule as ai-toolkit's toolkit/scheduler.py builds it:
 * warm-up only exists as constant_with_warmup's num_warmup_steps; its
 * "linear" is torch's LinearLR, which decays only with these factors.
 */
function aiToolkitSchedule(settings: Settings): { lr_scheduler: string; lr_scheduler_params?: Record<string, number> } {
  switch (settings.lrScheduler) {
    case "constant_with_warmup":
      return { lr_scheduler: "constant_with_warmup", lr_scheduler_params: { num_warmup_steps: settings.warmupSteps } };
    case "linear":
      return { lr_scheduler: "linear", lr_scheduler_params: { start_factor: 1, end_factor: 0 } };
    default:
      return { lr_scheduler: settings.lrScheduler };
  }
}

/**
 * An ostris ai-toolkit job config (`python run.py <file>`), shaped like its
 * config/examples/train_lora_*.yaml: one sd_trainer process with the run's
 * rank and alpha, optimizer, learning rates, schedule and batch size, the
 * run's total steps, a LoRA and samples saved at the end of every epoch.
 */
export function aiToolkitConfig(run: ExportableRun): string {
  const { settings } = run;
  const model = AI_TOOLKIT_MODELS[settings.modelFamily];
  const slug = slugify(settings.name);
  const trainTextEncoder = settings.textEncoderLearningRate > 0 && settings.modelFamily !== "flux";
  const job = {
    job: "extension",
    config: {
      name: slug,
      process: [
        {
          type: "sd_trainer",
          training_folder: "output",
          training_seed: settings.seed,
          network: { type: "lora", linear: settings.networkDim, linear_alpha: settings.networkAlpha },
          save: { dtype: "float16", save_every: run.stepsPerEpoch, max_step_saves_to_keep: settings.epochs },
          datasets: [
            {
              folder_path: "/path/to/images/folder",
              caption_ext: KOHYA_CAPTION_EXTENSION.slice(1),
              num_repeats: settings.repeats,
              cache_latents_to_disk: true,
              resolution: [model.resolution],
            },
          ],
          train: {
            batch_size: settings.batchSize,
            steps: run.totalSteps,
            gradient_accumulation_steps: 1,
            train_unet: true,
            train_text_encoder: trainTextEncoder,
            ...(trainTextEncoder ? { text_encoder_lr: settings.textEncoderLearningRate } : {}),
            gradient_checkpointing: true,
            noise_scheduler: model.noiseScheduler,
            optimizer: settings.optimizer,
            lr: settings.learningRate,
            ...aiToolkitSchedule(settings),
            dtype: model.dtype,
          },
          model: { name_or_path: model.nameOrPath, ...model.flags },
          sample: {
            sampler: model.sampler,
            sample_every: run.stepsPerEpoch,
            width: model.resolution,
            height: model.resolution,
            prompts: SAMPLE_PROMPTS.map((prompt) => prompt.text),
            seed: settings.seed,
            walk_seed: false,
            guidance_scale: settings.modelFamily === "flux" ? 4 : 7,
            sample_steps: settings.modelFamily === "flux" ? 20 : 28,
          },
        },
      ],
    },
    meta: { name: "[name]", version: "1.0" },
  };
  const notes = [
    ...header(run, "ostris ai-toolkit job config", "#"),
    `# Run with: python run.py ${slug}.ai-toolkit.yaml. Set folder_path to your ${settings.images} images with .txt captions.`,
    `# ai-toolkit counts steps, not epochs: ${run.totalSteps} steps = ${settings.epochs} epochs of ${run.stepsPerEpoch}; a LoRA and samples are saved after each.`,
  ];
  if (settings.warmupSteps > 0 && settings.lrScheduler !== "constant_with_warmup") {
    notes.push(`# ai-toolkit has no warm-up for the ${settings.lrScheduler} schedule: the run's ${settings.warmupSteps} warm-up steps are left out.`);
  }
  if (settings.textEncoderLearningRate > 0 && settings.modelFamily === "flux") notes.push("# FLUX.1's text encoders stay frozen in ai-toolkit.");
  return `${notes.map(commentText).join("\n")}\n${stringifyYaml(job, { lineWidth: 0 })}`;
}

// ai-toolkit's job config, which it saves as `config.yaml` beside its checkpoints.
// Source read: ostris/ai-toolkit @ 27a03a91f23eb1b757d5ec2e80ee3e129cfcc350:
// jobs/process/BaseTrainProcess.py `save_training_config` (yaml.dump of the raw
// job config into <training_folder>/<name>/config.yaml), toolkit/config_modules.py
// NetworkConfig (linear = rank, default 4; linear_alpha, default alpha = 1.0),
// TrainConfig (batch_size 1, steps 1000, lr 1e-6, unet_lr = lr, text_encoder_lr = lr,
// train_text_encoder false, optimizer "adamw", lr_scheduler "constant",
// lr_scheduler_params.num_warmup_steps, gradient_accumulation_steps),
// ModelConfig (arch, is_flux, is_xl, is_v2, is_v3), SampleConfig (prompts, or
// samples: [{prompt}]; format "jpg"), DatasetConfig (num_repeats, default 1),
// config/examples/train_lora_flux_24gb.yaml for the layout.
import { parse } from "yaml";
import { emptySettings, optimizerFromName, schedulerFromName, type ImportedSettings, type ImportModelFamily } from "./types";

export interface AiToolkitConfig {
  settings: ImportedSettings;
  /** Prompts in sample order: sample `…_<count>` is prompt `count`. */
  prompts: string[];
  /** `train.steps`: the planned total. */
  steps: number | null;
  /** `save.save_every`: steps between checkpoints. */
  saveEvery: number | null;
}

export type AiToolkitConfigResult = { ok: true; config: AiToolkitConfig } | { ok: false; message: string };

type Dict = Record<string, unknown>;

/** Reads ai-toolkit's saved `config.yaml` (job → config → process[0]). */
export function readAiToolkitConfig(text: string): AiToolkitConfigResult {
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: 100 });
  } catch {
    return { ok: false, message: "The config is not YAML" };
  }
  const config = dict(dict(document)?.config);
  const processes = config?.process;
  const process = Array.isArray(processes) ? dict(processes[0]) : null;
  if (!config || !process) return { ok: false, message: "Not an ai-toolkit job config: it has no config.process" };

  const settings = emptySettings();
  const name = config.name;
  settings.name = typeof name === "string" ? name : null;

  const network = dict(process.network) ?? {};
  const rank = number(network.linear ?? network.rank);
  settings.networkDim = rank ?? 4;
  settings.networkAlpha = number(network.linear_alpha) ?? number(network.alpha) ?? 1;

  const train = dict(process.train) ?? {};
  const accumulation = number(train.gradient_accumulation_steps) ?? 1;
  settings.batchSize = (number(train.batch_size) ?? 1) * accumulation;
  const lr = number(train.lr) ?? 1e-6;
  settings.learningRate = number(train.unet_lr) ?? lr;
  settings.textEncoderLearningRate = train.train_text_encoder === true ? (number(train.text_encoder_lr) ?? lr) : 0;
  const optimizer = typeof train.optimizer === "string" ? train.optimizer : "adamw";
  settings.optimizer = optimizerFromName(optimizer);
  if (settings.optimizer === null) settings.unmodelled.optimizer = optimizer;
  const optimizerParams = dict(train.optimizer_params) ?? {};
  settings.optimizerArgs = Object.fromEntries(Object.entries(optimizerParams).map(([key, value]) => [key, String(value)]));
  const scheduler = typeof train.lr_scheduler === "string" ? train.lr_scheduler : "constant";
  settings.lrScheduler = schedulerFromName(scheduler);
  if (settings.lrScheduler === null) settings.unmodelled.lrScheduler = scheduler;
  settings.warmupSteps = number(dict(train.lr_scheduler_params)?.num_warmup_steps) ?? 0;

  const model = dict(process.model) ?? {};
  const family = modelFamilyOf(model);
  settings.modelFamily = family.family;
  if (family.unmodelled) settings.unmodelled.modelFamily = family.unmodelled;

  const datasets = Array.isArray(process.datasets) ? process.datasets.map(dict) : [];
  settings.repeats = datasets.length > 0 ? (number(datasets[0]?.num_repeats) ?? 1) : null;

  const sample = dict(process.sample) ?? {};
  const prompts = readPrompts(sample);
  const save = dict(process.save) ?? {};
  return { ok: true, config: { settings, prompts, steps: number(train.steps), saveEvery: number(save.save_every) } };
}

function readPrompts(sample: Dict): string[] {
  if (Array.isArray(sample.samples)) {
    return sample.samples.map((item) => {
      const prompt = dict(item)?.prompt;
      return typeof prompt === "string" ? prompt : "";
    });
  }
  if (Array.isArray(sample.prompts)) return sample.prompts.map((prompt) => (typeof prompt === "string" ? prompt : String(prompt)));
  return [];
}

function modelFamilyOf(model: Dict): { family: ImportModelFamily | null; unmodelled: string | null } {
  const arch = typeof model.arch === "string" ? model.arch.split(":")[0] : null;
  if (arch === "flux" || arch === "flex1" || model.is_flux === true) return { family: "flux", unmodelled: null };
  if (arch === "sdxl" || arch === "ssd" || arch === "vega" || model.is_xl === true) return { family: "sdxl", unmodelled: null };
  if (arch === "sd1") return { family: "sd15", unmodelled: null };
  if (arch !== null) return { family: null, unmodelled: arch };
  if (model.is_v2 === true) return { family: null, unmodelled: "sd2" };
  if (model.is_v3 === true) return { family: null, unmodelled: "sd3" };
  // No architecture flag at all: ai-toolkit loads it as Stable Diffusion 1.x.
  return { family: "sd15", unmodelled: null };
}

function dict(value: unknown): Dict | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Dict) : null;
}

/** YAML numbers, and the strings PyYAML leaves for "1e-4" (YAML 1.1 needs a dot for floats). */
function number(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

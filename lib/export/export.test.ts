import { describe, expect, it } from "vitest";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { LR_SCHEDULERS, MODEL_FAMILIES, OPTIMIZERS, simulate, SIMULATOR_VERSION, type SettingsInput } from "@/lib/sim";
import {
  aiToolkitConfig,
  buildExport,
  checkpointsToCsv,
  CSV_COLUMNS,
  exportFileName,
  KOHYA_MODELS,
  KOHYA_OPTIMIZERS,
  kohyaDatasetConfig,
  kohyaLaunchScript,
  kohyaTrainingConfig,
  slugify,
  tomlString,
  type ExportableRun,
} from "./index";
import sdScripts from "./fixtures/sd-scripts.json";
import aiToolkit from "./fixtures/ai-toolkit.json";

/** A TOML file's keys, every section's merged into one object (as sd-scripts' read_config_from_file does). */
function flatToml(text: string): Record<string, unknown> {
  return Object.assign({}, ...Object.values(parseToml(text))) as Record<string, unknown>;
}

/** Settings covering every optimizer, schedule and base model (with a learning rate each optimizer accepts). */
const VARIANTS: SettingsInput[] = MODEL_FAMILIES.flatMap((modelFamily, m) =>
  OPTIMIZERS.map((optimizer, o) => ({
    images: 12,
    modelFamily,
    optimizer,
    learningRate: optimizer === "prodigy" ? 1 : 1e-4,
    lrScheduler: LR_SCHEDULERS[(m + o) % LR_SCHEDULERS.length],
    warmupSteps: 50 * o,
    networkDim: 8 << m,
    networkAlpha: 4 << m,
    textEncoderLearningRate: o % 2 === 0 ? 1e-5 : 0,
    seed: 100 + o,
  })),
);

function runOf(settings: Parameters<typeof simulate>[0], extras: Partial<ExportableRun> = {}): ExportableRun {
  const sim = simulate(settings);
  return {
    id: "0123456789abcdef",
    settings: sim.settings,
    notes: "",
    stepsPerEpoch: sim.stepsPerEpoch,
    totalSteps: sim.totalSteps,
    recommendedEpoch: sim.recommendedEpoch,
    pickedEpoch: 7,
    createdAt: "2026-01-01T00:00:00.000Z",
    simulatorVersion: SIMULATOR_VERSION,
    checkpoints: sim.checkpoints,
    lossCurve: sim.lossCurve,
    ...extras,
  };
}

const run = runOf({ name: 'Batch 2 at 2× LR, "quoted"', images: 10, batchSize: 2, learningRate: 2e-4, seed: 1107 });

describe("slugify and exportFileName", () => {
  it("make file-name-safe names", () => {
    expect(slugify("Batch 2 at 2× LR")).toBe("batch-2-at-2-lr");
    expect(slugify("Élan · ünïcode")).toBe("elan-unicode");
    expect(slugify("···")).toBe("run");
    expect(exportFileName(run, "csv")).toBe("batch-2-at-2-lr-quoted.checkpoints.csv");
  });
});

describe("runToJson", () => {
  it("round-trips the run's settings, checkpoints and loss curve", () => {
    const parsed = JSON.parse(buildExport(run, "json"));
    expect(parsed.settings).toEqual(run.settings);
    expect(parsed.checkpoints).toEqual(run.checkpoints);
    expect(parsed.lossCurve).toEqual(run.lossCurve);
    expect(parsed.pickedEpoch).toBe(7);
  });
});

describe("checkpointsToCsv", () => {
  it("writes a header and one row per checkpoint with full-precision numbers", () => {
    const lines = checkpointsToCsv(run).trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(run.checkpoints.length + 1);
    const seventh = lines[7].split(",");
    expect(Number(seventh[0])).toBe(7);
    expect(Number(seventh[CSV_COLUMNS.indexOf("quality")])).toBe(run.checkpoints[6].quality);
    expect(seventh[CSV_COLUMNS.indexOf("picked")]).toBe("true");
  });
});

describe("kohya exports", () => {
  it("dataset config holds the repeats, caption extension and image folder", () => {
    const toml = parseToml(kohyaDatasetConfig(run));
    expect(toml.general).toEqual({ caption_extension: ".txt", shuffle_caption: false, keep_tokens: 1 });
    const datasets = toml.datasets as Record<string, unknown>[];
    expect(datasets[0].subsets).toEqual([{ image_dir: "./dataset/images", num_repeats: 20 }]);
  });

  it("training config maps the run's settings to sd-scripts arguments", () => {
    const flat = flatToml(kohyaTrainingConfig(run));
    expect(flat).toMatchObject({
      network_module: "networks.lora",
      learning_rate: 2e-4,
      text_encoder_lr: 1e-5,
      train_batch_size: 2,
      max_train_epochs: 10,
      save_every_n_epochs: 1,
      seed: 1107,
      network_dim: 32,
      network_alpha: 16,
      optimizer_type: "AdamW8bit",
      lr_scheduler: "constant",
      lr_warmup_steps: 0,
    });
  });

  it("writes the run's rank, alpha, optimizer as sd-scripts spells it, schedule and warm-up", () => {
    const prodigy = runOf({ images: 10, networkDim: 64, networkAlpha: 32, optimizer: "prodigy", learningRate: 1, lrScheduler: "cosine", warmupSteps: 120, seed: 1 });
    expect(flatToml(kohyaTrainingConfig(prodigy))).toMatchObject({ network_dim: 64, network_alpha: 32, optimizer_type: "Prodigy", learning_rate: 1, lr_scheduler: "cosine", lr_warmup_steps: 120 });
    expect(KOHYA_OPTIMIZERS).toEqual({ adamw: "AdamW", adamw8bit: "AdamW8bit", prodigy: "Prodigy", adafactor: "Adafactor", lion: "Lion" });
    const adafactor = flatToml(kohyaTrainingConfig(runOf({ images: 10, optimizer: "adafactor", seed: 1 })));
    expect(adafactor.optimizer_args).toEqual(["scale_parameter=False", "relative_step=False", "warmup_init=False"]);
  });

  it("launches each base model's own script at its usual resolution", () => {
    const expected = { sd15: ["train_network.py", 512], sdxl: ["sdxl_train_network.py", 1024], flux: ["flux_train_network.py", 1024] } as const;
    for (const family of MODEL_FAMILIES) {
      const familyRun = runOf({ images: 10, modelFamily: family, seed: 3 });
      const [script, resolution] = expected[family];
      expect(kohyaLaunchScript(familyRun)).toContain(`accelerate launch --num_cpu_threads_per_process 1 ${script} \\`);
      expect(kohyaLaunchScript(familyRun)).toContain(`--w ${resolution} --h ${resolution}`);
      expect((parseToml(kohyaDatasetConfig(familyRun)).datasets as Record<string, unknown>[])[0].resolution).toBe(resolution);
    }
    expect(flatToml(kohyaTrainingConfig(runOf({ images: 10, modelFamily: "flux", seed: 3 })))).toMatchObject({
      network_module: "networks.lora_flux",
      ae: expect.any(String),
      t5xxl: expect.any(String),
    });
  });

  it("trains the U-Net only when the text encoder is frozen", () => {
    const frozen = runOf({ images: 10, textEncoderLearningRate: 0, seed: 1 });
    const flat = flatToml(kohyaTrainingConfig(frozen));
    expect(flat.network_train_unet_only).toBe(true);
    expect(flat).not.toHaveProperty("text_encoder_lr");
  });

  it("keeps names with quotes and newlines inside strings and comments", () => {
    expect(tomlString('a "b" \\ c\n')).toBe('"a \\"b\\" \\\\ c\\u000a"');
    const odd = runOf({ name: "two\nlines", images: 10, seed: 1 });
    expect(kohyaTrainingConfig(odd).split("\n")[0]).toBe('# kohya-ss sd-scripts training config for the Epoch Lab run "two lines" (0123456789abcdef).');
  });

  it("launch script points at both config files and writes the sample prompts", () => {
    const script = buildExport(run, "script");
    expect(script).toContain("--dataset_config batch-2-at-2-lr-quoted.dataset_config.toml");
    expect(script).toContain("--config_file batch-2-at-2-lr-quoted.training_config.toml");
    expect(script).toContain("portrait, smiling, holding a flower, studio light --w 1024 --h 1024 --d 1107");
  });
});

describe(`kohya exports against sd-scripts' own names (${sdScripts.source} at ${sdScripts.commit.slice(0, 10)})`, () => {
  it("every training-config key is an argument of the script the launch script runs, for every optimizer, schedule and base model", () => {
    for (const settings of VARIANTS) {
      const variant = runOf(settings);
      const script = KOHYA_MODELS[variant.settings.modelFamily].script as keyof typeof sdScripts.scripts;
      const accepted = new Set(sdScripts.scripts[script]);
      const unknown = Object.keys(flatToml(kohyaTrainingConfig(variant))).filter((key) => !accepted.has(key));
      expect(unknown, `${script} with ${JSON.stringify(settings)}`).toEqual([]);
      expect(kohyaLaunchScript(variant)).toMatch(new RegExp(`\\s${script.replace(".", "\\.")} `));
    }
  });

  it("writes optimizer and scheduler names sd-scripts knows", () => {
    for (const optimizer of OPTIMIZERS) expect(sdScripts.optimizerTypes).toContain(KOHYA_OPTIMIZERS[optimizer]);
    for (const scheduler of LR_SCHEDULERS) expect(sdScripts.lrSchedulers).toContain(scheduler);
  });

  it("the dataset config passes library/config_util.py's schema at every level", () => {
    for (const settings of VARIANTS) {
      const toml = parseToml(kohyaDatasetConfig(runOf(settings))) as { general: object; datasets: ({ subsets: object[] } & object)[] };
      expect(Object.keys(toml).sort()).toEqual(["datasets", "general"]);
      expect(Object.keys(toml.general).filter((key) => !sdScripts.datasetConfig.general.includes(key))).toEqual([]);
      for (const dataset of toml.datasets) {
        expect(Object.keys(dataset).filter((key) => !sdScripts.datasetConfig.dataset.includes(key))).toEqual([]);
        for (const subset of dataset.subsets) {
          expect(Object.keys(subset).filter((key) => !sdScripts.datasetConfig.subset.includes(key))).toEqual([]);
          expect(subset).toHaveProperty("image_dir");
        }
      }
    }
  });
});

describe(`ai-toolkit job config (${aiToolkit.source} at ${aiToolkit.commit.slice(0, 10)})`, () => {
  type Process = Record<string, Record<string, unknown> & { type?: string }> & { datasets: Record<string, unknown>[]; type: string };
  const processOf = (text: string) => (parseYaml(text) as { job: string; config: { name: string; process: Process[] } }).config.process[0];

  it("is an extension job with one sd_trainer process holding the run's settings", () => {
    const variant = runOf({ images: 10, repeats: 20, epochs: 8, batchSize: 2, learningRate: 2e-4, networkDim: 16, networkAlpha: 8, optimizer: "lion", lrScheduler: "cosine", seed: 5 });
    const text = aiToolkitConfig(variant);
    const job = parseYaml(text) as { job: string; config: { name: string; process: Process[] } };
    expect(job.job).toBe("extension");
    expect(job.config.process).toHaveLength(1);
    const process = job.config.process[0];
    expect(process.type).toBe("sd_trainer");
    expect(process.network).toEqual({ type: "lora", linear: 16, linear_alpha: 8 });
    expect(process.train).toMatchObject({ steps: variant.totalSteps, batch_size: 2, lr: 2e-4, optimizer: "lion", lr_scheduler: "cosine", train_text_encoder: true, text_encoder_lr: 1e-5 });
    expect(process.datasets[0]).toMatchObject({ folder_path: expect.any(String), caption_ext: "txt", num_repeats: 20 });
    expect(process.save).toMatchObject({ save_every: variant.stepsPerEpoch });
    expect(process.sample).toMatchObject({ sample_every: variant.stepsPerEpoch, seed: 5, width: 1024, height: 1024 });
    expect((process.sample.prompts as string[])[0]).toMatch(/^portrait, smiling/);
    expect(process.model).toEqual({ name_or_path: "stabilityai/stable-diffusion-xl-base-1.0", is_xl: true });
  });

  it("flags FLUX.1 and SD 1.5 as ai-toolkit expects, at their resolution", () => {
    const flux = processOf(aiToolkitConfig(runOf({ images: 10, modelFamily: "flux", seed: 1 })));
    expect(flux.model).toMatchObject({ is_flux: true, name_or_path: "black-forest-labs/FLUX.1-dev" });
    expect(flux.train).toMatchObject({ noise_scheduler: "flowmatch", train_text_encoder: false });
    const sd15 = processOf(aiToolkitConfig(runOf({ images: 10, modelFamily: "sd15", seed: 1 })));
    expect(sd15.model).not.toHaveProperty("is_xl");
    expect(sd15.datasets[0].resolution).toEqual([512]);
  });

  it("carries warm-up only where ai-toolkit has it, and makes linear decay", () => {
    const warm = processOf(aiToolkitConfig(runOf({ images: 10, lrScheduler: "constant_with_warmup", warmupSteps: 100, seed: 1 })));
    expect(warm.train).toMatchObject({ lr_scheduler: "constant_with_warmup", lr_scheduler_params: { num_warmup_steps: 100 } });
    const linear = processOf(aiToolkitConfig(runOf({ images: 10, lrScheduler: "linear", warmupSteps: 100, seed: 1 })));
    expect(linear.train).toMatchObject({ lr_scheduler: "linear", lr_scheduler_params: { start_factor: 1, end_factor: 0 } });
    expect(aiToolkitConfig(runOf({ images: 10, lrScheduler: "linear", warmupSteps: 100, seed: 1 }))).toContain("warm-up steps are left out");
  });

  it("uses only keys ai-toolkit's config classes read, and optimizer and scheduler names it knows", () => {
    const sections = aiToolkit.configKeys as Record<string, string[]>;
    for (const settings of VARIANTS) {
      const process = processOf(aiToolkitConfig(runOf(settings)));
      expect(Object.keys(process).filter((key) => !aiToolkit.processKeys.includes(key))).toEqual([]);
      for (const section of ["model", "network", "train", "sample", "save"]) {
        expect(
          Object.keys(process[section]).filter((key) => !sections[section].includes(key)),
          section,
        ).toEqual([]);
      }
      for (const dataset of process.datasets) expect(Object.keys(dataset).filter((key) => !sections.datasets.includes(key))).toEqual([]);
      expect(aiToolkit.optimizers).toContain(process.train.optimizer);
      expect(aiToolkit.lrSchedulers).toContain(process.train.lr_scheduler);
    }
  });

  it("keeps a run name with quotes and line breaks inside the YAML and its comments", () => {
    const odd = runOf({ name: 'two\nlines: "quoted"', images: 10, seed: 1 });
    const text = aiToolkitConfig(odd);
    expect(text.split("\n")[0]).toBe('# ostris ai-toolkit job config for the Epoch Lab run "two lines: "quoted"" (0123456789abcdef).');
    expect((parseYaml(text) as { config: { name: string } }).config.name).toBe("two-lines-quoted");
  });
});

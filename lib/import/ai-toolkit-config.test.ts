import { describe, expect, it } from "vitest";
import { AI_TOOLKIT_PROMPTS, aiToolkitConfig } from "../../scripts/make-import-fixtures";
import { readAiToolkitConfig } from "./ai-toolkit-config";

describe("readAiToolkitConfig", () => {
  it("reads the settings, prompts and save interval of a Flux LoRA job", () => {
    const result = readAiToolkitConfig(aiToolkitConfig(2000, 250));
    expect(result).toEqual({
      ok: true,
      config: {
        settings: {
          name: "my_first_flux_lora_v1",
          images: null,
          repeats: 1,
          epochs: null,
          batchSize: 1,
          learningRate: 1e-4,
          textEncoderLearningRate: 0,
          networkDim: 16,
          networkAlpha: 16,
          optimizer: "adamw8bit",
          optimizerArgs: {},
          lrScheduler: "constant",
          warmupSteps: 0,
          modelFamily: "flux",
          seed: null,
          unmodelled: {},
        },
        prompts: AI_TOOLKIT_PROMPTS,
        steps: 2000,
        saveEvery: 250,
      },
    });
  });

  it("reads the newer samples: [{prompt}] form, arch, rank, text-encoder training and warm-up", () => {
    const yaml = `
job: extension
config:
  name: xl_style
  process:
    - type: sd_trainer
      network: { type: lora, rank: 32 }
      train:
        batch_size: 2
        gradient_accumulation_steps: 2
        lr: 2e-4
        train_text_encoder: true
        text_encoder_lr: 1e-5
        optimizer: prodigy
        lr_scheduler: cosine
        lr_scheduler_params: { num_warmup_steps: 100 }
      model: { name_or_path: stabilityai/stable-diffusion-xl-base-1.0, arch: "sdxl:v1" }
      datasets: [{ folder_path: /x, num_repeats: 3 }]
      sample:
        samples:
          - prompt: "a watercolor fox"
          - prompt: "a city at night"
`;
    const result = readAiToolkitConfig(yaml);
    expect(result.ok && result.config.settings).toMatchObject({
      networkDim: 32,
      networkAlpha: 1,
      batchSize: 4,
      learningRate: 2e-4,
      textEncoderLearningRate: 1e-5,
      optimizer: "prodigy",
      lrScheduler: "cosine",
      warmupSteps: 100,
      modelFamily: "sdxl",
      repeats: 3,
    });
    expect(result.ok && result.config.prompts).toEqual(["a watercolor fox", "a city at night"]);
  });

  it("names base models Epoch Lab does not model instead of guessing", () => {
    const yaml = "config:\n  name: q\n  process:\n    - model: { arch: qwen_image }\n";
    expect(readAiToolkitConfig(yaml)).toMatchObject({ ok: true, config: { settings: { modelFamily: null, unmodelled: { modelFamily: "qwen_image" } } } });
  });

  it("refuses YAML that is not a job config, and text that is not YAML", () => {
    expect(readAiToolkitConfig("a: 1\n")).toEqual({ ok: false, message: "Not an ai-toolkit job config: it has no config.process" });
    expect(readAiToolkitConfig("a: [1, 2\n")).toEqual({ ok: false, message: "The config is not YAML" });
  });
});

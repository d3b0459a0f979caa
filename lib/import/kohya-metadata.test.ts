import { describe, expect, it } from "vitest";
import { CSV_RUN, KOHYA_RUN, kohyaMetadata } from "../../scripts/make-import-fixtures";
import { modelFamilyFrom, pythonNumber, readKohyaMetadata, readOptimizerArgs } from "./kohya-metadata";
import { optimizerFromName } from "./types";

function read(metadata: Record<string, string>) {
  const result = readKohyaMetadata(metadata);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("readKohyaMetadata", () => {
  it("reads the settings of an SDXL epoch file as train_network.py writes them", () => {
    const value = read(kohyaMetadata(KOHYA_RUN, 3, 600));
    expect(value.settings).toEqual({
      name: "sksdog",
      images: 10,
      repeats: 20,
      epochs: 4,
      batchSize: 1,
      learningRate: 1e-4,
      textEncoderLearningRate: 1e-5,
      networkDim: 32,
      networkAlpha: 16,
      optimizer: "adamw8bit",
      optimizerArgs: { weight_decay: "0.1", betas: "(0.9, 0.99)" },
      lrScheduler: "cosine",
      warmupSteps: 0,
      modelFamily: "sdxl",
      seed: 42,
      unmodelled: {},
    });
    expect(value.epoch).toBe(3);
    expect(value.step).toBe(600);
    expect(value.identity).toEqual({ sessionId: "1942517380", trainingStartedAt: "1761998400.123456", outputName: "sksdog" });
    expect(value.isKohya).toBe(true);
  });

  it("takes images from ss_dataset_dirs' img_count, never ss_num_train_images (which counts repeats)", () => {
    const metadata = { ...kohyaMetadata(KOHYA_RUN, 1, 200), ss_num_train_images: "999" };
    expect(read(metadata).settings.images).toBe(10);
  });

  it("adds the folders of several subsets and averages their repeats by image", () => {
    const dirs = JSON.stringify({ "10_sksdog": { n_repeats: 10, img_count: 12 }, "30_closeups": { n_repeats: 30, img_count: 4 } });
    expect(read({ ss_dataset_dirs: dirs }).settings).toMatchObject({ images: 16, repeats: 15 });
  });

  it("reads Prodigy with its arguments, a warm-up ratio and an SD 1.5 base", () => {
    const value = read(kohyaMetadata(CSV_RUN, 6, 720));
    expect(value.settings).toMatchObject({
      optimizer: "prodigy",
      optimizerArgs: { decouple: "True", weight_decay: "0.01", d_coef: "2", use_bias_correction: "True" },
      learningRate: 1,
      lrScheduler: "constant_with_warmup",
      // --lr_warmup_steps 0.05 is a ratio of ss_max_train_steps (720): ceil(36).
      warmupSteps: 36,
      modelFamily: "sd15",
      batchSize: 2,
    });
  });

  it("uses ss_learning_rate where ss_unet_lr and ss_text_encoder_lr are None, as kohya does", () => {
    expect(read({ ss_learning_rate: "0.0002", ss_unet_lr: "None", ss_text_encoder_lr: "None" }).settings).toMatchObject({
      learningRate: 2e-4,
      textEncoderLearningRate: 2e-4,
    });
  });

  it("reads the first of several text-encoder learning rates (SDXL's list)", () => {
    expect(read({ ss_text_encoder_lr: "[1e-05, 2e-05]" }).settings.textEncoderLearningRate).toBe(1e-5);
  });

  it("multiplies the per-device batch by gradient accumulation when no total is written", () => {
    expect(read({ ss_batch_size_per_device: "2", ss_gradient_accumulation_steps: "4" }).settings.batchSize).toBe(8);
    const datasets = JSON.stringify([{ batch_size_per_device: 3 }]);
    expect(read({ ss_datasets: datasets }).settings.batchSize).toBe(3);
  });

  it("keeps the trainer's words for what Epoch Lab does not model", () => {
    const value = read({ ss_optimizer: "dadaptation.dadapt_adam.DAdaptAdam", ss_lr_scheduler: "polynomial", ss_base_model_version: "sd_v2_v" });
    expect(value.settings).toMatchObject({ optimizer: null, lrScheduler: null, modelFamily: null });
    expect(value.settings.unmodelled).toEqual({ optimizer: "dadaptation.dadapt_adam.DAdaptAdam", lrScheduler: "polynomial", modelFamily: "sd_v2_v" });
  });

  it("gives nulls, not defaults, for a file without kohya metadata", () => {
    const value = read({ format: "pt" });
    expect(value.isKohya).toBe(false);
    expect(value.settings.images).toBeNull();
    expect(value.settings.learningRate).toBeNull();
    expect(value.epoch).toBeNull();
  });

  it.each([
    [{ ss_epoch: "three" }, 'Metadata ss_epoch is "three"; kohya writes a whole number there'],
    [{ ss_steps: "1.5" }, 'Metadata ss_steps is "1.5"; kohya writes a whole number there'],
    [{ ss_network_dim: "0" }, 'Metadata ss_network_dim is "0"; kohya writes a whole number there'],
    [{ ss_learning_rate: "fast" }, 'Metadata ss_learning_rate is "fast"; kohya writes a number there'],
    [{ ss_dataset_dirs: "{oops" }, "Metadata ss_dataset_dirs is not JSON; kohya writes {folder: {n_repeats, img_count}} there"],
    [{ ss_dataset_dirs: JSON.stringify({ a: { n_repeats: "20", img_count: 10 } }) }, 'Metadata ss_dataset_dirs["a"] needs whole-number img_count and n_repeats'],
    [{ ss_lr_warmup_steps: "-3" }, 'Metadata ss_lr_warmup_steps is "-3"; kohya writes steps or a ratio there'],
  ])("refuses metadata of the wrong type: %j", (metadata, message) => {
    expect(readKohyaMetadata(metadata)).toEqual({ ok: false, message });
  });
});

describe("optimizerFromName", () => {
  it.each([
    ["bitsandbytes.optim.adamw.AdamW8bit", "adamw8bit"],
    ["bitsandbytes.optim.adamw.PagedAdamW8bit", "adamw8bit"],
    ["torch.optim.adamw.AdamW(weight_decay=0.01)", "adamw"],
    ["prodigyopt.prodigy.Prodigy", "prodigy"],
    ["transformers.optimization.Adafactor(scale_parameter=False,relative_step=False)", "adafactor"],
    ["lion_pytorch.lion_pytorch.Lion", "lion"],
    ["bitsandbytes.optim.lion.Lion8bit", "lion"],
    ["AdamW8bit", "adamw8bit"],
    ["adamw8bit", "adamw8bit"],
    ["torch.optim.sgd.SGD", null],
  ])("maps %s to %s", (raw, expected) => {
    expect(optimizerFromName(raw)).toBe(expected);
  });
});

describe("readOptimizerArgs", () => {
  it("splits arguments at top-level commas only", () => {
    expect(readOptimizerArgs("X(betas=(0.9, 0.99),eps=1e-08,groups=[1, 2])")).toEqual({ betas: "(0.9, 0.99)", eps: "1e-08", groups: "[1, 2]" });
    expect(readOptimizerArgs("X")).toEqual({});
  });
});

describe("modelFamilyFrom", () => {
  it("reads sd-scripts' model versions", () => {
    expect(modelFamilyFrom("sd_v1")).toEqual({ family: "sd15", unmodelled: null });
    expect(modelFamilyFrom("sdxl_base_v1-0")).toEqual({ family: "sdxl", unmodelled: null });
    expect(modelFamilyFrom("flux1")).toEqual({ family: "flux", unmodelled: null });
    expect(modelFamilyFrom("chroma")).toEqual({ family: null, unmodelled: "chroma" });
  });
  it("reads ai-toolkit's model versions", () => {
    expect(modelFamilyFrom("sd_1.5")).toEqual({ family: "sd15", unmodelled: null });
    expect(modelFamilyFrom("sdxl_1.0")).toEqual({ family: "sdxl", unmodelled: null });
    expect(modelFamilyFrom("ssd")).toEqual({ family: "sdxl", unmodelled: null });
    expect(modelFamilyFrom("flux.1")).toEqual({ family: "flux", unmodelled: null });
    expect(modelFamilyFrom("sd_2.1")).toEqual({ family: null, unmodelled: "sd_2.1" });
  });
  it("falls back to sai's modelspec.architecture, then ss_v2", () => {
    expect(modelFamilyFrom(null, "flux-1-dev/lora")).toEqual({ family: "flux", unmodelled: null });
    expect(modelFamilyFrom(null, "stable-diffusion-v1/lora")).toEqual({ family: "sd15", unmodelled: null });
    expect(modelFamilyFrom(null, null, "False")).toEqual({ family: "sd15", unmodelled: null });
    expect(modelFamilyFrom(null, null, null)).toEqual({ family: null, unmodelled: null });
  });
});

describe("pythonNumber", () => {
  it("reads Python's float text and refuses the rest", () => {
    expect(pythonNumber("1e-05")).toBe(1e-5);
    expect(pythonNumber("16.0")).toBe(16);
    expect(pythonNumber(".5")).toBe(0.5);
    expect(pythonNumber("nan")).toBeNull();
    expect(pythonNumber("0x10")).toBeNull();
  });
});

// Writes three trainer output folders to the formats' own specs, for the
// import tests and benchmarks: a kohya sd-scripts folder (epoch files, samples,
// prompt file, TensorBoard event file), an ai-toolkit folder (step-named files,
// JPEG samples, config.yaml, event file) and a kohya folder whose logs are
// TensorBoard CSV exports. It deliberately shares no code with lib/import: the
// bytes are built from the specs (safetensors' 8-byte length + JSON header,
// TFRecord framing with its own CRC-32C table, the Event protobuf), so a
// misreading in the readers cannot be mirrored here.
//
// Usage: npx tsx scripts/make-import-fixtures.ts [out-dir]   (default: fixtures/import, git-ignored)
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { deflateSync } from "node:zlib";
import protobuf from "protobufjs";
import { PNG } from "pngjs";
import jpeg from "jpeg-js";
import { stringify } from "yaml";

export interface FixtureFile {
  path: string;
  bytes: Uint8Array;
}

export interface FixtureOptions {
  /** Sample image side in pixels (the bench uses 1024). */
  imageSide?: number;
  /** Epochs of the kohya folders. */
  epochs?: number;
  /** Sample prompts per epoch. */
  prompts?: number;
}

// ---------------------------------------------------------------- safetensors

/** A LoRA file: 8-byte LE header length, JSON header (tensors + __metadata__ of strings), F16 zero weights. */
export function safetensorsFile(metadata: Record<string, string>, dim: number, modules: string[]): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const loraModule of modules) {
    for (const [suffix, shape] of [
      ["lora_down.weight", [dim, 320]],
      ["lora_up.weight", [320, dim]],
      ["alpha", []],
    ] as const) {
      const bytes = (shape.length === 0 ? 1 : shape[0] * shape[1]) * 2;
      header[`${loraModule}.${suffix}`] = { dtype: "F16", shape, data_offsets: [offset, offset + bytes] };
      offset += bytes;
    }
  }
  let json = JSON.stringify(header);
  // The header is padded with spaces to a multiple of 8 bytes, as the safetensors writer does.
  while (Buffer.byteLength(json) % 8 !== 0) json += " ";
  const headerBytes = Buffer.from(json, "utf8");
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  return out;
}

// ---------------------------------------------------------------- TFRecord + Event

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32C (Castagnoli, reflected polynomial 0x82F63B78); crc32c("123456789") = 0xE3069283. */
export function crc32cOf(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC32C_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function masked(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

/** One TFRecord: uint64 length, masked CRC of the length, data, masked CRC of the data. */
export function tfRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length + 4);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(data.length), true);
  view.setUint32(8, masked(crc32cOf(out.subarray(0, 8))), true);
  out.set(data, 12);
  view.setUint32(12 + data.length, masked(crc32cOf(data)), true);
  return out;
}

// tensorflow/tensorboard compat/proto event.proto + summary.proto + tensor.proto, the fields a scalar uses.
const EVENT_PROTO = `
syntax = "proto3";
package fixture;
message Event { double wall_time = 1; int64 step = 2; oneof what { string file_version = 3; Summary summary = 5; } }
message PluginData { string plugin_name = 1; bytes content = 2; }
message SummaryMetadata { PluginData plugin_data = 1; }
message TensorProto { int32 dtype = 1; TensorShape tensor_shape = 2; repeated float float_val = 5 [packed = true]; }
message TensorShape { }
message Value { string tag = 1; SummaryMetadata metadata = 9; oneof value { float simple_value = 2; TensorProto tensor = 8; } }
message Summary { repeated Value value = 1; }
`;
const EventMessage = protobuf.parse(EVENT_PROTO, { keepCase: true }).root.lookupType("fixture.Event");

export interface LoggedScalar {
  tag: string;
  step: number;
  value: number;
  /** "simple" as torch.utils.tensorboard writes; "tensor" as TF 2's tf.summary.scalar writes. */
  form?: "simple" | "tensor";
}

/** A TensorBoard event file: the "brain.Event:2" record, then one Event per scalar. */
export function eventFile(scalars: LoggedScalar[], startTime: number): Uint8Array {
  const records: Uint8Array[] = [tfRecord(EventMessage.encode(EventMessage.create({ wall_time: startTime, file_version: "brain.Event:2" })).finish())];
  for (const scalar of scalars) {
    const value =
      scalar.form === "tensor"
        ? { tag: scalar.tag, metadata: { plugin_data: { plugin_name: "scalars" } }, tensor: { dtype: 1, tensor_shape: {}, float_val: [scalar.value] } }
        : { tag: scalar.tag, simple_value: scalar.value };
    const event = EventMessage.create({ wall_time: startTime + scalar.step * 1.5, step: scalar.step, summary: { value: [value] } });
    records.push(tfRecord(EventMessage.encode(event).finish()));
  }
  return concat(records);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// ---------------------------------------------------------------- images

/**
 * RGB pixels that differ by epoch and prompt: a background gradient and a
 * warm disc (the "subject") that grows sharper and stronger as training goes
 * on, with a little noise so the files compress like real samples.
 */
function pixels(side: number, epoch: number, prompt: number): Buffer {
  const data = Buffer.alloc(side * side * 4);
  let seed = (epoch + 1) * 7919 + prompt * 104729;
  const centreX = side * (0.35 + 0.3 * ((prompt % 3) / 2));
  const centreY = side * (0.4 + 0.2 * (prompt % 2 === 0 ? 0 : 1));
  const radius = side * (0.18 + 0.02 * Math.min(epoch, 8));
  const strength = Math.min(1, 0.15 + 0.2 * epoch);
  const edge = side * (0.12 / (1 + epoch));
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const noise = (seed >>> 24) % 24;
      const i = (y * side + x) * 4;
      const distance = Math.hypot(x - centreX, y - centreY);
      const inside = strength * Math.max(0, Math.min(1, (radius - distance) / edge + 0.5));
      const red = (x * 255) / side / (1 + prompt) + noise;
      const green = (y * 255) / side - epoch * 12 + noise;
      const blue = 90 + epoch * 30 + noise;
      data[i] = channel(red * (1 - inside) + 235 * inside);
      data[i + 1] = channel(green * (1 - inside) + 150 * inside);
      data[i + 2] = channel(blue * (1 - inside) + 60 * inside);
      data[i + 3] = 255;
    }
  }
  return data;
}

function channel(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

export function pngImage(side: number, epoch: number, prompt: number): Uint8Array {
  const png = new PNG({ width: side, height: side, colorType: 2 });
  pixels(side, epoch, prompt).copy(png.data);
  // One filter and a fast deflate level: the bytes are still a valid PNG, made several times faster for the 1024 px bench folders.
  return new Uint8Array(PNG.sync.write(png, { colorType: 2, filterType: 1, deflateLevel: 3 }));
}

const PNG_CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  Buffer.from(data).copy(out, 8);
  let crc = 0xffffffff;
  for (const byte of out.subarray(4, 8 + data.length)) crc = PNG_CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}

/**
 * A PNG written chunk by chunk from the spec (signature, IHDR, one IDAT of
 * `idat`, IEND) whose header may claim what its data does not hold: the
 * refusal tests' 20,000 × 20,000 header and decompression bombs.
 */
export function forgedPng(width: number, height: number, idat: Uint8Array, bitDepth = 8, colorType = 2): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colorType;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, pngChunk("IHDR", ihdr), pngChunk("IDAT", idat), pngChunk("IEND", new Uint8Array())]));
}

/** A zip bomb disguised as a PNG: a real 1-bit greyscale image of side × side zeros, deflated to a few tens of kB. */
export function pngBomb(side: number): Uint8Array {
  return forgedPng(side, side, deflateSync(Buffer.alloc(side * (1 + Math.ceil(side / 8))), { level: 9 }), 1, 0);
}

export function jpegImage(side: number, epoch: number, prompt: number): Uint8Array {
  return new Uint8Array(jpeg.encode({ data: pixels(side, epoch, prompt), width: side, height: side }, 85).data);
}

// ---------------------------------------------------------------- loss curves

/** A believable LoRA loss: train falls, validation falls then rises after the middle epoch. */
export function trainEpochLoss(epoch: number): number {
  return Number((0.125 - 0.008 * epoch).toFixed(6));
}

export function validationEpochLoss(epoch: number, epochs: number): number {
  const best = Math.ceil(epochs * 0.6);
  return Number((0.11 + (0.003 * (epoch - best) ** 2) / Math.max(1, epochs / 4)).toFixed(6));
}

function stepLoss(step: number, stepsPerEpoch: number): number {
  const epoch = Math.ceil(step / stepsPerEpoch);
  return Number((trainEpochLoss(epoch) + 0.01 * Math.sin(step)).toFixed(6));
}

// ---------------------------------------------------------------- kohya

export const KOHYA_PROMPTS = [
  "a photo of sksdog sitting on a red sofa, soft window light --n blurry, lowres --w 1024 --h 1024 --d 42 --l 7 --s 28",
  "sksdog running on a beach at sunset, wide shot --n text, watermark --w 1024 --h 1024 --d 7 --l 6.5 --s 28",
  "a watercolor painting of sksdog wearing a scarf --w 832 --h 1216 --d 1234 --l 7 --s 28",
  "sksdog in a spacesuit on the moon, cinematic --n deformed --d 99 --s 30",
  "close-up portrait of sksdog, studio lighting --d 5",
  "sksdog asleep under a christmas tree --d 6",
  "pixel art of sksdog --d 7",
  "sksdog as a knight in armour --d 8",
];

interface KohyaRun {
  outputName: string;
  images: number;
  repeats: number;
  batch: number;
  epochs: number;
  baseModel: string;
  sdModelName: string;
  architecture: string;
  optimizer: string;
  learningRate: string;
  unetLearningRate: string;
  textEncoderLearningRate: string;
  scheduler: string;
  warmup: string;
  dim: number;
  alpha: string;
  sessionId: string;
  startedAt: string;
}

/** The `ss_*` metadata sd-scripts' train_network.py writes (every value via str(v)), for one saved epoch. */
export function kohyaMetadata(run: KohyaRun, epoch: number, steps: number): Record<string, string> {
  const stepsPerEpoch = Math.ceil((run.images * run.repeats) / run.batch);
  return {
    ss_session_id: run.sessionId,
    ss_training_started_at: run.startedAt,
    ss_output_name: run.outputName,
    ss_learning_rate: run.learningRate,
    ss_text_encoder_lr: run.textEncoderLearningRate,
    ss_unet_lr: run.unetLearningRate,
    // Counts repeats: 10 images × 20 repeats = "200". The importer must not read images from it.
    ss_num_train_images: String(run.images * run.repeats),
    ss_num_validation_images: "0",
    ss_num_reg_images: "0",
    ss_num_batches_per_epoch: String(stepsPerEpoch),
    ss_num_epochs: String(run.epochs),
    ss_gradient_checkpointing: "True",
    ss_gradient_accumulation_steps: "1",
    ss_max_train_steps: String(stepsPerEpoch * run.epochs),
    ss_lr_warmup_steps: run.warmup,
    ss_lr_scheduler: run.scheduler,
    ss_network_module: "networks.lora",
    ss_network_dim: String(run.dim),
    ss_network_alpha: run.alpha,
    ss_network_dropout: "None",
    ss_mixed_precision: "bf16",
    ss_full_fp16: "False",
    ss_v2: "False",
    ss_base_model_version: run.baseModel,
    ss_clip_skip: "None",
    ss_max_token_length: "None",
    ss_cache_latents: "True",
    ss_seed: "42",
    ss_lowram: "False",
    ss_noise_offset: "None",
    ss_training_comment: "None",
    ss_sd_scripts_commit_hash: "48d368fa557731ad0488c07304dfeba8c07910eb",
    ss_optimizer: run.optimizer,
    ss_max_grad_norm: "1.0",
    ss_caption_dropout_rate: "0.0",
    ss_min_snr_gamma: "5.0",
    ss_loss_type: "l2",
    ss_batch_size_per_device: String(run.batch),
    ss_total_batch_size: String(run.batch),
    ss_resolution: run.baseModel.startsWith("sdxl") ? "(1024, 1024)" : "(512, 512)",
    ss_color_aug: "False",
    ss_flip_aug: "False",
    ss_random_crop: "False",
    ss_shuffle_caption: "False",
    ss_enable_bucket: "True",
    ss_bucket_no_upscale: "False",
    ss_min_bucket_reso: "256",
    ss_max_bucket_reso: "2048",
    ss_keep_tokens: "0",
    ss_dataset_dirs: JSON.stringify({ [`${run.repeats}_${run.outputName} dog`]: { n_repeats: run.repeats, img_count: run.images } }),
    ss_reg_dataset_dirs: "{}",
    ss_tag_frequency: JSON.stringify({ [`${run.repeats}_${run.outputName} dog`]: { sksdog: run.images, dog: run.images } }),
    ss_bucket_info: JSON.stringify({ buckets: { "0": { resolution: [1024, 1024], count: run.images * run.repeats } }, mean_img_ar_error: 0 }),
    ss_sd_model_name: run.sdModelName,
    ss_training_finished_at: String(Number(run.startedAt) + steps * 1.5),
    ss_steps: String(steps),
    ss_epoch: String(epoch),
    "modelspec.sai_model_spec": "1.0.0",
    "modelspec.architecture": run.architecture,
    "modelspec.implementation": "https://github.com/Stability-AI/generative-models",
    "modelspec.title": `${run.outputName}`,
    "modelspec.resolution": run.baseModel.startsWith("sdxl") ? "1024x1024" : "512x512",
  };
}

export const KOHYA_RUN: KohyaRun = {
  outputName: "sksdog",
  images: 10,
  repeats: 20,
  batch: 1,
  epochs: 4,
  baseModel: "sdxl_base_v1-0",
  sdModelName: "sd_xl_base_1.0.safetensors",
  architecture: "stable-diffusion-xl-v1-base/lora",
  optimizer: "bitsandbytes.optim.adamw.AdamW8bit(weight_decay=0.1,betas=(0.9, 0.99))",
  learningRate: "0.0001",
  unetLearningRate: "0.0001",
  textEncoderLearningRate: "1e-05",
  scheduler: "cosine",
  warmup: "0",
  dim: 32,
  alpha: "16.0",
  sessionId: "1942517380",
  startedAt: "1761998400.123456",
};

function kohyaLoras(run: KohyaRun, dir: string): FixtureFile[] {
  const stepsPerEpoch = Math.ceil((run.images * run.repeats) / run.batch);
  const files: FixtureFile[] = [];
  for (let epoch = 1; epoch <= run.epochs; epoch += 1) {
    // get_epoch_ckpt_name for every epoch but the last, which is get_last_ckpt_name.
    const name = epoch === run.epochs ? `${run.outputName}.safetensors` : `${run.outputName}-${String(epoch).padStart(6, "0")}.safetensors`;
    const metadata = kohyaMetadata(run, epoch, epoch * stepsPerEpoch);
    files.push({ path: `${dir}/${name}`, bytes: safetensorsFile(metadata, run.dim, ["lora_unet_input_blocks_4_1_proj_in", "lora_unet_input_blocks_4_1_proj_out"]) });
  }
  return files;
}

/** sample_image_inference's name: f"{output_name}_e{epoch:06d}_{i:02d}_{%Y%m%d%H%M%S}_{seed}.png". */
function kohyaSampleName(run: KohyaRun, epoch: number, index: number, seed: number | null): string {
  const time = new Date(Date.UTC(2025, 10, 1, 12, 0, 0) + epoch * 300_000 + index * 20_000);
  const stamp = time.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${run.outputName}_e${String(epoch).padStart(6, "0")}_${String(index).padStart(2, "0")}_${stamp}${seed === null ? "" : `_${seed}`}.png`;
}

function promptSeed(line: string): number | null {
  const match = / --d (\d+)/.exec(line);
  return match ? Number(match[1]) : null;
}

/** A kohya sd-scripts output folder: model/ with epoch files and sample/, log/ with a TensorBoard event file. */
export function kohyaFolder(options: FixtureOptions = {}): FixtureFile[] {
  const run = { ...KOHYA_RUN, epochs: options.epochs ?? KOHYA_RUN.epochs };
  const side = options.imageSide ?? 64;
  const prompts = KOHYA_PROMPTS.slice(0, options.prompts ?? 2);
  const stepsPerEpoch = Math.ceil((run.images * run.repeats) / run.batch);
  const files = kohyaLoras(run, "model");
  const promptText = ["# sample prompts for sksdog", ...prompts, ""].join("\n");
  files.push({ path: "model/sample/prompt.txt", bytes: Buffer.from(promptText, "utf8") });
  for (let epoch = 0; epoch <= run.epochs; epoch += 1) {
    prompts.forEach((line, index) => {
      files.push({ path: `model/sample/${kohyaSampleName(run, epoch, index, promptSeed(line))}`, bytes: pngImage(side, epoch, index) });
    });
  }
  const scalars: LoggedScalar[] = [];
  for (let step = 1; step <= stepsPerEpoch * run.epochs; step += 1) {
    scalars.push({ tag: "loss/current", step, value: stepLoss(step, stepsPerEpoch) });
    scalars.push({ tag: "lr/unet", step, value: 1e-4 });
    const epoch = step / stepsPerEpoch;
    if (Number.isInteger(epoch)) {
      // epoch_logging: the epoch is the step of epoch averages.
      scalars.push({ tag: "loss/validation/epoch_average", step: epoch, value: validationEpochLoss(epoch, run.epochs), form: "tensor" });
      scalars.push({ tag: "loss/epoch_average", step: epoch, value: trainEpochLoss(epoch) });
    }
  }
  files.push({ path: "log/network_train/events.out.tfevents.1761998400.trainbox.4242.0", bytes: eventFile(scalars, 1761998400) });
  // A few files a kohya folder also holds, which the import does not need.
  files.push({ path: "model/sksdog_20251101-120000.json", bytes: Buffer.from("{}") });
  files.push({ path: "img/20_sksdog dog/001.txt", bytes: Buffer.from("sksdog, dog, sitting") });
  return files;
}

// ---------------------------------------------------------------- TensorBoard CSV

export const CSV_RUN: KohyaRun = {
  ...KOHYA_RUN,
  outputName: "inkstyle_sd15",
  images: 24,
  repeats: 10,
  batch: 2,
  epochs: 6,
  baseModel: "sd_v1",
  sdModelName: "v1-5-pruned-emaonly.safetensors",
  architecture: "stable-diffusion-v1/lora",
  optimizer: "prodigyopt.prodigy.Prodigy(decouple=True,weight_decay=0.01,d_coef=2,use_bias_correction=True)",
  learningRate: "1.0",
  unetLearningRate: "1.0",
  textEncoderLearningRate: "1.0",
  scheduler: "constant_with_warmup",
  warmup: "0.05",
  dim: 16,
  alpha: "8",
  sessionId: "88812",
  startedAt: "1762100000.5",
};

function csvText(points: [number, number][], startTime: number): string {
  return ["Wall time,Step,Value", ...points.map(([step, value]) => `${startTime + step * 60},${step},${value}`), ""].join("\n");
}

/** A kohya folder whose logs were downloaded from TensorBoard as CSV (one file per tag). */
export function tensorboardCsvFolder(options: FixtureOptions = {}): FixtureFile[] {
  const run = { ...CSV_RUN, epochs: options.epochs ?? CSV_RUN.epochs };
  const files = kohyaLoras(run, "output");
  const epochs = Array.from({ length: run.epochs }, (_, i) => i + 1);
  files.push({
    path: "tensorboard/run-inkstyle_sd15-tag-loss_epoch_average.csv",
    bytes: Buffer.from(
      csvText(
        epochs.map((epoch) => [epoch, trainEpochLoss(epoch)]),
        1762100000,
      ),
    ),
  });
  files.push({
    path: "tensorboard/run-inkstyle_sd15-tag-loss_validation_epoch_average.csv",
    bytes: Buffer.from(
      csvText(
        epochs.slice(0, -1).map((epoch) => [epoch, validationEpochLoss(epoch, run.epochs)]),
        1762100000,
      ),
    ),
  });
  return files;
}

// ---------------------------------------------------------------- ai-toolkit

export const AI_TOOLKIT_PROMPTS = ["[trigger] holding a sign that says 'I LOVE PROMPTS!'", "woman with red hair, playing chess at the park, bomb going off in the background"];

export const AI_TOOLKIT_NAME = "my_first_flux_lora_v1";

/** ai-toolkit's job config as save_training_config dumps it (config/examples/train_lora_flux_24gb.yaml). */
export function aiToolkitConfig(steps: number, saveEvery: number): string {
  return stringify({
    job: "extension",
    config: {
      name: AI_TOOLKIT_NAME,
      process: [
        {
          type: "sd_trainer",
          training_folder: "output",
          device: "cuda:0",
          trigger_word: "p3r5on",
          network: { type: "lora", linear: 16, linear_alpha: 16 },
          save: { dtype: "float16", save_every: saveEvery, max_step_saves_to_keep: 4, push_to_hub: false },
          datasets: [{ folder_path: "/data/p3r5on", caption_ext: "txt", caption_dropout_rate: 0.05, shuffle_tokens: false, cache_latents_to_disk: true, resolution: [512, 768, 1024] }],
          train: {
            batch_size: 1,
            steps,
            gradient_accumulation_steps: 1,
            train_unet: true,
            train_text_encoder: false,
            gradient_checkpointing: true,
            noise_scheduler: "flowmatch",
            optimizer: "adamw8bit",
            lr: 0.0001,
            ema_config: { use_ema: true, ema_decay: 0.99 },
            dtype: "bf16",
          },
          model: { name_or_path: "black-forest-labs/FLUX.1-dev", is_flux: true, quantize: true },
          sample: {
            sampler: "flowmatch",
            sample_every: saveEvery,
            width: 1024,
            height: 1024,
            prompts: AI_TOOLKIT_PROMPTS,
            neg: "",
            seed: 42,
            walk_seed: true,
            guidance_scale: 4,
            sample_steps: 20,
          },
        },
      ],
    },
    meta: { name: "[name]", version: "1.0" },
  });
}

/** An ai-toolkit output folder: step-named LoRA files, the final one, samples/, config.yaml, a TensorBoard log. */
export function aiToolkitFolder(options: FixtureOptions = {}): FixtureFile[] {
  const saveEvery = 250;
  const saves = options.epochs ?? 4;
  const steps = saveEvery * saves;
  const side = options.imageSide ?? 64;
  const root = AI_TOOLKIT_NAME;
  const files: FixtureFile[] = [{ path: `${root}/config.yaml`, bytes: Buffer.from(aiToolkitConfig(steps, saveEvery)) }];
  // BaseSDTrainProcess.update_training_metadata + toolkit/metadata.py get_meta_for_safetensors: non-strings JSON-dumped.
  const metadata = (step: number) => ({
    training_info: JSON.stringify({ step, epoch: Math.floor(step / 20) }),
    ss_base_model_version: "flux.1",
    ss_output_name: AI_TOOLKIT_NAME,
    ss_tag_frequency: JSON.stringify({ "1_p3r5on": { p3r5on: 1 } }),
    name: AI_TOOLKIT_NAME,
    version: "1.0",
    software: JSON.stringify({ name: "ai-toolkit", repo: "https://github.com/ostris/ai-toolkit", version: "0.1.0" }),
    format: "pt",
  });
  for (let step = saveEvery; step < steps; step += saveEvery) {
    files.push({
      path: `${root}/${AI_TOOLKIT_NAME}_${String(step).padStart(9, "0")}.safetensors`,
      bytes: safetensorsFile(metadata(step), 16, ["lora_transformer_single_transformer_blocks_0_attn_to_q"]),
    });
  }
  files.push({ path: `${root}/${AI_TOOLKIT_NAME}.safetensors`, bytes: safetensorsFile(metadata(steps), 16, ["lora_transformer_single_transformer_blocks_0_attn_to_q"]) });
  for (let step = 0; step <= steps; step += saveEvery) {
    AI_TOOLKIT_PROMPTS.forEach((_, index) => {
      const time = 1762200000000 + step * 1000 + index * 15_000;
      files.push({ path: `${root}/samples/${time}__${String(step).padStart(9, "0")}_${index}.jpg`, bytes: jpegImage(side, step / saveEvery, index) });
    });
  }
  const scalars: LoggedScalar[] = [];
  for (let step = 10; step <= steps; step += 10) scalars.push({ tag: "loss", step, value: stepLoss(step, saveEvery) });
  files.push({ path: `${root}/.tensorboard/${AI_TOOLKIT_NAME}_20251103-120000/events.out.tfevents.1762200000.gpu-box.777.0`, bytes: eventFile(scalars, 1762200000) });
  return files;
}

// ---------------------------------------------------------------- CLI

export function writeFolder(root: string, files: FixtureFile[]) {
  for (const file of files) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
}

/** Writes the three folders under `out`: kohya/, ai-toolkit/, tensorboard-csv/. */
export function writeImportFixtures(out: string, options: FixtureOptions = {}) {
  writeFolder(join(out, "kohya"), kohyaFolder(options));
  writeFolder(join(out, "ai-toolkit"), aiToolkitFolder(options));
  writeFolder(join(out, "tensorboard-csv"), tensorboardCsvFolder(options));
}

if (/make-import-fixtures\.ts$/.test(process.argv[1] ?? "")) {
  const out = resolve(process.argv[2] ?? "fixtures/import");
  writeImportFixtures(out);
  console.log(`Wrote kohya/, ai-toolkit/ and tensorboard-csv/ under ${out}`);
}

// File names the trainers give their checkpoints and sample images.
// kohya-ss/sd-scripts @ 48d368fa557731ad0488c07304dfeba8c07910eb, library/train_util.py:
//   EPOCH_FILE_NAME = "{}-{:06d}"        get_epoch_ckpt_name  → sksdog-000003.safetensors ("epoch-…" without --output_name)
//   STEP_FILE_NAME  = "{}-step{:08d}"    get_step_ckpt_name   → sksdog-step00000500.safetensors ("at-…")
//   get_last_ckpt_name → sksdog.safetensors ("last.safetensors")
//   sample_image_inference: f"{output_name + '_'}{num_suffix}_{i:02d}_{ts_str}{seed_suffix}.png" with
//   num_suffix = f"e{epoch:06d}" at an epoch's end (epoch 0 = --sample_at_first, before training) or
//   f"{steps:06d}" every n steps, ts_str = "%Y%m%d%H%M%S", seed_suffix = f"_{seed}" when the prompt has --d.
// ostris/ai-toolkit @ 27a03a91f23eb1b757d5ec2e80ee3e129cfcc350, jobs/process/BaseSDTrainProcess.py:
//   save(): f'{name}_{str(step).zfill(9)}.safetensors' (f'{name}_LoRA_…' with named_lora), the final one f'{name}.safetensors'
//   sample(): f"[time]__{str(step).zfill(9)}_[count].{ext}" with [time] = milliseconds since 1970, ext jpg by default.
import { baseName } from "./paths";

export type CheckpointName = { kind: "epoch"; name: string; epoch: number } | { kind: "step"; name: string; step: number } | { kind: "last"; name: string };

/** A kohya LoRA file name: epoch-numbered, step-numbered, or the last (unnumbered) one. */
export function parseKohyaCheckpointName(path: string): CheckpointName | null {
  const file = baseName(path);
  if (!/\.safetensors$/i.test(file)) return null;
  const stem = file.slice(0, -".safetensors".length);
  const step = /^(.*)-step(\d{8,})$/.exec(stem);
  if (step) return { kind: "step", name: step[1], step: Number(step[2]) };
  const epoch = /^(.*)-(\d{6,})$/.exec(stem);
  if (epoch) return { kind: "epoch", name: epoch[1], epoch: Number(epoch[2]) };
  if (stem === "") return null;
  return { kind: "last", name: stem };
}

/** An ai-toolkit LoRA file name: `name_000000500.safetensors`, or `name.safetensors` at the end. */
export function parseAiToolkitCheckpointName(path: string): CheckpointName | null {
  const file = baseName(path);
  if (!/\.safetensors$/i.test(file)) return null;
  const stem = file.slice(0, -".safetensors".length);
  const step = /^(.*)_(\d{9})$/.exec(stem);
  if (step) return { kind: "step", name: step[1], step: Number(step[2]) };
  if (stem === "") return null;
  return { kind: "last", name: stem };
}

export type SampleName =
  | { kind: "epoch"; name: string | null; epoch: number; promptIndex: number; time: string; seed: number | null }
  | { kind: "step"; name: string | null; step: number; promptIndex: number; time: string; seed: number | null };

const KOHYA_SAMPLE = /^(?:(.*)_)?(e?)(\d{6,})_(\d{2,})_(\d{14})(?:_(\d+))?\.png$/i;

/** A kohya sample image name, e.g. `sksdog_e000003_01_20240501123045_42.png`. */
export function parseKohyaSampleName(path: string): SampleName | null {
  const match = KOHYA_SAMPLE.exec(baseName(path));
  if (!match) return null;
  const [, name, isEpoch, number, index, time, seed] = match;
  const common = { name: name ?? null, promptIndex: Number(index), time, seed: seed === undefined ? null : Number(seed) };
  return isEpoch.toLowerCase() === "e" ? { kind: "epoch", epoch: Number(number), ...common } : { kind: "step", step: Number(number), ...common };
}

const AI_TOOLKIT_SAMPLE = /^(\d+)__(\d{9})_(\d+)\.(jpe?g|png|webp)$/i;

/** An ai-toolkit sample image name, e.g. `1724860000123__000000500_0.jpg`. */
export function parseAiToolkitSampleName(path: string): SampleName | null {
  const match = AI_TOOLKIT_SAMPLE.exec(baseName(path));
  if (!match) return null;
  const [, time, step, index] = match;
  return { kind: "step", name: null, step: Number(step), promptIndex: Number(index), time, seed: null };
}

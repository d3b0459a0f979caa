import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAiToolkitCheckpointName, parseAiToolkitSampleName, parseKohyaCheckpointName, parseKohyaSampleName } from "./file-names";

// Python's format strings from train_util.py, written out in TypeScript for the round trips.
const pad = (value: number, width: number) => String(value).padStart(width, "0");

describe("parseKohyaCheckpointName", () => {
  it("reads epoch, step and last files", () => {
    expect(parseKohyaCheckpointName("model/sksdog-000003.safetensors")).toEqual({ kind: "epoch", name: "sksdog", epoch: 3 });
    expect(parseKohyaCheckpointName("sksdog-step00000500.safetensors")).toEqual({ kind: "step", name: "sksdog", step: 500 });
    expect(parseKohyaCheckpointName("sksdog.safetensors")).toEqual({ kind: "last", name: "sksdog" });
    expect(parseKohyaCheckpointName("last.safetensors")).toEqual({ kind: "last", name: "last" });
    expect(parseKohyaCheckpointName("epoch-000012.safetensors")).toEqual({ kind: "epoch", name: "epoch", epoch: 12 });
  });
  it("ignores files that are not safetensors", () => {
    expect(parseKohyaCheckpointName("sksdog-000003.ckpt")).toBeNull();
  });
  it("round-trips EPOCH_FILE_NAME and STEP_FILE_NAME for any output name", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_ .-]{1,30}$/), fc.integer({ min: 1, max: 9999 }), (name, n) => {
        expect(parseKohyaCheckpointName(`${name}-${pad(n, 6)}.safetensors`)).toEqual({ kind: "epoch", name, epoch: n });
        expect(parseKohyaCheckpointName(`${name}-step${pad(n, 8)}.safetensors`)).toEqual({ kind: "step", name, step: n });
      }),
    );
  });
});

describe("parseKohyaSampleName", () => {
  it("reads epoch samples with and without a seed", () => {
    expect(parseKohyaSampleName("sample/sksdog_e000003_01_20240501123045_42.png")).toEqual({
      kind: "epoch",
      name: "sksdog",
      epoch: 3,
      promptIndex: 1,
      time: "20240501123045",
      seed: 42,
    });
    expect(parseKohyaSampleName("sksdog_e000000_00_20240501123045.png")).toMatchObject({ kind: "epoch", epoch: 0, seed: null });
  });
  it("reads step samples, and samples of a run without --output_name", () => {
    expect(parseKohyaSampleName("my_lora_v2_000500_03_20240501123045.png")).toMatchObject({ kind: "step", name: "my_lora_v2", step: 500, promptIndex: 3 });
    expect(parseKohyaSampleName("e000002_00_20240501123045.png")).toMatchObject({ kind: "epoch", name: null, epoch: 2 });
  });
  it("does not take other images for samples", () => {
    expect(parseKohyaSampleName("img/001.png")).toBeNull();
    expect(parseKohyaSampleName("sksdog_e000003_01_2024.png")).toBeNull();
  });
  it("round-trips sample_image_inference's name for any output name, epoch, index and seed", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 })),
        (name, epoch, index, seed) => {
          const file = `${name}_e${pad(epoch, 6)}_${pad(index, 2)}_20251101120000${seed === null ? "" : `_${seed}`}.png`;
          expect(parseKohyaSampleName(file)).toEqual({ kind: "epoch", name, epoch, promptIndex: index, time: "20251101120000", seed });
        },
      ),
    );
  });
});

describe("ai-toolkit names", () => {
  it("reads step-named checkpoints and the final one", () => {
    expect(parseAiToolkitCheckpointName("out/my_lora_000000500.safetensors")).toEqual({ kind: "step", name: "my_lora", step: 500 });
    expect(parseAiToolkitCheckpointName("my_lora.safetensors")).toEqual({ kind: "last", name: "my_lora" });
  });
  it("reads samples named [time]__<step>_[count]", () => {
    expect(parseAiToolkitSampleName("samples/1724860000123__000000500_1.jpg")).toEqual({
      kind: "step",
      name: null,
      step: 500,
      promptIndex: 1,
      time: "1724860000123",
      seed: null,
    });
    expect(parseAiToolkitSampleName("samples/1724860000123_000000500_1.jpg")).toBeNull();
  });
});

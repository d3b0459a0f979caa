import { describe, expect, it } from "vitest";
import { simulate } from "@/lib/sim";
import { buildExport, checkpointsToCsv, CSV_COLUMNS, exportFileName, kohyaDatasetConfig, kohyaTrainingConfig, slugify, tomlString, type ExportableRun } from "./index";
import { parseSimpleToml } from "./toml-reader";

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
    const toml = parseSimpleToml(kohyaDatasetConfig(run));
    expect(toml.general).toEqual({ caption_extension: ".txt", shuffle_caption: false, keep_tokens: 1 });
    const datasets = toml.datasets as Record<string, unknown>[];
    expect(datasets[0].subsets).toEqual([{ image_dir: "./dataset/images", num_repeats: 20 }]);
  });

  it("training config maps the run's settings to sd-scripts arguments", () => {
    const toml = parseSimpleToml(kohyaTrainingConfig(run));
    const flat = Object.assign({}, ...Object.values(toml)) as Record<string, unknown>;
    expect(flat).toMatchObject({
      network_module: "networks.lora",
      learning_rate: 2e-4,
      text_encoder_lr: 1e-5,
      train_batch_size: 2,
      max_train_epochs: 10,
      save_every_n_epochs: 1,
      seed: 1107,
    });
  });

  it("trains the U-Net only when the text encoder is frozen", () => {
    const frozen = runOf({ images: 10, textEncoderLearningRate: 0, seed: 1 });
    const flat = Object.assign({}, ...Object.values(parseSimpleToml(kohyaTrainingConfig(frozen)))) as Record<string, unknown>;
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

describe("parseSimpleToml", () => {
  it("reads tables, arrays of tables and inline comments, and rejects what it does not know", () => {
    expect(parseSimpleToml('[a]\nx = 1e-4 # rate\n[[b]]\ny = "z # not a comment"\n  [[b.c]]\n  d = true')).toEqual({
      a: { x: 1e-4 },
      b: [{ y: "z # not a comment", c: [{ d: true }] }],
    });
    expect(() => parseSimpleToml("x = [1, 2]")).toThrow(/unsupported value/);
    expect(() => parseSimpleToml("x = 1\nx = 2")).toThrow(/duplicate key/);
  });
});

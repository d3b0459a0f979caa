import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CSV_RUN,
  KOHYA_RUN,
  aiToolkitFolder,
  eventFile,
  forgedPng,
  kohyaFolder,
  kohyaMetadata,
  pngImage,
  safetensorsFile,
  tensorboardCsvFolder,
  trainEpochLoss,
  validationEpochLoss,
  type FixtureFile,
} from "../../scripts/make-import-fixtures";
import { planImport, type ImportFile } from "./plan";
import { problemFields } from "./problems";
import { headerBytesNeeded } from "./safetensors";

/** Files as the upload sends them: safetensors cut right after their header (with the real size), the rest whole. */
function asUpload(files: FixtureFile[], { headersOnly = true } = {}): ImportFile[] {
  return files.map(({ path, bytes }) => {
    if (headersOnly && path.endsWith(".safetensors")) {
      const end = headerBytesNeeded(bytes) ?? bytes.length;
      return { path, bytes: bytes.slice(0, end), size: bytes.length };
    }
    return { path, bytes, size: bytes.length };
  });
}

function replace(files: FixtureFile[], path: string, bytes: Uint8Array): FixtureFile[] {
  return files.map((file) => (file.path === path ? { path, bytes } : file));
}

function errorsOf(files: ImportFile[]) {
  const plan = planImport(files);
  expect(plan.ok).toBe(false);
  return problemFields(plan.problems);
}

describe("planImport over a kohya folder", () => {
  const plan = planImport(asUpload(kohyaFolder()));

  it("reads the settings from the ss_* metadata", () => {
    expect(plan.trainer).toBe("kohya");
    expect(plan.settings).toMatchObject({
      name: "sksdog",
      images: 10,
      repeats: 20,
      epochs: 4,
      batchSize: 1,
      learningRate: 1e-4,
      networkDim: 32,
      networkAlpha: 16,
      optimizer: "adamw8bit",
      lrScheduler: "cosine",
      modelFamily: "sdxl",
    });
  });

  it("lists one checkpoint per epoch file, the last file as the last epoch, with measured losses", () => {
    expect(plan.checkpoints).toEqual(
      [1, 2, 3, 4].map((epoch) => ({
        epoch,
        step: epoch * 200,
        file: epoch === 4 ? "model/sksdog.safetensors" : `model/sksdog-00000${epoch}.safetensors`,
        trainLoss: trainEpochLoss(epoch),
        validationLoss: validationEpochLoss(epoch, 4),
      })),
    );
  });

  it("places every sample by epoch (0 = before training) with its prompt, flags stripped", () => {
    expect(plan.samples.map((sample) => [sample.epoch, sample.promptIndex])).toEqual(
      [0, 1, 2, 3, 4].flatMap((epoch) => [
        [epoch, 0],
        [epoch, 1],
      ]),
    );
    expect(plan.samples[0]).toMatchObject({
      prompt: "a photo of sksdog sitting on a red sofa, soft window light",
      file: "model/sample/sksdog_e000000_00_20251101120000_42.png",
      image: { format: "png", width: 64, height: 64 },
    });
  });

  it("reads the event log and leaves captions and dataset configs aside, with no problem", () => {
    expect(plan.logs).toEqual(["log/network_train/events.out.tfevents.1761998400.trainbox.4242.0"]);
    expect(plan.ignored).toEqual(["img/20_sksdog dog/001.txt", "model/sksdog_20251101-120000.json"]);
    expect(plan.problems).toEqual([]);
    expect(plan.ok).toBe(true);
  });

  it("gives the same plan for whole files as for headers only", () => {
    expect(planImport(asUpload(kohyaFolder(), { headersOnly: false }))).toEqual(plan);
  });

  it("gives the same plan whatever order the files come in", () => {
    expect(planImport(asUpload(kohyaFolder()).reverse())).toEqual(plan);
  });
});

describe("planImport over an ai-toolkit folder", () => {
  const plan = planImport(asUpload(aiToolkitFolder()));

  it("reads the job config and numbers the step-named checkpoints in step order", () => {
    expect(plan.trainer).toBe("ai-toolkit");
    expect(plan.settings).toMatchObject({ name: "my_first_flux_lora_v1", modelFamily: "flux", networkDim: 16, epochs: 4, images: null });
    expect(plan.checkpoints.map(({ epoch, step, file }) => [epoch, step, file])).toEqual([
      [1, 250, "my_first_flux_lora_v1/my_first_flux_lora_v1_000000250.safetensors"],
      [2, 500, "my_first_flux_lora_v1/my_first_flux_lora_v1_000000500.safetensors"],
      [3, 750, "my_first_flux_lora_v1/my_first_flux_lora_v1_000000750.safetensors"],
      [4, 1000, "my_first_flux_lora_v1/my_first_flux_lora_v1.safetensors"],
    ]);
  });

  it("averages the per-step loss between saves and leaves validation loss null (not logged)", () => {
    for (const checkpoint of plan.checkpoints) {
      expect(checkpoint.trainLoss).toBeCloseTo(trainEpochLoss(checkpoint.epoch), 2);
      expect(checkpoint.validationLoss).toBeNull();
    }
  });

  it("maps samples to their checkpoint by step, with the config's prompts", () => {
    expect(plan.samples.map((sample) => [sample.epoch, sample.step, sample.promptIndex, sample.image.format])).toEqual(
      [0, 1, 2, 3, 4].flatMap((epoch) => [
        [epoch, epoch * 250, 0, "jpeg"],
        [epoch, epoch * 250, 1, "jpeg"],
      ]),
    );
    expect(plan.samples[1].prompt).toBe("woman with red hair, playing chess at the park, bomb going off in the background");
    expect(plan.problems).toEqual([]);
  });
});

describe("planImport over a folder with TensorBoard CSV exports", () => {
  const plan = planImport(asUpload(tensorboardCsvFolder()));

  it("reads epoch losses from the CSV files; the epoch with no validation row stays null", () => {
    expect(plan.settings).toMatchObject({ name: "inkstyle_sd15", modelFamily: "sd15", optimizer: "prodigy", batchSize: 2, images: 24, repeats: 10 });
    expect(plan.checkpoints.map((c) => [c.epoch, c.step, c.trainLoss, c.validationLoss])).toEqual(
      [1, 2, 3, 4, 5, 6].map((epoch) => [epoch, epoch * 120, trainEpochLoss(epoch), epoch === 6 ? null : validationEpochLoss(epoch, 6)]),
    );
    expect(plan.logs).toHaveLength(2);
    expect(plan.ok).toBe(true);
  });
});

describe("planImport refuses, naming the file", () => {
  const folder = kohyaFolder();
  const third = "model/sksdog-000003.safetensors";

  it("a header length beyond the file", () => {
    const bytes = new Uint8Array(64);
    new DataView(bytes.buffer).setBigUint64(0, 4096n, true);
    expect(errorsOf(asUpload(replace(folder, third, bytes)))).toEqual({ [third]: "Header length 4096 bytes runs beyond the end of the 64-byte file" });
  });

  it("an absurd header length", () => {
    const bytes = new Uint8Array(64);
    new DataView(bytes.buffer).setBigUint64(0, 2n ** 40n, true);
    expect(errorsOf(asUpload(replace(folder, third, bytes)))[third]).toMatch(/absurd/);
  });

  it("a header that is not JSON", () => {
    const bytes = new Uint8Array(8 + 5);
    new DataView(bytes.buffer).setBigUint64(0, 5n, true);
    bytes.set(new TextEncoder().encode("hello"), 8);
    expect(errorsOf(asUpload(replace(folder, third, bytes)))).toEqual({ [third]: "The safetensors header is not JSON" });
  });

  it("metadata of the wrong type", () => {
    const bytes = safetensorsFile({ ...kohyaMetadata(KOHYA_RUN, 3, 600), ss_network_dim: "thirty-two" }, 32, ["m"]);
    expect(errorsOf(asUpload(replace(folder, third, bytes)))).toEqual({ [third]: 'Metadata ss_network_dim is "thirty-two"; kohya writes a whole number there' });
  });

  it.each([
    ["ss_session_id", "77"],
    ["ss_training_started_at", "1762000000.5"],
    ["ss_output_name", "sksdog_v2"],
  ])("epoch files from different trainings (%s differs)", (key, value) => {
    const bytes = safetensorsFile({ ...kohyaMetadata(KOHYA_RUN, 3, 600), [key]: value }, 32, ["m"]);
    const errors = errorsOf(asUpload(replace(folder, third, bytes)));
    expect(Object.keys(errors)).toEqual([third]);
    expect(errors[third]).toBe(`Comes from a different training than model/sksdog-000001.safetensors: its ${key} is ${value}, not ${kohyaMetadata(KOHYA_RUN, 1, 200)[key]}`);
  });

  it("a folder with no LoRA file", () => {
    const files = asUpload(folder.filter((file) => !file.path.endsWith(".safetensors")));
    expect(errorsOf(files)).toMatchObject({ _: "No LoRA file (.safetensors) in the folder: there is nothing to import" });
  });

  it("an image that is not an image", () => {
    const path = "model/sample/sksdog_e000002_01_20251101121020_7.png";
    const errors = errorsOf(asUpload(replace(folder, path, new TextEncoder().encode("<html>not a png</html>"))));
    expect(errors).toEqual({ [path]: "Not an image: it is not a PNG, JPEG or WebP file" });
  });

  it("an event file that is not one", () => {
    const path = "log/network_train/events.out.tfevents.1761998400.trainbox.4242.0";
    const errors = errorsOf(asUpload(replace(folder, path, pngImage(8, 0, 0))));
    expect(errors[path]).toMatch(/^Not a TensorBoard event file/);
  });

  it.each([
    ["model/../../etc/passwd.safetensors", 'The path climbs out of the chosen folder ("..")'],
    ["/root/lora.safetensors", "The path is absolute; only paths inside the chosen folder are accepted"],
    ["model/sample/a\u0007b.png", "The path contains control characters"],
  ])("a path that escapes or hides characters: %j", (path, message) => {
    const files = [...asUpload(folder), { path, bytes: new Uint8Array(4), size: 4 }];
    expect(errorsOf(files)).toEqual({ [path]: message });
  });

  it("the same path twice", () => {
    const files = asUpload(folder);
    const errors = errorsOf([...files, { ...files[0], path: files[0].path.replace("/", "\\") }]);
    expect(errors).toEqual({ [files[0].path]: "The same path was sent twice" });
  });

  it("duplicate epochs", () => {
    const copy = { path: "model/backup/sksdog-000003.safetensors", bytes: folder.find((file) => file.path === third)!.bytes };
    expect(errorsOf(asUpload([...folder, copy]))).toEqual({
      "model/sksdog-000003.safetensors": "Epoch 3 twice: this file and model/backup/sksdog-000003.safetensors",
    });
  });

  it("samples of an epoch that has no file", () => {
    const files = asUpload(folder.filter((file) => file.path !== third));
    const errors = errorsOf(files);
    expect(errors).toEqual({
      "model/sample/sksdog_e000003_00_20251101121500_42.png": "A sample of epoch 3, which has no LoRA file in the folder",
      "model/sample/sksdog_e000003_01_20251101121520_7.png": "A sample of epoch 3, which has no LoRA file in the folder",
    });
  });

  it("a prompt file with fewer prompts than the samples use", () => {
    const files = replace(folder, "model/sample/prompt.txt", new TextEncoder().encode("only one prompt --d 42\n"));
    expect(errorsOf(asUpload(files))).toEqual({ "model/sample/prompt.txt": "Holds 1 prompt, but a sample has prompt index 1" });
  });

  it("a prompt file with more prompts than any epoch has samples", () => {
    const files = replace(folder, "model/sample/prompt.txt", new TextEncoder().encode("one\ntwo\nthree\n"));
    expect(errorsOf(asUpload(files))).toEqual({ "model/sample/prompt.txt": "Holds 3 prompts, but no epoch has more than 2 samples" });
  });

  it("a sample or log of which only part was sent", () => {
    const files = asUpload(folder).map((file) => (file.path.endsWith("_e000001_00_20251101120500_42.png") ? { ...file, bytes: file.bytes.slice(0, 10) } : file));
    expect(Object.values(errorsOf(files))).toEqual([expect.stringMatching(/^Only 10 of its \d+ bytes were sent$/)]);
  });
});

describe("planImport keeps what is whole", () => {
  it("imports a log cut mid-record with a warning, and the epochs it reached", () => {
    const path = "log/network_train/events.out.tfevents.1761998400.trainbox.4242.0";
    const folder = kohyaFolder();
    const log = folder.find((file) => file.path === path)!.bytes;
    const plan = planImport(asUpload(replace(folder, path, log.slice(0, Math.floor(log.length * 0.6)))));
    expect(plan.ok).toBe(true);
    expect(plan.problems).toEqual([{ file: path, severity: "warning", message: expect.stringMatching(/stops mid-record/) }]);
    const measured = plan.checkpoints.map((checkpoint) => checkpoint.trainLoss !== null);
    expect(measured[0]).toBe(true);
    expect(measured[3]).toBe(false);
  });

  it("averages loss/current over each epoch when no epoch average was logged", () => {
    const steps = Array.from({ length: 400 }, (_, i) => ({ tag: "loss/current", step: i + 1, value: i < 200 ? 0.2 : 0.1 }));
    const files: FixtureFile[] = [
      ...kohyaFolder().filter((file) => !file.path.includes("tfevents") && !file.path.includes("sample")),
      { path: "log/events.out.tfevents.1.box", bytes: eventFile(steps, 1) },
    ];
    const plan = planImport(asUpload(files));
    expect(plan.checkpoints.map((checkpoint) => checkpoint.trainLoss)).toEqual([0.2, 0.1, null, null]);
  });

  it("maps kohya's step-named samples to the epoch they were made in", () => {
    const files: FixtureFile[] = [
      ...kohyaFolder().filter((file) => !file.path.includes("/sample/")),
      { path: "model/sample/sksdog_000150_00_20251101120400.png", bytes: pngImage(16, 1, 0) },
      { path: "model/sample/sksdog_000400_00_20251101120900.png", bytes: pngImage(16, 2, 0) },
      { path: "model/sample/sksdog_000401_00_20251101120901.png", bytes: pngImage(16, 3, 0) },
    ];
    const plan = planImport(asUpload(files));
    expect(plan.samples.map((sample) => [sample.step, sample.epoch, sample.prompt])).toEqual([
      [150, 1, null],
      [400, 2, null],
      [401, 3, null],
    ]);
  });

  it("keeps the newest of two samples of one epoch and prompt (a resumed run), with a warning", () => {
    const files: FixtureFile[] = [...kohyaFolder(), { path: "model/sample/sksdog_e000001_00_20251102090000_42.png", bytes: pngImage(16, 9, 0) }];
    const plan = planImport(asUpload(files));
    expect(plan.ok).toBe(true);
    expect(plan.samples.find((sample) => sample.epoch === 1 && sample.promptIndex === 0)?.file).toBe("model/sample/sksdog_e000001_00_20251102090000_42.png");
    expect(plan.problems).toEqual([expect.objectContaining({ file: "model/sample/sksdog_e000001_00_20251101120500_42.png", severity: "warning" })]);
  });

  it("reads settings of a different base model and batch from the CSV folder's own metadata", () => {
    const plan = planImport(asUpload(tensorboardCsvFolder({ epochs: 3 })));
    expect(plan.settings.epochs).toBe(3);
    expect(plan.checkpoints.at(-1)?.step).toBe(3 * Math.ceil((CSV_RUN.images * CSV_RUN.repeats) / CSV_RUN.batch));
  });
});

describe("planImport without ai-toolkit's config.yaml", () => {
  it("still knows ai-toolkit's files by their training_info, with the final file's step and the base model", () => {
    const files = aiToolkitFolder().filter((file) => !file.path.endsWith("config.yaml"));
    const plan = planImport(asUpload(files));
    expect(plan.trainer).toBe("ai-toolkit");
    expect(plan.settings).toMatchObject({ name: "my_first_flux_lora_v1", modelFamily: "flux", learningRate: null });
    expect(plan.checkpoints.map((checkpoint) => checkpoint.step)).toEqual([250, 500, 750, 1000]);
    expect(plan.samples.every((sample) => sample.prompt === null)).toBe(true);
    expect(plan.ok).toBe(true);
  });
});

describe("planImport on damaged folders", () => {
  const folder = kohyaFolder();

  it("never throws when any file's bytes are replaced by random bytes, and every error names a file of the folder", () => {
    const paths = new Set(folder.map((file) => file.path));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: folder.length - 1 }), fc.uint8Array({ maxLength: 300 }), (index, bytes) => {
        const damaged = folder.map((file, i) => (i === index ? { path: file.path, bytes } : file));
        const plan = planImport(asUpload(damaged, { headersOnly: false }));
        for (const problem of plan.problems) expect(problem.file === "" || paths.has(problem.file)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("stays importable when the samples of any epochs are removed, and places the rest", () => {
    const epochs = [0, 1, 2, 3, 4];
    fc.assert(
      fc.property(fc.subarray(epochs), (removed) => {
        const kept = folder.filter((file) => !removed.some((epoch) => file.path.includes(`_e00000${epoch}_`)));
        const plan = planImport(asUpload(kept));
        expect(plan.ok).toBe(true);
        expect(new Set(plan.samples.map((sample) => sample.epoch))).toEqual(new Set(epochs.filter((epoch) => !removed.includes(epoch))));
      }),
    );
  });
});

describe("planImport on ai-toolkit prompt problems", () => {
  it("names the config.yaml whose prompts do not match the samples", () => {
    const folder = aiToolkitFolder().filter((file) => !/__\d{9}_1\.jpg$/.test(file.path));
    const errors = errorsOf(asUpload(folder));
    expect(errors).toEqual({ "my_first_flux_lora_v1/config.yaml": "Holds 2 prompts, but no epoch has more than 1 sample" });
  });

  it("refuses more bytes than the size given", () => {
    const files = asUpload(kohyaFolder()).map((file) => (file.path.endsWith("prompt.txt") ? { ...file, size: 3 } : file));
    expect(errorsOf(files)).toEqual({ "model/sample/prompt.txt": expect.stringMatching(/^\d+ bytes were sent for a file of 3 bytes$/) });
  });
});

describe("images sent by their head", () => {
  it("plans an image from its first bytes when the rest is kept elsewhere, and refuses a cut one that is not", () => {
    const files = asUpload(kohyaFolder({ epochs: 2, prompts: 1, imageSide: 32 }));
    const path = files.find((f) => f.path.endsWith(".png"))!.path;
    const cut = (head: boolean) => files.map((f) => (f.path === path ? { ...f, bytes: f.bytes.slice(0, 40), head } : f));
    expect(planImport(cut(true)).samples).toEqual(planImport(files).samples);
    expect(problemFields(planImport(cut(false)).problems)[path]).toMatch(/^Only 40 of its \d+ bytes were sent/);
  });

  it("judges a head-only image's pixels per byte by its whole size", () => {
    const files = asUpload(kohyaFolder({ epochs: 1, prompts: 1, imageSide: 32 }));
    const path = files.find((f) => f.path.endsWith(".png"))!.path;
    // A 1000 × 1000 header in about 70 bytes: a bomb when that is the whole file, plausible as the head of a 2 MB one.
    const bytes = forgedPng(1000, 1000, deflateSync(Buffer.alloc(10)));
    const whole = files.map((f) => (f.path === path ? { path, bytes, size: bytes.length } : f));
    expect(problemFields(planImport(whole).problems)[path]).toMatch(/decompression bomb/);
    const head = files.map((f) => (f.path === path ? { path, bytes, size: 2_000_000, head: true } : f));
    expect(problemFields(planImport(head).problems)[path]).toBeUndefined();
  });
});

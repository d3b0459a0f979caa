import { describe, expect, it, vi } from "vitest";
import { localWriteAccess } from "@/lib/server/auth/write-access";
import { db } from "@/lib/server/db";
import { IMAGE_HEAD_BYTES, inspectImage, planImport, type ImportFile } from "@/lib/import";
import { headerBytesNeeded } from "@/lib/import/safetensors";
import { pickSettings, simulate } from "@/lib/sim";
import { readdirSync } from "node:fs";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { tmpdir } from "node:os";
import { forgedPng, aiToolkitFolder, jpegImage, kohyaFolder, pngBomb, tensorboardCsvFolder, trainEpochLoss, type FixtureFile } from "@/scripts/make-import-fixtures";
import { createImportStaging, getImage, getImportedRun, importRun, prepareImage, settingsFromPlan, shortestHead } from "@/lib/server/runs/imports";
import { deleteRun, getRun, listRuns } from "@/lib/server/runs/runs";

const access = localWriteAccess();

function asUpload(files: FixtureFile[]): ImportFile[] {
  return files.map(({ path, bytes }) => {
    const end = path.endsWith(".safetensors") ? (headerBytesNeeded(bytes) ?? bytes.length) : bytes.length;
    return { path, bytes: bytes.slice(0, end), size: bytes.length };
  });
}

const tag = () => `t${Math.random().toString(36).slice(2, 10)}`;

describe("importRun", () => {
  it("stores a kohya folder: measured losses, samples with their prompts, epoch 0, images once by hash", async () => {
    const files = asUpload(kohyaFolder({ epochs: 3, prompts: 2 }));
    const plan = planImport(files);
    expect(plan.ok).toBe(true);
    const name = `${tag()} kohya`;
    const run = await importRun(access, plan, files, { name });

    expect(run).toMatchObject({ name, source: "imported", trainer: "kohya", epochs: 3 });
    expect(run.checkpoints.map((c) => c.epoch)).toEqual([1, 2, 3]);
    expect(run.checkpoints[0].trainLoss).toBeCloseTo(trainEpochLoss(1), 5);
    expect(run.checkpoints.every((c) => c.samples.length === 2)).toBe(true);
    expect(run.beforeTraining.map((s) => s.promptIndex)).toEqual([0, 1]);
    expect(run.checkpoints[0].samples[0].prompt).toEqual(plan.samples.find((s) => s.epoch === 1)?.prompt);
    expect(run.prediction).toEqual(simulate(pickSettings(run)).checkpoints);
    expect(await db.checkpoint.count({ where: { runId: run.id } }), "nothing simulated is stored per checkpoint").toBe(0);

    const hash = run.checkpoints[0].samples[0].url.split("/").pop()!;
    const original = await getImage(hash, false);
    expect(original?.mime).toBe("image/png");
    const sent = files.find((f) => f.path === plan.samples.find((s) => s.epoch === 1)!.file)!;
    expect(Buffer.from(original!.bytes).equals(Buffer.from(sent.bytes))).toBe(true);
    const preview = await getImage(hash, true);
    expect(preview?.mime).toBe("image/webp");
    expect(Buffer.from(preview!.bytes).subarray(8, 12).toString("latin1")).toBe("WEBP");
  });

  it("shares identical images between runs and deletes only the images no other run shows", async () => {
    // A side no other test uses, so no other run shows these images.
    const files = asUpload(kohyaFolder({ epochs: 2, prompts: 1, imageSide: 37 }));
    const plan = planImport(files);
    const first = await importRun(access, plan, files, { name: `${tag()} first` });
    const second = await importRun(access, plan, files, { name: `${tag()} second` });
    const hashes = first.checkpoints.flatMap((c) => c.samples).map((s) => s.url.split("/").pop()!);
    expect(second.checkpoints.flatMap((c) => c.samples).map((s) => s.url.split("/").pop())).toEqual(hashes);

    await deleteRun(access, first.id);
    expect(await db.image.count({ where: { hash: { in: hashes } } }), "still shown by the second run").toBe(hashes.length);
    await deleteRun(access, second.id);
    expect(await db.image.count({ where: { hash: { in: hashes } } })).toBe(0);
    expect(await db.sample.count({ where: { runId: { in: [first.id, second.id] } } })).toBe(0);
  });

  it("leaves no run, sample or image behind when the write fails midway", async () => {
    // Images no other test stores, so an orphan would be counted.
    const files = asUpload(kohyaFolder({ epochs: 2, prompts: 1, imageSide: 41 }));
    const plan = planImport(files);
    const name = `${tag()} broken`;
    const before = await db.image.count();
    const spy = vi.spyOn(db, "$transaction").mockImplementationOnce(async (work: unknown) => {
      return (db.$transaction as unknown as (fn: unknown) => Promise<unknown>).call(db, async (tx: typeof db) => {
        const proxy = new Proxy(tx, {
          get(target, key) {
            if (key === "run") return { create: async () => Promise.reject(new Error("disk full")) };
            return Reflect.get(target, key);
          },
        });
        return (work as (tx: typeof db) => Promise<unknown>)(proxy);
      });
    });
    await expect(importRun(access, plan, files, { name })).rejects.toThrow(/Nothing was stored/);
    spy.mockRestore();
    expect(await db.run.count({ where: { name } })).toBe(0);
    expect(await db.image.count()).toBe(before);
  });

  it("refuses a plan with problems, naming the files, and stores nothing", async () => {
    const files = asUpload(kohyaFolder({ epochs: 2, prompts: 1 }));
    const broken = files.map((f) => (f.path.endsWith(".png") ? { ...f, bytes: new TextEncoder().encode("not an image"), size: 12 } : f));
    const plan = planImport(broken);
    expect(plan.ok).toBe(false);
    const name = `${tag()} refused`;
    await expect(importRun(access, plan, broken, { name })).rejects.toMatchObject({
      status: 422,
      fields: expect.objectContaining({ [broken.find((f) => f.path.endsWith(".png"))!.path]: expect.any(String) }),
    });
    expect(await db.run.count({ where: { name } })).toBe(0);
  });

  it("stores ai-toolkit and TensorBoard CSV folders, and lists imported runs apart", async () => {
    for (const folder of [aiToolkitFolder(), tensorboardCsvFolder()]) {
      const files = asUpload(folder);
      const plan = planImport(files);
      expect(plan.ok).toBe(true);
      const run = await importRun(access, plan, files, { name: `${tag()} other` });
      expect(run.checkpoints.length).toBe(plan.checkpoints.length);
      expect(run.checkpoints.map((c) => c.trainLoss)).toEqual(plan.checkpoints.map((c) => (c.trainLoss === null ? null : expect.closeTo(c.trainLoss, 6))));
      expect(await getImportedRun(run.id)).toEqual(run);
      expect((await getRun(run.id))?.source).toBe("imported");
    }
    const imported = await listRuns({ source: "imported", limit: 100 });
    expect(imported.runs.length).toBeGreaterThan(0);
    expect(imported.runs.every((r) => r.source === "imported")).toBe(true);
    const simulated = await listRuns({ source: "simulated", limit: 100 });
    expect(simulated.runs.every((r) => r.source === "simulated")).toBe(true);
  });
});

describe("settingsFromPlan", () => {
  it("marks settings the files gave as read and fills the rest with the simulator's defaults", () => {
    const plan = planImport(asUpload(aiToolkitFolder()));
    const { settings, info } = settingsFromPlan(plan, null);
    expect(info.read).not.toContain("images");
    expect(settings.images).toBe(20);
    expect(info.read).toContain("learningRate");
    expect(settings.modelFamily).toBe("flux");
  });

  it("keeps a value the simulator cannot take in the trainer's words instead of refusing the import", () => {
    const plan = planImport(asUpload(kohyaFolder({ epochs: 2, prompts: 1 })));
    plan.settings.learningRate = 0.5;
    const { settings, info } = settingsFromPlan(plan, null);
    expect(info.read).not.toContain("learningRate");
    expect(info.unmodelled.learningRate).toMatch(/^0\.5 /);
    expect(settings.learningRate).toBeGreaterThan(0);
  });
});

describe("import staging and image decoding", () => {
  it("keeps large images on disk with only their head in the plan, and stores them byte for byte", async () => {
    // 600 px images are over the 256 KB head; a side no other test uses.
    const files = asUpload(kohyaFolder({ epochs: 2, prompts: 1, imageSide: 600 }));
    const staging = await createImportStaging();
    const kept: ImportFile[] = [];
    for (const file of files) kept.push(await staging.keep(file));
    const large = files.filter((f) => f.path.endsWith(".png") && f.bytes.length > IMAGE_HEAD_BYTES);
    expect(large.length).toBeGreaterThan(0);
    for (const original of large) {
      const head = kept.find((f) => f.path === original.path)!;
      expect(head).toMatchObject({ head: true, size: original.bytes.length });
      // A PNG's header is in its first bytes: the plan is given no more than those.
      expect(head.bytes.length).toBe(4 * 1024);
      expect(Buffer.from(head.bytes).equals(Buffer.from(original.bytes.subarray(0, 4 * 1024)))).toBe(true);
      expect(Buffer.from(await staging.read(original.path)).equals(Buffer.from(original.bytes))).toBe(true);
    }
    const plan = planImport(kept);
    expect(plan.ok, JSON.stringify(plan.problems)).toBe(true);
    expect(plan.samples).toEqual(planImport(files).samples);
    const run = await importRun(access, plan, kept, { name: `${tag()} staged`, read: staging.read });
    const sample = run.checkpoints[0].samples[0];
    const stored = await getImage(sample.url.split("/").pop()!, false);
    const sent = files.find((f) => f.path === plan.samples.find((s) => s.epoch === 1)!.file)!;
    expect(Buffer.from(stored!.bytes).equals(Buffer.from(sent.bytes))).toBe(true);
    const folders = () => readdirSync(tmpdir()).filter((name) => name.startsWith("epoch-lab-import-")).length;
    const before = folders();
    await staging.dispose();
    expect(folders()).toBe(before - 1);
    // A planned list without the staging cannot stand in for the images it only holds the head of.
    await expect(importRun(access, plan, kept, { name: `${tag()} headless` })).rejects.toMatchObject({ status: 400 });
  });

  it("keeps the start of an image its header check needs: more of a JPEG whose header follows large EXIF or ICC blocks", () => {
    const jpeg = jpegImage(600, 1, 0);
    // APPn blocks of 60 KB each between the start of the file and the frame header that gives the size.
    const withBlocks = (count: number) => {
      const block = new Uint8Array(4 + 60_000);
      block.set([0xff, 0xe2, (60_002 >> 8) & 0xff, 60_002 & 0xff]);
      const parts = [jpeg.subarray(0, 2), ...Array.from({ length: count }, () => block), jpeg.subarray(2)];
      return Buffer.concat(parts);
    };
    for (const [bytes, kept] of [
      [jpeg, 4 * 1024],
      [withBlocks(1), 64 * 1024],
      [withBlocks(3), IMAGE_HEAD_BYTES],
    ] as const) {
      const head = shortestHead(bytes, bytes.length);
      expect(head.length).toBe(kept);
      expect(inspectImage(head, bytes.length)).toEqual({ ok: true, image: { format: "jpeg", width: 600, height: 600, mimeType: "image/jpeg" } });
      expect(head.buffer, "a copy, not a view of the whole file").not.toBe(bytes.buffer);
    }
    // Not an image: no shorter start changes the answer either.
    const text = new TextEncoder().encode("x".repeat(300_000));
    expect(inspectImage(shortestHead(text, text.length), text.length)).toEqual(inspectImage(text));
  });

  it("holds none of an import's images once it is stored (Prisma's debug history keeps the last queries' arguments)", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const held = () => {
      gc();
      gc();
      const memory = process.memoryUsage();
      return memory.heapUsed + memory.arrayBuffers;
    };
    // Sides no other test uses (new images to store); the folder is garbage once the import is done.
    const importFolder = async (imageSide: number) => {
      const files = asUpload(kohyaFolder({ epochs: 5, prompts: 4, imageSide }));
      const run = await importRun(access, planImport(files), files, { name: `${tag()} held` });
      expect(run.checkpoints.length).toBe(5);
      return files.filter((f) => f.path.endsWith(".png")).reduce((sum, f) => sum + f.bytes.length, 0);
    };
    await importFolder(400); // warms the code up
    // Small queries, so that whatever Prisma keeps of earlier queries is small.
    for (let i = 0; i < 150; i++) await db.run.count({ where: { name: "none" } });
    const before = held();
    const imageBytes = await importFolder(401);
    expect(imageBytes).toBeGreaterThan(4 * 1024 * 1024);
    const grown = held() - before;
    expect(grown, `${(grown / 1024 ** 2).toFixed(1)} MB still held of ${(imageBytes / 1024 ** 2).toFixed(1)} MB of images`).toBeLessThan(imageBytes / 4);
  });

  it("refuses to decode more pixels than the header check allows, whatever the file claims (sharp's limitInputPixels)", async () => {
    const bomb = pngBomb(15_000);
    await expect(prepareImage(bomb, "image/png", 15_000, 15_000)).rejects.toThrow(/could not be decoded/);
  });

  it("refuses an image whose data does not decode, naming it, with nothing stored", async () => {
    const files = asUpload(kohyaFolder({ epochs: 2, prompts: 1, imageSide: 43 }));
    const path = files.find((f) => f.path.endsWith(".png"))!.path;
    const noise = forgedPng(
      600,
      600,
      Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251),
    );
    const broken = files.map((f) => (f.path === path ? { path, bytes: noise, size: noise.length } : f));
    const plan = planImport(broken);
    expect(plan.ok).toBe(true);
    const name = `${tag()} noise`;
    const images = await db.image.count();
    await expect(importRun(access, plan, broken, { name })).rejects.toMatchObject({ status: 422, fields: { [path]: expect.stringMatching(/could not be decoded/) } });
    expect(await db.run.count({ where: { name } })).toBe(0);
    expect(await db.image.count()).toBe(images);
  });
});

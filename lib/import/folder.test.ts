import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { aiToolkitFolder, kohyaFolder, tensorboardCsvFolder, writeImportFixtures } from "../../scripts/make-import-fixtures";
import { readImportFolder } from "./folder";
import { planImport } from "./plan";

const root = mkdtempSync(join(tmpdir(), "epoch-lab-import-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("readImportFolder over the fixture script's folders on disk", () => {
  writeImportFixtures(root);

  it.each([
    ["kohya", kohyaFolder],
    ["ai-toolkit", aiToolkitFolder],
    ["tensorboard-csv", tensorboardCsvFolder],
  ] as const)("reads %s/ into the same plan as its files in memory, sending only LoRA headers", async (name, make) => {
    const files = await readImportFolder(join(root, name));
    const inMemory = make();
    expect(files.map((file) => file.path)).toEqual(inMemory.map((file) => file.path).sort());
    for (const file of files.filter((f) => f.path.endsWith(".safetensors"))) expect(file.bytes.length).toBeLessThan(file.size);
    expect(planImport(files)).toEqual(planImport(inMemory.map(({ path, bytes }) => ({ path, bytes, size: bytes.length }))));
    expect(planImport(files).ok).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { localWriteAccess } from "@/lib/server/auth/write-access";
import { createRun, listRuns } from "@/lib/server/runs/runs";
import { addRunTag, getRunTags, listTags, removeRunTag, runIdsTagged, setRunTags } from "@/lib/server/runs/tags";

const access = localWriteAccess();
const unique = () => Math.random().toString(36).slice(2, 10);

describe("run tags", () => {
  it("adds, normalises, de-duplicates and removes tags", async () => {
    const run = await createRun(access, { name: `tags ${unique()}`, images: 10, epochs: 3, seed: 1 });
    expect(await addRunTag(access, run.id, " Client X ")).toEqual(["client-x"]);
    expect(await addRunTag(access, run.id, "client-x")).toEqual(["client-x"]);
    expect(await addRunTag(access, run.id, "v2-dataset")).toEqual(["client-x", "v2-dataset"]);
    expect(await removeRunTag(access, run.id, "client-x")).toEqual(["v2-dataset"]);
    expect(await setRunTags(access, run.id, { tags: ["style", "style", "b"] })).toEqual(["b", "style"]);
    expect(await getRunTags(run.id)).toEqual(["b", "style"]);
  });

  it("refuses a bad tag with the field named and stores nothing", async () => {
    const run = await createRun(access, { name: `tags ${unique()}`, images: 10, epochs: 3, seed: 1 });
    await expect(addRunTag(access, run.id, "")).rejects.toMatchObject({ status: 400, fields: { tag: expect.any(String) } });
    await expect(addRunTag(access, run.id, "-x")).rejects.toMatchObject({ status: 400 });
    await expect(setRunTags(access, run.id, { tags: "style" })).rejects.toMatchObject({ status: 400, fields: { tags: expect.any(String) } });
    await expect(addRunTag(access, "no-such-run", "x")).rejects.toMatchObject({ status: 404 });
    expect(await db.runTag.count({ where: { runId: run.id } })).toBe(0);
  });

  it("filters the runs list and compare sets by tag", async () => {
    const tag = `t-${unique()}`;
    const tagged = await createRun(access, { name: `tagged ${tag}`, images: 10, epochs: 3, seed: 1 });
    const other = await createRun(access, { name: `other ${tag}`, images: 10, epochs: 3, seed: 1 });
    await addRunTag(access, tagged.id, tag);
    const page = await listRuns({ tag });
    expect(page.runs.map((run) => run.id)).toEqual([tagged.id]);
    expect(page.runs.map((run) => run.id)).not.toContain(other.id);
    expect(await runIdsTagged(tag, 6)).toEqual([tagged.id]);
    expect(await listTags()).toContainEqual({ tag, runs: 1 });
  });
});

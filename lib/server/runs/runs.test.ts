import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { pickSettings, simulate, SETTINGS_DEFAULTS, SIMULATOR_VERSION } from "@/lib/sim";
import { createRun, deleteRun, getRun, getRunJsonOrThrow, getRuns, getSampleSource, listRuns, parseRunListQuery, resimulateRun, storeRun, updateRun } from "@/lib/server/runs/runs";
import { addRunTag } from "@/lib/server/runs/tags";
import { InputError, NotFoundError } from "@/lib/errors";
import { newRunId, runRecordFrom } from "@/lib/server/runs/record";
import { RUN_SORT_KEYS } from "@/lib/runs/schemas";
import { localWriteAccess } from "@/lib/server/auth/write-access";

const access = localWriteAccess();

const tag = () => `t${Math.random().toString(36).slice(2, 10)}`;

describe("createRun", () => {
  it("stores the run with defaults filled in and one checkpoint per epoch", async () => {
    const name = `${tag()} create`;
    const run = await createRun(access, { name, images: 10, epochs: 6, seed: 3 });
    expect(run).toMatchObject({ name, images: 10, repeats: 20, epochs: 6, batchSize: 1, seed: 3, pickedEpoch: null, totalSteps: 1200 });
    expect(run.checkpoints.map((c) => c.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await db.checkpoint.count({ where: { runId: run.id } })).toBe(6);
    expect(await getRun(run.id)).toEqual(run);
    expect(run, "one shape: settings flattened only, as in lists").not.toHaveProperty("settings");
  });

  it("refuses invalid settings with the field named and stores nothing", async () => {
    const name = `${tag()} invalid`;
    await expect(createRun(access, { name, images: 10, epochs: 0 })).rejects.toMatchObject({ fields: { epochs: expect.stringContaining("epochs") } });
    await expect(createRun(access, { name, images: 10, epochs: 0 })).rejects.toBeInstanceOf(InputError);
    expect(await db.run.count({ where: { name } })).toBe(0);
  });

  it("leaves nothing behind when a write fails midway through the checkpoints", async () => {
    const simulation = simulate({ name: `${tag()} broken`, images: 10, seed: 1 });
    const record = runRecordFrom(newRunId(), simulation);
    // The 6th checkpoint repeats epoch 5: the unique (run, epoch) key fails after the run row and 5 checkpoints are written.
    record.checkpoints.create[5] = { ...record.checkpoints.create[5], epoch: 5 };
    await expect(storeRun(access, record)).rejects.toThrow(/Nothing was stored/);
    expect(await db.run.findUnique({ where: { id: record.id } })).toBeNull();
    expect(await db.checkpoint.count({ where: { runId: record.id } })).toBe(0);
  });
});

describe("the simulator-2 settings", () => {
  it("are stored and returned, with the simulator version", async () => {
    const settings = {
      name: `${tag()} v2`,
      images: 12,
      networkDim: 64,
      networkAlpha: 32,
      optimizer: "prodigy",
      learningRate: 1,
      lrScheduler: "cosine",
      warmupSteps: 100,
      modelFamily: "flux",
      seed: 9,
    } as const;
    const run = await createRun(access, settings);
    expect(run).toMatchObject({ ...settings, simulatorVersion: SIMULATOR_VERSION });
    expect(await getRun(run.id)).toEqual(run);
  });

  it("refuse a learning rate that does not fit the optimizer and warm-up longer than the run, storing nothing", async () => {
    const name = `${tag()} cross`;
    await expect(createRun(access, { name, images: 10, optimizer: "adamw", learningRate: 0.5 })).rejects.toMatchObject({ fields: { learningRate: expect.stringContaining("AdamW") } });
    await expect(createRun(access, { name, images: 10, optimizer: "prodigy", learningRate: 1e-6 })).rejects.toMatchObject({ fields: { learningRate: expect.stringContaining("Prodigy") } });
    await expect(createRun(access, { name, images: 10, epochs: 1, warmupSteps: 201 })).rejects.toMatchObject({ fields: { warmupSteps: expect.stringContaining("200") } });
    await expect(createRun(access, { name, images: 10, optimizer: "sgd" })).rejects.toMatchObject({ fields: { optimizer: expect.any(String) } });
    expect(await db.run.count({ where: { name } })).toBe(0);
  });

  it("read as their defaults and simulator 1 on rows stored before they existed", async () => {
    const record = runRecordFrom(newRunId(), simulate({ name: `${tag()} old`, images: 10, seed: 4 }));
    const { networkDim, networkAlpha, optimizer, lrScheduler, warmupSteps, modelFamily, simulatorVersion, ...before } = record;
    void [networkDim, networkAlpha, optimizer, lrScheduler, warmupSteps, modelFamily, simulatorVersion];
    await db.run.create({ data: before });
    const old = await getRun(record.id);
    const { networkDim: d, networkAlpha: a, optimizer: o, lrScheduler: l, warmupSteps: w, modelFamily: m } = SETTINGS_DEFAULTS;
    expect(old).toMatchObject({ networkDim: d, networkAlpha: a, optimizer: o, lrScheduler: l, warmupSteps: w, modelFamily: m });
    expect(old?.simulatorVersion).toBe(1);
  });
});

describe("resimulateRun", () => {
  it("stores a new run with the same settings and seed by the current model, and leaves the old one as it was", async () => {
    const record = runRecordFrom(newRunId(), simulate({ name: `${tag()} to redo`, images: 10, epochs: 4, seed: 77 }));
    await db.run.create({ data: { ...record, simulatorVersion: 1, bestQuality: 0.123 } });
    const fresh = await resimulateRun(access, record.id);
    expect(fresh.id).not.toBe(record.id);
    expect(fresh.simulatorVersion).toBe(SIMULATOR_VERSION);
    const { name: _oldName, ...oldSettings } = pickSettings((await getRun(record.id))!);
    const { name, ...newSettings } = pickSettings(fresh);
    void _oldName;
    expect(newSettings).toEqual(oldSettings);
    expect(name).toMatch(new RegExp(`to redo · simulator ${SIMULATOR_VERSION}$`));
    expect(fresh.notes).toContain(record.id);
    expect((await getRun(record.id))?.bestQuality).toBe(0.123);
  });

  it("is a NotFoundError for an unknown id", async () => {
    await expect(resimulateRun(access, "nope")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("updateRun", () => {
  it("picks and unpicks an epoch within 1..epochs", async () => {
    const run = await createRun(access, { name: `${tag()} pick`, images: 8, epochs: 7 });
    expect((await updateRun(access, run.id, { pickedEpoch: 7 })).pickedEpoch).toBe(7);
    expect((await updateRun(access, run.id, { pickedEpoch: null })).pickedEpoch).toBeNull();
    await expect(updateRun(access, run.id, { pickedEpoch: 8 })).rejects.toMatchObject({ fields: { pickedEpoch: expect.stringContaining("1 to 7") } });
    await expect(updateRun(access, run.id, { pickedEpoch: 0 })).rejects.toBeInstanceOf(InputError);
  });

  it("trims names and refuses unknown fields", async () => {
    const run = await createRun(access, { name: `${tag()} rename`, images: 8, epochs: 2 });
    expect((await updateRun(access, run.id, { name: "  Renamed run  " })).name).toBe("Renamed run");
    await expect(updateRun(access, run.id, { seed: 4 })).rejects.toMatchObject({ fields: { seed: expect.any(String) } });
  });

  it("is a NotFoundError for an unknown id", async () => {
    await expect(updateRun(access, "nope", { notes: "x" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("deleteRun", () => {
  it("deletes the run with its checkpoints", async () => {
    const run = await createRun(access, { name: `${tag()} delete`, images: 8, epochs: 3 });
    await deleteRun(access, run.id);
    expect(await getRun(run.id)).toBeNull();
    expect(await db.checkpoint.count({ where: { runId: run.id } })).toBe(0);
    await expect(deleteRun(access, run.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listRuns", () => {
  it("pages every sort key in both directions without repeats or gaps, nulls last", async () => {
    const prefix = tag();
    const created = [];
    for (let i = 0; i < 7; i++) {
      const run = await createRun(access, { name: `${prefix} ${String.fromCharCode(97 + ((i * 3) % 7))}`, images: 3 + (i % 3), epochs: 2 + (i % 4), batchSize: 1 + (i % 2) });
      if (i % 2 === 0) await updateRun(access, run.id, { pickedEpoch: 1 + (i % 2) });
      created.push(run.id);
    }
    for (const sort of RUN_SORT_KEYS) {
      for (const dir of ["asc", "desc"] as const) {
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listRuns({ q: prefix, sort, dir, limit: 3, cursor });
          ids.push(...page.runs.map((run) => run.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(new Set(ids).size, `${sort} ${dir}`).toBe(7);
        expect([...ids].sort(), `${sort} ${dir}`).toEqual([...created].sort());
        const all = (await listRuns({ q: prefix, sort, dir, limit: 100 })).runs.map((run) => run.id);
        expect(ids, `${sort} ${dir} matches one big page`).toEqual(all);
      }
    }
    const byPicked = (await listRuns({ q: prefix, sort: "pickedEpoch", dir: "asc", limit: 100 })).runs;
    expect(byPicked.slice(-3).every((run) => run.pickedEpoch === null)).toBe(true);
  });

  it("searches name and notes and filters by images, batch, picked and verdict", async () => {
    const prefix = tag();
    const small = await createRun(access, { name: `${prefix} small`, images: 5, batchSize: 2 }, { notes: "about-hands" });
    const large = await createRun(access, { name: `${prefix} large`, images: 40 }, { pickedEpoch: 4 });
    const ids = async (query: Parameters<typeof listRuns>[0]) => (await listRuns({ q: prefix, ...query })).runs.map((run) => run.id).sort();
    expect(await ids({})).toEqual([small.id, large.id].sort());
    expect((await listRuns({ q: "about-hands" })).runs.map((run) => run.id)).toContain(small.id);
    expect(await ids({ imagesMin: 10 })).toEqual([large.id]);
    expect(await ids({ imagesMax: 10 })).toEqual([small.id]);
    expect(await ids({ batchSize: 2 })).toEqual([small.id]);
    expect(await ids({ picked: "yes" })).toEqual([large.id]);
    expect(await ids({ picked: "no" })).toEqual([small.id]);
    expect(await ids({ verdict: large.finalVerdict })).toContain(large.id);
    expect(await ids({ learningRate: 1e-4 })).toEqual([small.id, large.id].sort());
  });

  it("filters by tag and source, and pages runs created in the same millisecond by id", async () => {
    const prefix = tag();
    const at = new Date("2026-03-04T05:06:07.089Z");
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await storeRun(access, runRecordFrom(newRunId(), simulate({ name: `${prefix} ${i}`, images: 4, epochs: 2, seed: i }), { createdAt: at })));
    await addRunTag(access, runs[1].id, prefix);
    await addRunTag(access, runs[3].id, prefix);
    const ids = async (query: Parameters<typeof listRuns>[0]) => (await listRuns({ q: prefix, ...query })).runs.map((run) => run.id).sort();
    expect(await ids({ tag: prefix })).toEqual([runs[1].id, runs[3].id].sort());
    expect(await ids({ source: "simulated" })).toHaveLength(5);
    expect(await ids({ source: "imported" })).toEqual([]);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRuns({ q: prefix, limit: 2, cursor });
      paged.push(...page.runs.map((run) => run.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(
      runs
        .map((run) => run.id)
        .sort()
        .reverse(),
    );
  });

  it("parses URL queries and names bad parameters", () => {
    expect(parseRunListQuery({ limit: "5", imagesMin: "3", sort: "bestQuality", dir: "asc" })).toMatchObject({ limit: 5, imagesMin: 3, sort: "bestQuality", dir: "asc" });
    expect(() => parseRunListQuery({ limit: "0" })).toThrow(InputError);
    expect(() => parseRunListQuery({ sort: "secret" })).toThrow(/not valid/);
    expect(() => parseRunListQuery({ bogus: "1" })).toThrow(InputError);
  });
});

describe("getRuns", () => {
  it("reads each run exactly as stored, in the order asked, each checkpoint under its own run, unknown ids left out", async () => {
    const a = await createRun(access, { name: `${tag()} a`, images: 10, epochs: 4, seed: 1 });
    const b = await createRun(access, { name: `${tag()} b`, images: 12, epochs: 7, seed: 2 });
    await updateRun(access, b.id, { pickedEpoch: 3, notes: "kept" });
    const stored = await getRun(b.id);
    expect(stored).toMatchObject({ pickedEpoch: 3, notes: "kept" });
    expect(await getRuns([b.id, "0000000000000000", a.id, b.id])).toEqual([stored, a, stored]);
    expect(await getRuns([])).toEqual([]);
  });
});

describe("getRunJsonOrThrow", () => {
  it("is the JSON of the run in full, and a NotFoundError for an unknown id", async () => {
    const run = await createRun(access, { name: `${tag()} "json"`, images: 20, repeats: 15, epochs: 16, seed: 7 });
    await updateRun(access, run.id, { pickedEpoch: 5, notes: "line\nbreak" });
    const answer = await getRunJsonOrThrow(run.id);
    expect(answer.source).toBe("simulated");
    expect(answer.source === "simulated" && answer.json).toBe(JSON.stringify(await getRun(run.id)));
    await expect(getRunJsonOrThrow("0000000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getSampleSource", () => {
  it("gives the seed and the checkpoint's metrics, the seed alone for epoch 0, and null past the last epoch or for unknown runs", async () => {
    const run = await createRun(access, { images: 10, epochs: 3, seed: 44 });
    const { epoch, fidelity, flexibility, captionAdherence, overfitRisk, verdict } = run.checkpoints[1];
    expect(await getSampleSource(run.id, 2)).toEqual({ seed: 44, checkpoint: { epoch, fidelity, flexibility, captionAdherence, overfitRisk, verdict } });
    expect(await getSampleSource(run.id, 0)).toEqual({ seed: 44, checkpoint: null });
    expect(await getSampleSource(run.id, 4)).toBeNull();
    expect(await getSampleSource("0000000000000000", 1)).toBeNull();
  });
});

import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { databaseUrl, sqliteFilePath } from "@/lib/server/database-url";
import { readRows, rememberedRead, sqliteReader } from "@/lib/server/sqlite-reads";
import { createRun, getRun, getRunJsonOrThrow, listRuns, listRunsJson, updateRun } from "@/lib/server/runs/runs";
import { localWriteAccess } from "@/lib/server/auth/write-access";
import { NotFoundError } from "@/lib/errors";

const access = localWriteAccess();
const tag = () => `t${Math.random().toString(36).slice(2, 10)}`;
const file = sqliteFilePath(databaseUrl())!;
/** Another connection to the same file: what `npm run import` in another process writes through. */
const other = new Database(file, { timeout: 10_000 });
afterAll(() => other.close());

/** Changes a run's notes from a separate Node process, committing before it exits. */
function writeNotesFromAnotherProcess(id: string, notes: string) {
  const script = `const D = require("better-sqlite3"); const c = new D(process.argv[1], { timeout: 10000 }); c.prepare('UPDATE "Run" SET "notes" = ? WHERE "id" = ?').run(process.argv[2], process.argv[3]); c.close();`;
  const result = spawnSync(process.execPath, ["-e", script, file, notes, id], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
}

const detailOf = async (id: string) => {
  const found = await getRunJsonOrThrow(id);
  if (found.source !== "simulated") throw new Error("expected a simulated run");
  return JSON.parse(found.json) as { name: string; notes: string };
};
const namesListed = async (q: string) => (JSON.parse(await listRunsJson({ q, limit: 100 })) as { runs: { id: string; name: string; notes: string }[] }).runs;

describe("the SQLite reader", () => {
  it("is used for this file database", async () => {
    expect(await sqliteReader()).not.toBeNull();
  });

  it("reads the rows Prisma's $queryRaw reads, dates in every stored form included", async () => {
    const prefix = tag();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await createRun(access, { name: `${prefix} ${i}`, images: 5 + i, epochs: 3, seed: i })).id);
    await updateRun(access, ids[1], { pickedEpoch: 2, notes: 'ünïcødé ✓ "quoted"' });
    // Dates as other writers store them: SQLite's CURRENT_TIMESTAMP, a date alone, a zone without minutes, milliseconds, and Prisma's own text.
    const stored: (string | number)[] = ["2026-11-30 12:34:56", "2026-11-30", "2026-11-30T12:34:56.5+02", 1_764_506_096_789, "2026-11-30T12:34:56.789+00:00", "2026-11-30T12:34:56Z"];
    stored.forEach((value, i) => other.prepare('UPDATE "Run" SET "createdAt" = ? WHERE "id" = ?').run(value, ids[i]));
    const queries = [
      Prisma.sql`SELECT * FROM "Run" WHERE "name" LIKE ${`${prefix}%`} ORDER BY "id"`,
      Prisma.sql`SELECT "id", "createdAt", "pickedEpoch", "learningRate" FROM "Run" WHERE "id" IN (${Prisma.join(ids)}) AND "updatedAt" < ${new Date(Date.now() + 60_000)} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${4}`,
      Prisma.sql`SELECT r."id", (SELECT json_group_array(json_array(c."epoch", printf('%!.17g', c."quality"), c."verdict")) FROM "Checkpoint" c WHERE c."runId" = r."id") AS "list" FROM "Run" r WHERE r."id" IN (${Prisma.join(ids)})`,
      Prisma.sql`SELECT * FROM "Run" WHERE "id" = ${"no such run"}`,
    ];
    const reader = (await sqliteReader())!;
    for (const query of queries) {
      const viaPrisma = await db.$queryRaw<Record<string, unknown>[]>(query);
      expect(reader.all(query), query.sql).toStrictEqual(viaPrisma);
      expect(await readRows(query)).toStrictEqual(viaPrisma);
    }
    // The dates themselves, as the reads returned them before: text as `new Date` reads it, numbers as milliseconds.
    const readerRows = reader.all<{ id: string; createdAt: Date }>(Prisma.sql`SELECT "id", "createdAt" FROM "Run" WHERE "id" IN (${Prisma.join(ids)})`);
    const read = new Map(readerRows.map((row) => [row.id, row.createdAt.getTime()]));
    expect(read.get(ids[1])).toBe(Date.UTC(2026, 10, 30));
    expect(read.get(ids[3])).toBe(1_764_506_096_789);
    expect(read.get(ids[4])).toBe(Date.UTC(2026, 10, 30, 12, 34, 56, 789));
    expect(read.get(ids[5])).toBe(Date.UTC(2026, 10, 30, 12, 34, 56));
  });

  it("serves every run page and the list in full as before: the run as getRun reads it, each listed run as its summary", async () => {
    const prefix = tag();
    const run = await createRun(access, { name: `${prefix} full`, images: 12, epochs: 5, seed: 4 });
    expect(await getRun(run.id)).toEqual(run);
    for (let i = 0; i < 2; i++) expect(await detailOf(run.id), "computed, then remembered").toEqual(JSON.parse(JSON.stringify(run)));
    for (let i = 0; i < 2; i++) expect(await listRunsJson({ q: prefix }), "computed, then remembered").toBe(JSON.stringify(await listRuns({ q: prefix })));
    await expect(getRunJsonOrThrow(`${prefix}-missing`)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reads after writes", () => {
  it("show this process's writes at once, however often the same read came before", async () => {
    const prefix = tag();
    const run = await createRun(access, { name: `${prefix} before`, images: 8, epochs: 4, seed: 2 });
    for (let i = 0; i < 3; i++) {
      expect((await detailOf(run.id)).name).toBe(`${prefix} before`);
      expect((await namesListed(prefix)).map((listed) => listed.name)).toEqual([`${prefix} before`]);
    }
    await updateRun(access, run.id, { name: `${prefix} after` });
    expect((await detailOf(run.id)).name).toBe(`${prefix} after`);
    expect((await namesListed(prefix)).map((listed) => listed.name)).toEqual([`${prefix} after`]);
    const second = await createRun(access, { name: `${prefix} second`, images: 9, epochs: 4, seed: 3 });
    expect((await namesListed(prefix)).map((listed) => listed.id)).toEqual([second.id, run.id]);
  });

  it("show another process's writes at once", async () => {
    const prefix = tag();
    const run = await createRun(access, { name: `${prefix} run`, images: 8, epochs: 4, seed: 5 });
    for (let i = 0; i < 3; i++) expect((await detailOf(run.id)).notes).toBe("");
    expect((await namesListed(prefix))[0].notes).toBe("");
    writeNotesFromAnotherProcess(run.id, "written by another process");
    expect((await detailOf(run.id)).notes).toBe("written by another process");
    expect((await namesListed(prefix))[0].notes).toBe("written by another process");
  });

  it("never show what a transaction has not committed, and show it once it has", async () => {
    const prefix = tag();
    const run = await createRun(access, { name: `${prefix} run`, images: 8, epochs: 4, seed: 6 });
    await db.$transaction(async (tx) => {
      await tx.run.update({ where: { id: run.id }, data: { notes: "committed later" } });
      expect((await detailOf(run.id)).notes).toBe("");
      expect((await namesListed(prefix))[0].notes).toBe("");
    });
    expect((await detailOf(run.id)).notes).toBe("committed later");
    expect((await namesListed(prefix))[0].notes).toBe("committed later");
    await expect(
      db.$transaction(async (tx) => {
        await tx.run.update({ where: { id: run.id }, data: { notes: "rolled back" } });
        expect((await detailOf(run.id)).notes).toBe("committed later");
        throw new Error("abandoned");
      }),
    ).rejects.toThrow("abandoned");
    expect((await detailOf(run.id)).notes).toBe("committed later");
  });
});

describe("rememberedRead", () => {
  it("reuses an answer until anyone commits, then computes it again", async () => {
    const run = await createRun(access, { name: `${tag()} remembered`, images: 8, epochs: 3, seed: 1 });
    const key = `test ${tag()}`;
    let computed = 0;
    const compute = async () => `answer ${++computed}`;
    expect(await rememberedRead(key, compute)).toBe("answer 1");
    expect(await rememberedRead(key, compute)).toBe("answer 1");
    expect(await rememberedRead(`${key} other`, compute), "a different key is a different answer").toBe("answer 2");
    other.prepare('UPDATE "Run" SET "notes" = ? WHERE "id" = ?').run("another connection", run.id);
    expect(await rememberedRead(key, compute)).toBe("answer 3");
    await updateRun(access, run.id, { notes: "through Prisma" });
    expect(await rememberedRead(key, compute)).toBe("answer 4");
    expect(await rememberedRead(key, compute)).toBe("answer 4");
  });

  it("keeps no answer computed across a commit under the version read before it", async () => {
    const run = await createRun(access, { name: `${tag()} racing`, images: 8, epochs: 3, seed: 1 });
    const key = `test ${tag()}`;
    let computed = 0;
    // The commit lands while the answer is being computed: the answer may be the newer one, never the older one later.
    const slow = async () => {
      const answer = `answer ${++computed}`;
      other.prepare('UPDATE "Run" SET "notes" = ? WHERE "id" = ?').run(answer, run.id);
      return answer;
    };
    expect(await rememberedRead(key, slow)).toBe("answer 1");
    expect(await rememberedRead(key, async () => `answer ${++computed}`), "the version moved on: computed again").toBe("answer 2");
  });

  it("hands out frozen objects, so no caller can change another's answer", async () => {
    const answer = await rememberedRead(`test ${tag()}`, async () => ({ value: 1 }));
    expect(Object.isFrozen(answer)).toBe(true);
  });
});

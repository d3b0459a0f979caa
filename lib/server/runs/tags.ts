// Run tags: free labels (client-x, style, v2-dataset) to filter, group and
// compare runs by. Stored in their own table, at most once per run.
import "server-only";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { Prisma } from "@/generated/prisma/client";
import { db, dbReady } from "@/lib/server/db";
import { fieldErrorsFrom } from "@/lib/sim/schema";
import { InputError, NotFoundError } from "@/lib/errors";
import { tagListSchema, tagSchema, TAGS_PER_RUN_MAX } from "@/lib/runs/review-schemas";

function parseTag(input: unknown): string {
  const parsed = tagSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "tag is not valid";
    throw new InputError(message, { tag: message }, 400);
  }
  return parsed.data;
}

async function requireRun(runId: string): Promise<void> {
  await dbReady();
  if (!(await db.run.findUnique({ where: { id: runId }, select: { id: true } }))) throw new NotFoundError();
}

/** A run's tags, sorted. */
export async function getRunTags(runId: string): Promise<string[]> {
  await dbReady();
  const rows = await db.runTag.findMany({ where: { runId }, orderBy: { tag: "asc" }, select: { tag: true } });
  return rows.map((row) => row.tag);
}

/** Replaces a run's tags with the list given (PUT /api/runs/{id}/tags). */
export async function setRunTags(_access: WriteAccess, runId: string, input: unknown): Promise<string[]> {
  const parsed = tagListSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error, input);
    throw new InputError(Object.values(fields)[0] ?? "The tags are not valid", fields, 400);
  }
  const tags = [...new Set(parsed.data.tags)];
  await requireRun(runId);
  await db.$transaction([
    db.runTag.deleteMany({ where: { runId, tag: { notIn: tags } } }),
    ...tags.map((tag) => db.runTag.upsert({ where: { runId_tag: { runId, tag } }, create: { runId, tag }, update: {} })),
  ]);
  return getRunTags(runId);
}

/** Adds one tag (already there: no change). */
export async function addRunTag(_access: WriteAccess, runId: string, input: unknown): Promise<string[]> {
  const tag = parseTag(input);
  await requireRun(runId);
  const count = await db.runTag.count({ where: { runId } });
  if (count >= TAGS_PER_RUN_MAX && !(await db.runTag.findUnique({ where: { runId_tag: { runId, tag } } }))) {
    const message = `A run holds at most ${TAGS_PER_RUN_MAX} tags: remove one first`;
    throw new InputError(message, { tag: message }, 400);
  }
  try {
    await db.runTag.upsert({ where: { runId_tag: { runId, tag } }, create: { runId, tag }, update: {} });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new NotFoundError();
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  return getRunTags(runId);
}

/** Removes one tag (absent: no change). */
export async function removeRunTag(_access: WriteAccess, runId: string, input: unknown): Promise<string[]> {
  const tag = parseTag(input);
  await requireRun(runId);
  await db.runTag.deleteMany({ where: { runId, tag } });
  return getRunTags(runId);
}

/** Every tag in use with its run count, most used first, for the list's filter and groups. */
export async function listTags(): Promise<{ tag: string; runs: number }[]> {
  await dbReady();
  const rows = await db.runTag.groupBy({ by: ["tag"], _count: { runId: true }, orderBy: { tag: "asc" } });
  return rows.map((row) => ({ tag: row.tag, runs: row._count.runId })).sort((x, y) => y.runs - x.runs || x.tag.localeCompare(y.tag));
}

/** Tags of several runs at once, for lists. */
export async function tagsOfRuns(runIds: string[]): Promise<Map<string, string[]>> {
  await dbReady();
  const rows = await db.runTag.findMany({ where: { runId: { in: runIds } }, orderBy: { tag: "asc" } });
  const byRun = new Map<string, string[]>(runIds.map((id) => [id, []]));
  for (const row of rows) byRun.get(row.runId)?.push(row.tag);
  return byRun;
}

/** Ids of the runs with a tag, newest first (compare's "every run tagged X"), at most `limit`. */
export async function runIdsTagged(tag: string, limit: number): Promise<string[]> {
  const clean = parseTag(tag);
  await dbReady();
  const rows = await db.run.findMany({ where: { tags: { some: { tag: clean } } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: { id: true } });
  return rows.map((row) => row.id);
}

// The run use cases: create (simulate + store in one transaction), list, get,
// update and delete. Route handlers, server actions and pages call these;
// nothing else talks to the database about runs. Every write takes a
// WriteAccess first: only lib/server/auth/write-access.ts hands one out, after
// checking the request, so a write path cannot forget the write lock.
import "server-only";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { Prisma, type Checkpoint as CheckpointRow, type Run as RunRow } from "@/generated/prisma/client";
import { containsText, db, dbReady } from "@/lib/server/db";
import { pickSettings, resolveSettings, simulate, SettingsError, SETTINGS_LIMITS, SIMULATOR_VERSION, type FieldErrors, type Verdict } from "@/lib/sim";
import { fieldErrorsFrom } from "@/lib/sim/schema";
import type { PreviewMetrics } from "@/lib/preview";
import { decodeCursor, encodeCursor, type CursorValue } from "@/lib/server/runs/cursor";
import { InputError, NotFoundError } from "@/lib/errors";
import { newRunId, runRecordFrom, type RunRecord, type RunRecordExtras } from "@/lib/server/runs/record";
import { RUNS_PAGE_SIZE_DEFAULT, runListQuerySchema, runUpdateSchema, type RunListQuery, type RunSortKey } from "@/lib/runs/schemas";
import { toRunDetail, toRunSummary } from "@/lib/server/runs/serialize";
import type { RunDetail, RunPage } from "@/lib/runs/types";

/** Validates settings, simulates the run and stores it with every checkpoint. */
export async function createRun(access: WriteAccess, input: unknown, extras: RunRecordExtras = {}): Promise<RunDetail> {
  let settings;
  try {
    settings = resolveSettings(input);
  } catch (error) {
    if (error instanceof SettingsError) throw new InputError(error.message, error.fields);
    throw error;
  }
  return storeRun(access, runRecordFrom(newRunId(), simulate(settings), extras));
}

/**
 * Stores a new run with a stored run's settings and seed, simulated by the
 * current model; the stored run keeps its own numbers.
 */
export async function resimulateRun(access: WriteAccess, id: string): Promise<RunDetail> {
  const run = await getRunOrThrow(id);
  const suffix = ` · simulator ${SIMULATOR_VERSION}`;
  const name = `${run.name.slice(0, SETTINGS_LIMITS.name.max - suffix.length).trimEnd()}${suffix}`;
  const notes = `Re-simulated with simulator ${SIMULATOR_VERSION} from the run "${run.name}" (${run.id}), made by simulator ${run.simulatorVersion}: same settings and seed.`;
  return createRun(access, { ...pickSettings(run), name }, { notes });
}

/**
 * Writes a run and its checkpoints as one nested create: SQLite runs it in a
 * single transaction, so a failure on any checkpoint leaves nothing behind.
 */
export async function storeRun(_access: WriteAccess, record: RunRecord): Promise<RunDetail> {
  await dbReady();
  try {
    const row = await db.run.create({ data: record, include: { checkpoints: true } });
    return toRunDetail(row);
  } catch (error) {
    console.error("Storing run failed:", error);
    throw new Error("The run could not be saved. Nothing was stored; try again.");
  }
}

/**
 * Runs in full with their checkpoints, read with two plain statements. Reads
 * are the app's hottest path, and Prisma 6 compiles every model query to SQL
 * on the event loop (several times the cost of running it on SQLite); raw
 * statements skip that compile and return the same typed rows (`SELECT *`, so
 * a new column arrives without touching this).
 */
async function readRunRows(ids: string[]): Promise<RunDetail[]> {
  if (ids.length === 0) return [];
  await dbReady();
  const idList = Prisma.join(ids);
  const [runs, checkpoints] = await Promise.all([
    db.$queryRaw<RunRow[]>`SELECT * FROM "Run" WHERE "id" IN (${idList})`,
    db.$queryRaw<CheckpointRow[]>`SELECT * FROM "Checkpoint" WHERE "runId" IN (${idList}) ORDER BY "runId", "epoch"`,
  ]);
  const byRun = new Map<string, CheckpointRow[]>();
  for (const checkpoint of checkpoints) {
    const list = byRun.get(checkpoint.runId);
    if (list) list.push(checkpoint);
    else byRun.set(checkpoint.runId, [checkpoint]);
  }
  return runs.map((run) => toRunDetail({ ...run, checkpoints: byRun.get(run.id) ?? [] }));
}

export async function getRun(id: string): Promise<RunDetail | null> {
  const [run] = await readRunRows([id]);
  return run ?? null;
}

export async function getRunOrThrow(id: string): Promise<RunDetail> {
  const run = await getRun(id);
  if (!run) throw new NotFoundError();
  return run;
}

/**
 * What one sample preview of a run is drawn from: the run's seed and the
 * checkpoint's metrics (epoch 0 is the untrained baseline, drawn from the seed
 * alone). Null when the run or the epoch does not exist.
 */
export async function getSampleSource(id: string, epoch: number): Promise<{ seed: number; checkpoint: PreviewMetrics | null } | null> {
  await dbReady();
  const row = await db.run.findUnique({
    where: { id },
    select: {
      seed: true,
      epochs: true,
      checkpoints: {
        where: { epoch: Math.max(1, epoch) },
        select: { epoch: true, fidelity: true, flexibility: true, captionAdherence: true, overfitRisk: true, verdict: true },
      },
    },
  });
  if (!row || epoch > row.epochs) return null;
  if (epoch === 0) return { seed: row.seed, checkpoint: null };
  const checkpoint = row.checkpoints[0];
  return checkpoint ? { seed: row.seed, checkpoint: { ...checkpoint, verdict: checkpoint.verdict as Verdict } } : null;
}

/** Several runs in full, in the order asked; unknown ids are left out. */
export async function getRuns(ids: string[]): Promise<RunDetail[]> {
  const byId = new Map((await readRunRows([...new Set(ids)])).map((run) => [run.id, run]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Parses a list query (URL search params or API query) into a validated query. */
export function parseRunListQuery(params: Record<string, string | undefined>): RunListQuery {
  const parsed = runListQuerySchema.safeParse(params);
  if (!parsed.success) throw new InputError("The list query is not valid", fieldErrorsFrom(parsed.error, params), 400);
  return parsed.data;
}

const NULLABLE_SORT_KEYS = new Set<RunSortKey>(["pickedEpoch"]);

/** One page of run summaries: search, filters, sort, and a keyset cursor to the next page. */
export async function listRuns(query: RunListQuery = {}): Promise<RunPage> {
  await dbReady();
  const sort = query.sort ?? "createdAt";
  const dir = query.dir ?? (sort === "name" ? "asc" : "desc");
  const limit = query.limit ?? RUNS_PAGE_SIZE_DEFAULT;

  const filters: Prisma.RunWhereInput[] = [];
  if (query.q) filters.push({ OR: [{ name: containsText(query.q) }, { notes: containsText(query.q) }] });
  if (query.imagesMin !== undefined) filters.push({ images: { gte: query.imagesMin } });
  if (query.imagesMax !== undefined) filters.push({ images: { lte: query.imagesMax } });
  if (query.learningRate !== undefined) {
    const tolerance = query.learningRate * 1e-6;
    filters.push({ learningRate: { gte: query.learningRate - tolerance, lte: query.learningRate + tolerance } });
  }
  if (query.batchSize !== undefined) filters.push({ batchSize: query.batchSize });
  if (query.picked === "yes") filters.push({ pickedEpoch: { not: null } });
  if (query.picked === "no") filters.push({ pickedEpoch: null });
  if (query.verdict) filters.push({ finalVerdict: query.verdict });
  if (query.tag) filters.push({ tags: { some: { tag: query.tag } } });
  if (query.source) filters.push({ source: query.source });
  if (query.cursor) filters.push(afterCursor(sort, dir, decodeCursor(query.cursor)));

  const orderBy: Prisma.RunOrderByWithRelationInput[] = [NULLABLE_SORT_KEYS.has(sort) ? { [sort]: { sort: dir, nulls: "last" } } : { [sort]: dir }, { id: dir }];
  // Summary columns only: the loss curve (kilobytes per run) and the checkpoints stay out of lists.
  const rows = await db.run.findMany({ where: { AND: filters }, orderBy, take: limit + 1, omit: { lossCurve: true } });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(cursorValueOf(last, sort), last.id) : null;
  return { runs: page.map(toRunSummary), nextCursor };
}

function cursorValueOf(row: Record<RunSortKey, unknown>, sort: RunSortKey): CursorValue {
  const value = row[sort];
  if (value instanceof Date) return value.toISOString();
  return value as CursorValue;
}

/** Rows strictly after the cursor in (sort, id) order; nulls sort last in both directions. */
function afterCursor(sort: RunSortKey, dir: "asc" | "desc", cursor: { value: CursorValue; id: string }): Prisma.RunWhereInput {
  const beyond = dir === "asc" ? "gt" : "lt";
  const idBeyond = { id: { [beyond]: cursor.id } };
  if (cursor.value === null) {
    if (!NULLABLE_SORT_KEYS.has(sort)) throw new InputError("cursor is not valid", { cursor: "cursor is not valid" }, 400);
    return { AND: [{ [sort]: null }, idBeyond] };
  }
  const value = sort === "createdAt" ? new Date(String(cursor.value)) : cursor.value;
  if (value instanceof Date && Number.isNaN(value.getTime())) {
    throw new InputError("cursor is not valid", { cursor: "cursor is not valid" }, 400);
  }
  const options: Prisma.RunWhereInput[] = [{ [sort]: { [beyond]: value } }, { AND: [{ [sort]: value }, idBeyond] }];
  if (NULLABLE_SORT_KEYS.has(sort)) options.push({ [sort]: null });
  return { OR: options };
}

/** Renames, writes notes, or picks/unpicks a checkpoint (pickedEpoch within 1..epochs, or null). */
export async function updateRun(_access: WriteAccess, id: string, input: unknown): Promise<RunDetail> {
  const parsed = runUpdateSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error, input);
    throw new InputError(firstMessage(fields), fields);
  }
  const update = parsed.data;
  await dbReady();
  const run = await db.run.findUnique({ where: { id }, select: { epochs: true } });
  if (!run) throw new NotFoundError();
  if (update.pickedEpoch != null && (update.pickedEpoch < 1 || update.pickedEpoch > run.epochs)) {
    const message = `pickedEpoch must be an epoch of this run, from 1 to ${run.epochs}, or null`;
    throw new InputError(message, { pickedEpoch: message });
  }
  try {
    const row = await db.run.update({
      where: { id },
      data: update,
      include: { checkpoints: { orderBy: { epoch: "asc" } } },
    });
    return toRunDetail(row);
  } catch (error) {
    if (isRecordNotFound(error)) throw new NotFoundError();
    console.error("Updating run failed:", error);
    throw new Error("The change could not be saved; try again.");
  }
}

export async function deleteRun(_access: WriteAccess, id: string): Promise<void> {
  await dbReady();
  try {
    // An imported run's images go with it unless another run's samples show them too.
    await db.$transaction(async (tx) => {
      const used = await tx.sample.findMany({ where: { runId: id }, select: { imageHash: true }, distinct: ["imageHash"] });
      await tx.run.delete({ where: { id } });
      const hashes = used.map((sample) => sample.imageHash);
      if (hashes.length > 0) await tx.image.deleteMany({ where: { hash: { in: hashes }, samples: { none: {} } } });
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw new NotFoundError();
    console.error("Deleting run failed:", error);
    throw new Error("The run could not be deleted; try again.");
  }
}

/** The learning rates and batch sizes stored runs use, for the list's filter menus (index-only scans). */
export async function listFilterOptions(): Promise<{ learningRates: number[]; batchSizes: number[] }> {
  await dbReady();
  const [rates, batches] = await Promise.all([db.run.groupBy({ by: ["learningRate"], orderBy: { learningRate: "asc" } }), db.run.groupBy({ by: ["batchSize"], orderBy: { batchSize: "asc" } })]);
  return { learningRates: rates.map((row) => row.learningRate), batchSizes: batches.map((row) => row.batchSize) };
}

export async function countRuns(): Promise<number> {
  await dbReady();
  return db.run.count();
}

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

function firstMessage(fields: FieldErrors): string {
  return Object.values(fields)[0] ?? "Invalid input";
}

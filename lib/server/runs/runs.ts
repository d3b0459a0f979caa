// The run use cases: create (simulate + store in one transaction), list, get,
// update and delete. Route handlers, server actions and pages call these;
// nothing else talks to the database about runs. Every write takes a
// WriteAccess first: only lib/server/auth/write-access.ts hands one out, after
// checking the request, so a write path cannot forget the write lock.
import "server-only";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { Prisma, type Checkpoint as CheckpointRow, type Run as RunRow } from "@/generated/prisma/client";
import { databaseKind, db, dbReady } from "@/lib/server/db";
import { readRows, rememberedRead } from "@/lib/server/sqlite-reads";
import { pickSettings, resolveSettings, simulate, SettingsError, SETTINGS_LIMITS, SIMULATOR_VERSION, type FieldErrors, type Verdict } from "@/lib/sim";
import { fieldErrorsFrom } from "@/lib/sim/schema";
import type { PreviewMetrics } from "@/lib/preview";
import { decodeCursor, encodeCursor, type CursorValue } from "@/lib/server/runs/cursor";
import { InputError, NotFoundError } from "@/lib/errors";
import { newRunId, runRecordFrom, type RunRecord, type RunRecordExtras } from "@/lib/server/runs/record";
import { RUNS_PAGE_SIZE_DEFAULT, runListQuerySchema, runUpdateSchema, type RunListQuery, type RunSortKey } from "@/lib/runs/schemas";
import { runDetailJson, SUMMARY_COLUMNS, toRunDetail, toRunSummary, type RunSummaryRow } from "@/lib/server/runs/serialize";
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
 * Runs in full with their checkpoints, read with one raw statement. Reads are
 * the app's hottest path, and Prisma 6 compiles every model query to SQL on
 * the event loop (several times the cost of running it on SQLite); a raw
 * statement skips that compile and returns the same typed rows (`SELECT *`, so
 * a new column arrives without touching this). On SQLite it runs on the
 * read-only connection of lib/server/sqlite-reads.ts, prepared once, since even
 * a raw statement through Prisma costs a few times what SQLite takes to run it.
 * Each run's checkpoints come in the same row as one JSON list, in epoch order:
 * SQLite's JSON keeps 15 significant digits of a number, so there the numbers
 * travel as 17-digit text (exact: 17 digits identify a double); PostgreSQL's
 * JSON numbers are exact.
 */
async function readRunRows(ids: string[]): Promise<RunWithCheckpoints[]> {
  if (ids.length === 0) return [];
  await dbReady();
  const idList = Prisma.join(ids);
  const rows = await readRows<RunWithCheckpointList>(
    databaseKind() === "postgresql"
      ? Prisma.sql`SELECT r.*, (SELECT json_agg(json_build_array(${CHECKPOINT_VALUES}) ORDER BY c."epoch")::text FROM "Checkpoint" c WHERE c."runId" = r."id") AS "checkpointList" FROM "Run" r WHERE r."id" IN (${idList})`
      : Prisma.sql`SELECT r.*, (SELECT json_group_array(json_array(${SQLITE_CHECKPOINT_VALUES})) FROM (SELECT * FROM "Checkpoint" WHERE "runId" = r."id" ORDER BY "epoch") c) AS "checkpointList" FROM "Run" r WHERE r."id" IN (${idList})`,
  );
  return rows.map(({ checkpointList, ...run }) => ({ ...run, checkpoints: checkpointsFromList(run.id, checkpointList) }));
}

type RunWithCheckpoints = RunRow & { checkpoints: CheckpointRow[] };
type RunWithCheckpointList = RunRow & { checkpointList: string | null };

/** A checkpoint's columns in the order of a checkpoint list's entries (checkpointsFromList reads them back). */
const CHECKPOINT_LIST_COLUMNS = [
  "epoch",
  "step",
  "trainLoss",
  "validationLoss",
  "fidelity",
  "flexibility",
  "captionAdherence",
  "overfitRisk",
  "quality",
  "verdict",
] as const satisfies readonly (keyof CheckpointRow)[];
const CHECKPOINT_VALUES = Prisma.raw(CHECKPOINT_LIST_COLUMNS.map((column) => `c."${column}"`).join(", "));
const SQLITE_CHECKPOINT_VALUES = Prisma.raw(
  CHECKPOINT_LIST_COLUMNS.map((column) => (column === "epoch" || column === "step" || column === "verdict" ? `c."${column}"` : `printf('%!.17g', c."${column}")`)).join(", "),
);

function checkpointsFromList(runId: string, list: string | null): CheckpointRow[] {
  if (!list) return [];
  return (JSON.parse(list) as (string | number)[][]).map((entry) => ({
    runId,
    epoch: Number(entry[0]),
    step: Number(entry[1]),
    trainLoss: Number(entry[2]),
    validationLoss: Number(entry[3]),
    fidelity: Number(entry[4]),
    flexibility: Number(entry[5]),
    captionAdherence: Number(entry[6]),
    overfitRisk: Number(entry[7]),
    quality: Number(entry[8]),
    verdict: String(entry[9]),
  }));
}

export async function getRun(id: string): Promise<RunDetail | null> {
  const [row] = await readRunRows([id]);
  return row ? toRunDetail(row) : null;
}

/**
 * GET /api/runs/{id}'s answer for a simulated run, as JSON text (runDetailJson:
 * the loss curve is never parsed); an imported run's detail is getImportedRun's.
 */
export async function getRunJsonOrThrow(id: string): Promise<{ id: string; source: "imported" } | { id: string; source: "simulated"; json: string }> {
  const found = await rememberedRead(`run ${id}`, async () => {
    const [row] = await readRunRows([id]);
    if (!row) return { missing: true } as const;
    return row.source === "imported" ? ({ id: row.id, source: "imported" } as const) : ({ id: row.id, source: "simulated", json: runDetailJson(row) } as const);
  });
  if ("missing" in found) throw new NotFoundError();
  return found;
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
  const byId = new Map((await readRunRows([...new Set(ids)])).map((row) => [row.id, toRunDetail(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Parses a list query (URL search params or API query) into a validated query. */
export function parseRunListQuery(params: Record<string, string | undefined>): RunListQuery {
  const parsed = runListQuerySchema.safeParse(params);
  if (!parsed.success) throw new InputError("The list query is not valid", fieldErrorsFrom(parsed.error, params), 400);
  return parsed.data;
}

const NULLABLE_SORT_KEYS = new Set<RunSortKey>(["pickedEpoch"]);

/** The columns a summary is read from, quoted for SQL (the loss curve and the import details stay out of lists). */
const SUMMARY_SELECT = Prisma.raw(SUMMARY_COLUMNS.map((column) => `"${column}"`).join(", "));

/**
 * One page of run summaries: search, filters, sort, and a keyset cursor to the
 * next page. One raw statement with the summary columns only: the runs list is
 * the most read route, and a model query costs several times as much to compile
 * as to run (see readRunRows, whose SQLite connection it reads through too). It
 * says what the model query said: `contains` is LIKE '%q%' (ILIKE on
 * PostgreSQL, as Prisma's insensitive mode), the sort column then the id in the
 * same direction, nulls last.
 */
export async function listRuns(query: RunListQuery = {}): Promise<RunPage> {
  await dbReady();
  const sort = query.sort ?? "createdAt";
  const dir = query.dir ?? (sort === "name" ? "asc" : "desc");
  const limit = query.limit ?? RUNS_PAGE_SIZE_DEFAULT;
  const like = databaseKind() === "postgresql" ? Prisma.raw("ILIKE") : Prisma.raw("LIKE");

  const filters: Prisma.Sql[] = [];
  if (query.q) {
    const pattern = `%${query.q}%`;
    filters.push(Prisma.sql`("name" ${like} ${pattern} OR "notes" ${like} ${pattern})`);
  }
  if (query.imagesMin !== undefined) filters.push(Prisma.sql`"images" >= ${query.imagesMin}`);
  if (query.imagesMax !== undefined) filters.push(Prisma.sql`"images" <= ${query.imagesMax}`);
  if (query.learningRate !== undefined) {
    const tolerance = query.learningRate * 1e-6;
    filters.push(Prisma.sql`"learningRate" >= ${query.learningRate - tolerance} AND "learningRate" <= ${query.learningRate + tolerance}`);
  }
  if (query.batchSize !== undefined) filters.push(Prisma.sql`"batchSize" = ${query.batchSize}`);
  if (query.picked === "yes") filters.push(Prisma.sql`"pickedEpoch" IS NOT NULL`);
  if (query.picked === "no") filters.push(Prisma.sql`"pickedEpoch" IS NULL`);
  if (query.verdict) filters.push(Prisma.sql`"finalVerdict" = ${query.verdict}`);
  if (query.tag) filters.push(Prisma.sql`EXISTS (SELECT 1 FROM "RunTag" WHERE "RunTag"."runId" = "Run"."id" AND "RunTag"."tag" = ${query.tag})`);
  if (query.source) filters.push(Prisma.sql`"source" = ${query.source}`);
  if (query.cursor) filters.push(afterCursor(sort, dir, decodeCursor(query.cursor)));

  const where = filters.length > 0 ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  const column = Prisma.raw(`"${sort}"`);
  const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  const nulls = NULLABLE_SORT_KEYS.has(sort) ? Prisma.raw(" NULLS LAST") : Prisma.empty;
  const rows = await readRows<RunSummaryRow>(Prisma.sql`SELECT ${SUMMARY_SELECT} FROM "Run" ${where} ORDER BY ${column} ${direction}${nulls}, "id" ${direction} LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(cursorValueOf(last, sort), last.id) : null;
  return { runs: page.map(toRunSummary), nextCursor };
}

/**
 * GET /api/runs's answer: listRuns' page as JSON text, the same text
 * `Response.json(await listRuns(query))` sends. Reused until the next commit
 * (rememberedRead): a list read again with no write in between costs a version
 * check instead of a query and a serialisation.
 */
export async function listRunsJson(query: RunListQuery = {}): Promise<string> {
  return rememberedRead(`runs ${JSON.stringify(query)}`, async () => JSON.stringify(await listRuns(query)));
}

function cursorValueOf(row: Record<RunSortKey, unknown>, sort: RunSortKey): CursorValue {
  const value = row[sort];
  if (value instanceof Date) return value.toISOString();
  return value as CursorValue;
}

/** Rows strictly after the cursor in (sort, id) order; nulls sort last in both directions. */
function afterCursor(sort: RunSortKey, dir: "asc" | "desc", cursor: { value: CursorValue; id: string }): Prisma.Sql {
  const beyond = Prisma.raw(dir === "asc" ? ">" : "<");
  const column = Prisma.raw(`"${sort}"`);
  const idBeyond = Prisma.sql`"id" ${beyond} ${cursor.id}`;
  if (cursor.value === null) {
    if (!NULLABLE_SORT_KEYS.has(sort)) throw new InputError("cursor is not valid", { cursor: "cursor is not valid" }, 400);
    return Prisma.sql`(${column} IS NULL AND ${idBeyond})`;
  }
  const value = sort === "createdAt" ? new Date(String(cursor.value)) : cursor.value;
  if (value instanceof Date && Number.isNaN(value.getTime())) {
    throw new InputError("cursor is not valid", { cursor: "cursor is not valid" }, 400);
  }
  const orNull = NULLABLE_SORT_KEYS.has(sort) ? Prisma.sql` OR ${column} IS NULL` : Prisma.empty;
  return Prisma.sql`(${column} ${beyond} ${value} OR (${column} = ${value} AND ${idBeyond})${orNull})`;
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

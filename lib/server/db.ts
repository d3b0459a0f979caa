// The one Prisma client of the process. The database choice lives here and in
// the Prisma set-up (prisma.config.ts, prisma/postgresql/) only:
// - a `file:` DATABASE_URL (or none): SQLite through better-sqlite3, in WAL mode
//   with a busy timeout and foreign keys on, so parallel writers wait instead of failing;
// - a `postgresql://` URL: PostgreSQL through node-postgres, for teams running
//   several app instances.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import { databaseUrl, ensureDatabaseDirectory } from "./database-url";

export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(url = databaseUrl()): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseKind(url) === "postgresql") {
    // Generated from the same data model (prisma/postgresql/schema.prisma is derived
    // from prisma/schema.prisma), so both clients have the same API.
    return new PostgresPrismaClient({ adapter: exposingTransactions(new PrismaPg({ connectionString: url })) }) as unknown as PrismaClient;
  }
  ensureDatabaseDirectory(url);
  return new PrismaClient({ adapter: exposingTransactions(new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS })) });
}

type DriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type DriverTransaction = Awaited<ReturnType<DriverAdapter["startTransaction"]>>;
type DriverQuery = Parameters<DriverTransaction["executeRaw"]>[0];

/** Set by `transactionWithBulkWrites` around its `db.$transaction`: the driver's transaction Prisma starts for it. */
const startedTransactions = new AsyncLocalStorage<{ transaction?: DriverTransaction }>();

/** The adapter factory, its connections reporting each transaction they start to `transactionWithBulkWrites`. */
function exposingTransactions<Factory extends { connect(): Promise<DriverAdapter> }>(factory: Factory): Factory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      const waiting = startedTransactions.getStore();
      if (waiting && waiting.transaction === undefined) waiting.transaction = transaction;
      return transaction;
    };
    return adapter;
  };
  return factory;
}

/** A value of a bulk write, with how the driver passes it. */
export type BulkValue = { type: "string"; value: string | null } | { type: "int"; value: number } | { type: "bytes"; value: Uint8Array } | { type: "datetime"; value: Date };

export interface BulkWriter {
  /** Runs one statement (`?` placeholders) in the transaction; resolves to the number of rows it changed. */
  execute(sql: string, values: readonly BulkValue[]): Promise<number>;
}

/**
 * `db.$transaction(work)` whose work may also write large values (an import's
 * images) through `writer`: straight to the database driver, on the same
 * connection and in the same transaction, so they commit or roll back with
 * everything `tx` writes.
 *
 * Why not through Prisma: Prisma keeps its last 100 debug entries whether
 * debugging is on or not, once in the client (each query's compiled plan) and
 * once in the driver adapter (each statement), both with the arguments, bytes
 * as base64 text; and every value passes through its query compiler's
 * WebAssembly memory, which grows to fit and never shrinks. The 168 images of
 * 1.2 MB of the import benchmark written with `tx.image.create` left about
 * 50 MB of base64 held after the commit, 20 MB of compiler memory, and several
 * copies of every image as garbage while the transaction ran. A statement here
 * skips the client; the adapter's history keeps the statement object itself,
 * so its values are dropped from it as soon as it has run.
 */
export function transactionWithBulkWrites<T>(work: (tx: Prisma.TransactionClient, writer: BulkWriter) => Promise<T>, options: { maxWait: number; timeout: number }): Promise<T> {
  const started: { transaction?: DriverTransaction } = {};
  return startedTransactions.run(started, () =>
    db.$transaction(async (tx) => {
      const transaction = started.transaction;
      if (transaction === undefined) throw new Error("The database driver's transaction is unknown: the Prisma client was not made by createClient");
      const postgres = transaction.provider === "postgres";
      return work(tx, {
        async execute(sql, values) {
          let placeholder = 0;
          const query: DriverQuery = {
            sql: postgres ? sql.replace(/\?/g, () => `$${++placeholder}`) : sql,
            args: values.map(({ type, value }) => (type === "bytes" ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value)),
            argTypes: values.map(({ type }) => ({ scalarType: type, arity: "scalar" })),
          };
          try {
            return await transaction.executeRaw(query);
          } finally {
            // The adapter's debug history holds on to this object: let it hold no bytes.
            query.args.length = 0;
          }
        },
      });
    }, options),
  );
}

const globalForPrisma = globalThis as unknown as { epochLabPrisma?: PrismaClient; epochLabReady?: Promise<void> };

export const db: PrismaClient = globalForPrisma.epochLabPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.epochLabPrisma = db;

/**
 * Resolves once the connection is configured; every data function awaits it.
 * A failed set-up is forgotten, so the next request tries again once the
 * database is back instead of failing for the life of the process.
 */
export function dbReady(): Promise<void> {
  globalForPrisma.epochLabReady ??= (async () => {
    if (databaseKind() !== "sqlite") return;
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  })().catch((error: unknown) => {
    globalForPrisma.epochLabReady = undefined;
    throw error;
  });
  return globalForPrisma.epochLabReady;
}

/** True when the database answers a trivial query (for GET /api/health); the cause is logged, never returned. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await dbReady();
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch (error) {
    console.error("Health check: the database did not answer:", error);
    return false;
  }
}

/** Advisory lock key for one-time start-up work such as adding the demo runs. */
const STARTUP_LOCK_KEY = 7_301_924_418;

/**
 * Runs start-up work that must not run twice when several instances start at once
 * (PostgreSQL: under an advisory lock; SQLite serves one instance, so it just runs).
 */
export async function withStartupLock<T>(work: () => Promise<T>): Promise<T> {
  await dbReady();
  if (databaseKind() !== "postgresql") return work();
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${STARTUP_LOCK_KEY})`);
      return work();
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}

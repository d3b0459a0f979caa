// The one Prisma client of the process. The database choice lives here and in
// the Prisma set-up (prisma.config.ts, prisma/postgresql/) only:
// - a `file:` DATABASE_URL (or none): SQLite through better-sqlite3, in WAL mode
//   with a busy timeout and foreign keys on, so parallel writers wait instead of failing;
// - a `postgresql://` URL: PostgreSQL through node-postgres, for teams running
//   several app instances.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
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
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  }
  ensureDatabaseDirectory(url);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
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

/** A case-insensitive "contains" filter, on either database (SQLite's LIKE already ignores ASCII case). */
export function containsText(value: string): { contains: string } {
  if (databaseKind() === "postgresql") return { contains: value, mode: "insensitive" } as { contains: string };
  return { contains: value };
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

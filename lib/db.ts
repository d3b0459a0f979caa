// The one Prisma client of the process. The database choice lives here and in
// prisma.config.ts only: SQLite through better-sqlite3, in WAL mode with a busy
// timeout and foreign keys on, so parallel writers wait instead of failing.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl, ensureDatabaseDirectory } from "./database-url";

export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

function createClient(): PrismaClient {
  const url = databaseUrl();
  ensureDatabaseDirectory(url);
  const adapter = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { epochLabPrisma?: PrismaClient; epochLabPragmas?: Promise<void> };

export const db: PrismaClient = globalForPrisma.epochLabPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.epochLabPrisma = db;

/** Resolves once the connection's pragmas are set; every data function awaits it. */
export function dbReady(): Promise<void> {
  globalForPrisma.epochLabPragmas ??= (async () => {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  })();
  return globalForPrisma.epochLabPragmas;
}

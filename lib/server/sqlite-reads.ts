// Hot reads on SQLite without the ORM: a read-only better-sqlite3 connection of
// the process's own, with each statement prepared once. PostgreSQL (and an
// in-memory SQLite) read through Prisma as before.
//
// Why: a raw statement through Prisma 6 costs about four times what SQLite
// takes to run it. The query compiler (WebAssembly) plans even a raw query, the
// driver adapter prepares the statement again on every call, reads every
// integer as a BigInt and turns each row into an array of strings, and the
// client maps that back to objects. Profiled under load, that was most of what
// GET /api/runs and GET /api/runs/{id} cost beyond the framework.
//
// Why a connection of its own rather than Prisma's: a read-only connection sees
// committed data only, whatever transaction Prisma's connection has open, and
// its `PRAGMA data_version` changes with every commit by anyone (this process's
// writes through Prisma, `npm run import` in another process), which is what
// lets a caller tell that data it read earlier is still current.
import "server-only";
import Database from "better-sqlite3";
import type { Prisma } from "@/generated/prisma/client";
import { databaseUrl, sqliteFilePath } from "./database-url";
import { databaseKind, db, dbReady, SQLITE_BUSY_TIMEOUT_MS } from "./db";

/** Prepared statements kept per SQL text; the runs list's filter combinations make many, the first page a handful. */
const MAX_STATEMENTS = 200;

interface Prepared {
  /** In raw mode: each row an array, made into an object here (half what better-sqlite3's own objects cost). */
  statement: Database.Statement;
  columns: string[];
  /** Per column: declared DATETIME (or DATE, TIMESTAMP), so read as a Date, as Prisma reads it. */
  dates: boolean[];
}

export interface SqliteReader {
  /**
   * The rows of a SELECT, with the values Prisma's `$queryRaw` gives for the
   * same statement over this app's columns (text, integers, reals, dates) and
   * text computed by SQL; an integer computed by SQL (`count(*)`) is a number
   * here where Prisma gives a BigInt.
   */
  all<Row>(query: Prisma.Sql): Row[];
  /** SQLite's `PRAGMA data_version`: changes whenever anyone commits to the database file (this connection never writes). */
  dataVersion(): number;
}

const globalForReader = globalThis as unknown as { epochLabSqliteReader?: SqliteReader | null };

/** The reader, or null when reads go through Prisma (PostgreSQL, or a SQLite database that is not a file). */
export async function sqliteReader(): Promise<SqliteReader | null> {
  if (globalForReader.epochLabSqliteReader !== undefined) return globalForReader.epochLabSqliteReader;
  // Prisma's connection opens (creating the file) and switches it to WAL first.
  await dbReady();
  if (globalForReader.epochLabSqliteReader !== undefined) return globalForReader.epochLabSqliteReader;
  const url = databaseUrl();
  const file = databaseKind(url) === "sqlite" ? sqliteFilePath(url) : null;
  globalForReader.epochLabSqliteReader = file === null ? null : openReader(file);
  return globalForReader.epochLabSqliteReader;
}

function openReader(file: string): SqliteReader {
  const connection = new Database(file, { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const statements = new Map<string, Prepared>();
  const version = connection.prepare("PRAGMA data_version").pluck();

  function prepared(sql: string): Prepared {
    const known = statements.get(sql);
    if (known) {
      // Most recently used last: the first entry is the one to drop when full.
      statements.delete(sql);
      statements.set(sql, known);
      return known;
    }
    const statement = connection.prepare(sql).raw(true);
    const declared = statement.columns();
    const columns = declared.map((column) => column.name);
    const dates = declared.map((column) => column.type !== null && DATE_TYPES.has(column.type.toUpperCase()));
    const entry = { statement, columns, dates };
    statements.set(sql, entry);
    if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
    return entry;
  }

  return {
    all<Row>(query: Prisma.Sql): Row[] {
      const { statement, columns, dates } = prepared(query.sql);
      const rows = statement.all(...query.values.map(sqliteValue)) as unknown[][];
      return rows.map((values) => {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < columns.length; i++) {
          const value = values[i];
          row[columns[i]] = dates[i] && value !== null ? dateFromSqlite(value as string | number | bigint) : value;
        }
        return row as Row;
      });
    },
    dataVersion: () => version.get() as number,
  };
}

const DATE_TYPES = new Set(["DATETIME", "TIMESTAMP", "DATE"]);

/** A statement's value as Prisma's SQLite adapter binds it: dates as ISO text with "+00:00", booleans as 0/1. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * A stored date as Prisma's `$queryRaw` reads it (what the reads returned before
 * the reader): text as `new Date(text)` reads it, a number as milliseconds since 1970.
 */
export function dateFromSqlite(value: string | number | bigint): Date {
  return new Date(typeof value === "string" ? value : Number(value));
}

/** The rows of a SELECT: through the reader on SQLite, through Prisma's `$queryRaw` otherwise (same rows either way). */
export async function readRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const reader = await sqliteReader();
  if (reader) return reader.all<Row>(query);
  return db.$queryRaw<Row[]>(query);
}

/** Text answers kept at most (a run's detail is about 20 KB, a page of 100 summaries about 70 KB). */
const MAX_REMEMBERED = 256;

const remembered = globalThis as unknown as { epochLabRememberedReads?: { version: number; answers: Map<string, unknown> } };

/**
 * `compute()`'s answer, reused while nobody has committed to the database since
 * it was computed; on PostgreSQL (and a SQLite database that is not a file)
 * computed every time. `key` must name everything the answer depends on besides
 * the database's content. An object answer is shared by every caller that gets
 * it: it is frozen, so none can change what the others see.
 *
 * Never stale: the version is read before `compute` reads anything, so an answer
 * is at least as new as its version, and any commit after that (this process's
 * writes through Prisma, `npm run import` in another process) changes the
 * version the next caller sees. A read-only connection never commits, so its
 * `PRAGMA data_version` counts every commit there is.
 */
export async function rememberedRead<T extends string | Readonly<object>>(key: string, compute: () => Promise<T>): Promise<T> {
  const reader = await sqliteReader();
  if (!reader) return compute();
  const version = reader.dataVersion();
  let cache = remembered.epochLabRememberedReads;
  if (cache === undefined || cache.version !== version) {
    cache = { version, answers: new Map() };
    remembered.epochLabRememberedReads = cache;
  }
  const known = cache.answers.get(key) as T | undefined;
  if (known !== undefined) return known;
  const answer = await compute();
  if (typeof answer === "object") Object.freeze(answer);
  // Kept only if nobody committed meanwhile as far as a newer caller saw (a newer version replaced the cache).
  if (remembered.epochLabRememberedReads === cache) {
    cache.answers.set(key, answer);
    if (cache.answers.size > MAX_REMEMBERED) cache.answers.delete(cache.answers.keys().next().value as string);
  }
  return answer;
}

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
  statement: Database.Statement;
  /** Columns declared DATETIME (or DATE, TIMESTAMP): read as Date, as Prisma reads them. */
  dateColumns: string[];
}

export interface SqliteReader {
  /** The rows of a SELECT, with the values Prisma's `$queryRaw` gives for the same statement. */
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
    const statement = connection.prepare(sql);
    const dateColumns = statement
      .columns()
      .filter((column) => column.type !== null && DATE_TYPES.has(column.type.toUpperCase()))
      .map((column) => column.name);
    const entry = { statement, dateColumns };
    statements.set(sql, entry);
    if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
    return entry;
  }

  return {
    all<Row>(query: Prisma.Sql): Row[] {
      const { statement, dateColumns } = prepared(query.sql);
      const rows = statement.all(...query.values.map(sqliteValue)) as Record<string, unknown>[];
      if (dateColumns.length > 0) {
        for (const row of rows) {
          for (const column of dateColumns) {
            const value = row[column];
            if (value !== null) row[column] = dateFromSqlite(value as string | number | bigint);
          }
        }
      }
      return rows as Row[];
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

/** A time of day at the end of a stored date, with its zone if it has one. */
const TIME_OF_DAY = /\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/**
 * A stored date as Prisma reads it: milliseconds since 1970, or text, where a
 * date alone is midnight UTC, a time without a zone is UTC, and a space may
 * separate date and time (SQLite's CURRENT_TIMESTAMP writes "2026-11-30 12:00:00").
 */
export function dateFromSqlite(value: string | number | bigint): Date {
  if (typeof value !== "string") return new Date(Number(value));
  const match = TIME_OF_DAY.exec(value);
  if (match === null) return new Date(`${value}T00:00:00Z`);
  const [time, zone, zoneMinutes] = match;
  let text = value;
  if (zone !== undefined && zone !== "Z" && zoneMinutes === undefined) text = `${value}:00`;
  else if (zone === undefined) text = `${value}Z`;
  if (time.length === value.length) return new Date(`1970-01-01T${text}`);
  const separator = match.index - 1;
  if (text[separator] === " ") text = `${text.slice(0, separator)}T${text.slice(separator + 1)}`;
  return new Date(text);
}

/** The rows of a SELECT: through the reader on SQLite, through Prisma's `$queryRaw` otherwise (same rows either way). */
export async function readRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const reader = await sqliteReader();
  if (reader) return reader.all<Row>(query);
  return db.$queryRaw<Row[]>(query);
}

// Where the database lives: DATABASE_URL, or a SQLite file under ./data.
import { mkdirSync } from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/epoch-lab.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The SQLite file a `file:` URL points to (relative paths are relative to the working directory). */
export function sqliteFilePath(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const file = url.slice("file:".length).split("?")[0];
  return file === ":memory:" ? null : path.resolve(file);
}

/** Creates the folder of a SQLite database file so that opening it cannot fail for a missing directory. */
export function ensureDatabaseDirectory(url: string): void {
  const file = sqliteFilePath(url);
  if (file) mkdirSync(path.dirname(file), { recursive: true });
}

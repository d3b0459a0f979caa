// SQLite stays the source of the data model: the PostgreSQL schema and its
// migrations must be regenerated with it (`npm run db:migration NAME`).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedPostgresSchema, POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, SQLITE_MIGRATIONS } from "../scripts/lib/postgres-schema.mjs";

const migrationFolders = (dir: string) =>
  readdirSync(dir)
    .filter((name) => /^\d+_/.test(name))
    .sort();

describe("the PostgreSQL schema", () => {
  it("is the SQLite schema with only the provider and client output changed", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(expectedPostgresSchema());
  });

  it("has one migration for every SQLite migration, with the same names", () => {
    expect(migrationFolders(POSTGRES_MIGRATIONS)).toEqual(migrationFolders(SQLITE_MIGRATIONS));
  });

  it("creates every table and index the SQLite migrations create", () => {
    // SQLite changes a table by copying it into "new_<Table>" and re-creating its
    // indexes, where PostgreSQL alters it in place: compare the objects, not the statements.
    const objects = (dir: string) =>
      [
        ...new Set(
          migrationFolders(dir)
            .map((folder) => readFileSync(`${dir}/${folder}/migration.sql`, "utf8"))
            .join("\n")
            .match(/CREATE (?:UNIQUE )?(?:TABLE|INDEX) "[^"]+"/g)
            ?.filter((statement) => !statement.includes('TABLE "new_')),
        ),
      ].sort();
    expect(objects(POSTGRES_MIGRATIONS)).toEqual(objects(SQLITE_MIGRATIONS));
  });
});

// Unit tests that touch the database get their own throwaway SQLite file per worker, migrated from prisma/migrations.
import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const dir = path.resolve("data/unit");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}.db`);
rmSync(file, { force: true });
const sqlite = new Database(file);
for (const migration of readdirSync("prisma/migrations")
  .filter((name) => /^\d+_/.test(name))
  .sort()) {
  sqlite.exec(readFileSync(path.join("prisma/migrations", migration, "migration.sql"), "utf8"));
}
sqlite.close();
process.env.DATABASE_URL = `file:${file}`;

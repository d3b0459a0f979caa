#!/usr/bin/env node
// Applies the committed PostgreSQL migrations (prisma/postgresql/migrations) in
// order, each in its own transaction, recorded in "_epoch_lab_migrations".
// A session advisory lock makes it safe for several instances starting at once:
// the first applies, the others wait and then find nothing to do.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_TABLE = "_epoch_lab_migrations";
/** Arbitrary constant key of the advisory lock that serialises migrations. */
const MIGRATION_LOCK_KEY = 7_301_924_417;

export async function migratePostgres(connectionString, { migrationsDir = "prisma/postgresql/migrations", log = console.log } = {}) {
  const folders = readdirSync(migrationsDir)
    .filter((name) => /^\d+_/.test(name))
    .sort();
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const applied = new Map((await client.query(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`)).rows.map((row) => [row.name, row.checksum]));
    let count = 0;
    for (const folder of folders) {
      const sql = readFileSync(path.join(migrationsDir, folder, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (applied.has(folder)) {
        if (applied.get(folder) !== checksum) log(`warning: migration ${folder} changed after it was applied`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum) VALUES ($1, $2)`, [folder, checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${folder} failed: ${error.message}`);
      }
      count++;
      log(`applied ${folder}`);
    }
    log(count > 0 ? `${count} migration(s) applied.` : "No pending migrations.");
    return count;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) {
    console.error("DATABASE_URL must be a postgresql:// URL");
    process.exit(2);
  }
  migratePostgres(url).catch((error) => {
    console.error(`✖ ${error.message}`);
    process.exit(1);
  });
}

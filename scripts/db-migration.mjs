#!/usr/bin/env node
// npm run db:migration NAME — after editing prisma/schema.prisma, writes the next
// migration for SQLite AND for PostgreSQL (same folder name in both), and
// regenerates the PostgreSQL schema from the SQLite one. Both are diffs from the
// schema of the last committed migration to the current one (`prisma migrate dev`
// needs a shadow database the JS schema engine cannot make). The PostgreSQL diff
// runs against a throwaway local cluster.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPostgresCluster } from "./lib/postgres-cluster.mjs";
import { expectedPostgresSchema, postgresSchemaFrom, POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, SQLITE_MIGRATIONS, SQLITE_SCHEMA } from "./lib/postgres-schema.mjs";

const name = (process.argv[2] ?? "")
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration NAME   (for example: npm run db:migration add_run_tags)");
  process.exit(2);
}

const hasMigrations = existsSync(SQLITE_MIGRATIONS) && readdirSync(SQLITE_MIGRATIONS).some((entry) => /^\d+_/.test(entry));
let oldSqliteSchema = null;
if (hasMigrations) {
  const commit = execFileSync("git", ["log", "-1", "--format=%H", "--", SQLITE_MIGRATIONS], { encoding: "utf8" }).trim();
  if (!commit) {
    console.error("The existing migrations are not committed yet: commit them first, then run this again.");
    process.exit(1);
  }
  oldSqliteSchema = execFileSync("git", ["show", `${commit}:${SQLITE_SCHEMA}`], { encoding: "utf8" });
}

function writeTemp(text) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "epoch-lab-schema-")), "schema.prisma");
  writeFileSync(file, text);
  return file;
}

function diff(config, fromSchemaText, toSchemaPath, env = {}) {
  const from = fromSchemaText === null ? ["--from-empty"] : ["--from-schema-datamodel", writeTemp(fromSchemaText)];
  const output = execFileSync("npx", ["prisma", "migrate", "diff", "--config", config, ...from, "--to-schema-datamodel", toSchemaPath, "--script"], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return output
    .split("\n")
    .filter((line) => !line.startsWith("Loaded Prisma config"))
    .join("\n")
    .trim();
}

const isEmpty = (sql) => !sql || /^-- This is an empty migration/.test(sql);

writeFileSync(POSTGRES_SCHEMA, expectedPostgresSchema());
const sqliteSql = diff("prisma.config.ts", oldSqliteSchema, SQLITE_SCHEMA, { DATABASE_URL: process.env.DATABASE_URL || "file:./data/epoch-lab.db" });
if (isEmpty(sqliteSql)) {
  console.log("prisma/schema.prisma has no changes since the last migration: nothing written.");
  process.exit(0);
}

const cluster = await startPostgresCluster();
let postgresSql;
try {
  postgresSql = diff("prisma/postgresql/prisma.config.ts", oldSqliteSchema === null ? null : postgresSchemaFrom(oldSqliteSchema), POSTGRES_SCHEMA, { DATABASE_URL: cluster.url });
} finally {
  cluster.stop();
}

const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
for (const [dir, sql, provider] of [
  [SQLITE_MIGRATIONS, sqliteSql, "sqlite"],
  [POSTGRES_MIGRATIONS, postgresSql, "postgresql"],
]) {
  mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, folder, "migration.sql"), sql + "\n");
  if (!existsSync(path.join(dir, "migration_lock.toml"))) writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${provider}"\n`);
  console.log(`Wrote ${path.join(dir, folder, "migration.sql")}`);
}
console.log("Commit both, with the regenerated prisma/postgresql/schema.prisma.");

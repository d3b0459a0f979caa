#!/usr/bin/env node
// npm run db:migration NAME — writes the next SQL migration for the changes
// made to prisma/schema.prisma since the last committed migration.
// (`prisma migrate dev` needs a shadow database the JS schema engine cannot
// make, so the migration is a datamodel-to-datamodel diff.)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration NAME   (for example: npm run db:migration add_run_tags)");
  process.exit(2);
}

const migrationsDir = "prisma/migrations";
const hasMigrations = existsSync(migrationsDir) && readdirSync(migrationsDir).some((entry) => /^\d+_/.test(entry));
const prisma = (args) =>
  execFileSync("npx", ["prisma", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "file:./data/epoch-lab.db" } });

let from = ["--from-empty"];
if (hasMigrations) {
  const commit = execFileSync("git", ["log", "-1", "--format=%H", "--", migrationsDir], { encoding: "utf8" }).trim();
  if (!commit) {
    console.error("The existing migrations are not committed yet: commit them first, then run this again.");
    process.exit(1);
  }
  const oldSchema = execFileSync("git", ["show", `${commit}:prisma/schema.prisma`], { encoding: "utf8" });
  const oldPath = path.join(mkdtempSync(path.join(tmpdir(), "epoch-lab-schema-")), "schema.prisma");
  writeFileSync(oldPath, oldSchema);
  from = ["--from-schema-datamodel", oldPath];
}

const output = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
const sql = output
  .split("\n")
  .filter((line) => !line.startsWith("Loaded Prisma config"))
  .join("\n")
  .trim();
if (!sql || /^-- This is an empty migration/.test(sql)) {
  console.log("prisma/schema.prisma has no changes since the last migration: nothing written.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
}
console.log(`Wrote ${path.join(dir, "migration.sql")}`);

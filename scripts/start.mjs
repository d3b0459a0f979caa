#!/usr/bin/env node
// npm start / npm run dev: everything a fresh clone needs before serving.
// 1. generate the Prisma clients if missing, 2. build if the sources changed
// since the last build (start only), 3. apply migrations, 4. add the demo runs
// to an empty database, 5. serve on PORT (default 3000).
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { newestBuildInputMtime } from "./lib/build-inputs.mjs";

const require = createRequire(import.meta.url);

const dev = process.argv.includes("--dev");
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
process.env.DATABASE_URL ||= "file:./data/epoch-lab.db";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT || "3000";
const bin = (name) => path.join(root, "node_modules", ".bin", name);

/**
 * Prisma 6 warns on every command that the schema's datasource `url` is unused
 * because the driver adapter in prisma.config.ts supplies the connection. The
 * `url` must stay (Prisma 6 requires it), so the warning is noise: drop it.
 */
function withoutPrismaNoise(text) {
  return text
    .replace(/\n?WARNING: Your schema specifies the following datasource properties[\s\S]*?avoid confusion if you are only using driver adapters\.\n?/g, "")
    .split("\n")
    .filter((line) => !line.startsWith("Loaded Prisma config") && !line.startsWith("Prisma config detected"))
    .join("\n");
}

/** Runs a step; `prisma` steps have their output buffered and cleaned of the warning above. */
function run(label, command, args, { prisma = false } = {}) {
  console.log(`▸ ${label}`);
  const options = { env: process.env };
  const result = prisma
    ? spawnSync(command, args, { ...options, stdio: ["inherit", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(command, args, { ...options, stdio: "inherit" });
  if (prisma) {
    const stdout = withoutPrismaNoise(result.stdout ?? "").trim();
    const stderr = withoutPrismaNoise(result.stderr ?? "").trim();
    if (stdout) console.log(stdout);
    if (stderr) console.error(stderr);
  }
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/** Resolves true when something already listens on the port (the server could not bind it). */
function isPortInUse(portNumber) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error) => resolve(error.code === "EADDRINUSE" || error.code === "EACCES"));
    probe.once("listening", () => probe.close(() => resolve(false)));
    probe.listen(Number(portNumber));
  });
}

// Say it in one line before any build, instead of a raw EADDRINUSE stack after it.
if (await isPortInUse(port)) {
  console.error(`✖ Port ${port} is already in use (another Epoch Lab or another server?). Stop it, or choose another port: PORT=3001 npm ${dev ? "run dev" : "start"}`);
  process.exit(1);
}

/**
 * True unless every committed migration is recorded as applied. Checked with a
 * read-only connection so that a second start next to a running server does not
 * need the schema engine (which wants the database to itself).
 */
function hasPendingMigrations() {
  const url = process.env.DATABASE_URL;
  if (!url.startsWith("file:")) return true;
  const file = path.resolve(url.slice("file:".length).split("?")[0]);
  if (!existsSync(file)) return true;
  const folders = readdirSync("prisma/migrations").filter((name) => /^\d+_/.test(name));
  try {
    const Database = require("better-sqlite3");
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const applied = new Set(
        db
          .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
          .all()
          .map((row) => row.migration_name),
      );
      return folders.some((name) => !applied.has(name));
    } finally {
      db.close();
    }
  } catch {
    return true;
  }
}

/**
 * Refreshes SQLite's table statistics so the query planner picks the right index
 * for the runs list's filter-and-sort combinations (without them it may sort
 * thousands of rows). Fast, and skipped silently if the file cannot be opened.
 */
function analyzeSqlite() {
  const file = path.resolve(process.env.DATABASE_URL.slice("file:".length).split("?")[0]);
  try {
    const Database = require("better-sqlite3");
    const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
    try {
      db.exec("ANALYZE");
    } finally {
      db.close();
    }
  } catch (error) {
    console.warn(`(could not refresh the database statistics: ${error.message})`);
  }
}

if (!existsSync("generated/prisma/client.ts") || !existsSync("generated/prisma-pg/client.ts")) {
  run("Generating the Prisma clients", "npm", ["run", "--silent", "db:generate"], { prisma: true });
}

if (!dev) {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const buildId = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildId) || newestBuildInputMtime(root, distDir) > statSync(buildId).mtimeMs) {
    run("Building the app (first start or changed sources)", bin("next"), ["build"]);
  }
}

const isPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL);
if (isPostgres) run("Applying PostgreSQL migrations", process.execPath, ["scripts/migrate-postgres.mjs"]);
else if (hasPendingMigrations()) run("Applying database migrations", bin("prisma"), ["migrate", "deploy"], { prisma: true });
run("Adding demo runs to an empty database", bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]);
if (!isPostgres) analyzeSqlite();

console.log(`▸ Serving Epoch Lab on http://localhost:${port}`);
const server = spawn(bin("next"), [dev ? "dev" : "start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

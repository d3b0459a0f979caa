// GET /api/health: what a load balancer asks. 200 while the database answers,
// 503 with the usual error body (and no stack trace) when it does not.
import { expect, test } from "@playwright/test";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startServer } from "../support/server";

test("answers 200 with ok once the database answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ ok: true, database: process.env.E2E_POSTGRES_URL ? "postgresql" : "sqlite" });
});

test("answers 503 with the error body when the database file is not a database", async () => {
  test.setTimeout(120_000);
  // A port of its own: crash.spec uses 3280 + n, write-lock.spec 3290 + n, and they may run at the same time.
  const port = 3270 + (Number(process.env.E2E_PORT ?? 3210) % 10);
  const folder = path.resolve(`data/e2e-extra/health-${port}`);
  mkdirSync(folder, { recursive: true });
  const databaseFile = path.join(folder, "not-a-database.db");
  writeFileSync(databaseFile, "this file holds text, not an SQLite database\n".repeat(200));
  const server = await startServer({ port, databaseFile, setUp: false });
  try {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { message: "The database is not answering; try again shortly.", fields: { database: "not answering" } } });
    expect(text).not.toMatch(/SqliteError|at .*\.js|not a database/);
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

// Crash safety: SIGKILL the server while creates are in flight, restart it, and
// check that no run is partial, no acknowledged run is lost, and the file is sound.
// The test makes its own condition: creates keep flowing until enough have been
// acknowledged, the kill comes while others are still pending, and if none were
// cut off after all, it goes again on the same database.
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { startServer, type TestServer } from "../support/server";

/** Creates in flight at once, and the acknowledgements to wait for before the kill. */
const CONCURRENCY = 12;
const ACKNOWLEDGED_BEFORE_KILL = 15;
const MAX_ROUNDS = 5;

interface Round {
  acknowledged: string[];
  cutOff: number;
}

/** Keeps CONCURRENCY creates in flight; kills the server once ACKNOWLEDGED_BEFORE_KILL have been acknowledged. */
async function createUntilKilled(server: TestServer, marker: string): Promise<Round> {
  const acknowledged: string[] = [];
  let cutOff = 0;
  let killed = false;
  let sent = 0;
  let reachedTarget!: () => void;
  const targetReached = new Promise<void>((resolve) => (reachedTarget = resolve));

  const worker = async () => {
    while (!killed) {
      const i = sent++;
      try {
        const response = await fetch(`${server.url}/api/runs`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: `${marker} ${i}`, images: 5 + (i % 40), epochs: 5 + (i % 30), repeats: 10 + (i % 20) }),
        });
        if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
        acknowledged.push((await response.json()).id);
        if (acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) reachedTarget();
      } catch (error) {
        if (!killed) throw error;
        cutOff++; // the connection died with the server: this create was in flight
      }
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, worker);
  try {
    // A worker failing before the kill is a real error: surface it instead of waiting forever.
    await Promise.race([targetReached, Promise.all(workers)]);
  } finally {
    killed = true;
    await server.kill();
  }
  await Promise.all(workers);
  return { acknowledged, cutOff };
}

test("a server killed mid-write leaves only whole runs and a sound database", async () => {
  test.setTimeout(480_000); // up to MAX_ROUNDS server starts on a busy machine
  const port = 3280 + (Number(process.env.E2E_PORT ?? 3210) % 10);
  const marker = `crash-${Date.now()}`;
  let server = await startServer({ port });
  const databaseFile = server.databaseFile;

  const acknowledged: string[] = [];
  let cutOff = 0;
  for (let round = 1; cutOff === 0; round++) {
    expect(round, `creates were still in flight at a kill within ${MAX_ROUNDS} rounds`).toBeLessThanOrEqual(MAX_ROUNDS);
    if (round > 1) server = await startServer({ port, databaseFile });
    const result = await createUntilKilled(server, `${marker} r${round}`);
    acknowledged.push(...result.acknowledged);
    cutOff = result.cutOff;
  }
  expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);
  expect(cutOff).toBeGreaterThan(0);

  const restarted = await startServer({ port, databaseFile });
  try {
    const sqlite = new Database(databaseFile, { readonly: true });
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const partial = sqlite
        .prepare(
          `SELECT r.id, r.epochs, COUNT(c.epoch) AS stored FROM "Run" r LEFT JOIN "Checkpoint" c ON c.runId = r.id
           GROUP BY r.id HAVING stored != r.epochs`,
        )
        .all();
      expect(partial).toEqual([]);
      const orphans = sqlite.prepare(`SELECT COUNT(*) AS n FROM "Checkpoint" c LEFT JOIN "Run" r ON r.id = c.runId WHERE r.id IS NULL`).get() as { n: number };
      expect(orphans.n).toBe(0);
      const stored = new Set((sqlite.prepare(`SELECT id FROM "Run" WHERE name LIKE ?`).all(`${marker}%`) as { id: string }[]).map((row) => row.id));
      for (const id of acknowledged) expect(stored.has(id), `acknowledged run ${id} survives`).toBe(true);
    } finally {
      sqlite.close();
    }
    const response = await fetch(`${restarted.url}/api/runs/${acknowledged[0]}`);
    expect(response.status).toBe(200);
  } finally {
    await restarted.stop();
  }
});

// Crash safety: SIGKILL the server while 200 creates are in flight, restart it,
// and check that no run is partial, no acknowledged run is lost, and the file is sound.
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { startServer } from "../support/server";

test("a server killed mid-write leaves only whole runs and a sound database", async () => {
  test.setTimeout(240_000);
  const port = 3280 + (Number(process.env.E2E_PORT ?? 3210) % 10);
  const server = await startServer({ port });
  const marker = `crash-${Date.now()}`;

  const acknowledged: string[] = [];
  const inFlight = Array.from({ length: 200 }, (_, i) =>
    fetch(`${server.url}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `${marker} ${i}`, images: 5 + (i % 40), epochs: 5 + (i % 30), repeats: 10 + (i % 20) }),
    })
      .then(async (response) => {
        if (response.status === 201) acknowledged.push((await response.json()).id);
        return response.status;
      })
      .catch(() => "cut off"),
  );

  // Kill once some creates have landed and others are still being written.
  const deadline = Date.now() + 30_000;
  while (acknowledged.length < 15 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  await server.kill();
  const outcomes = await Promise.all(inFlight);
  expect(acknowledged.length).toBeGreaterThanOrEqual(15);
  expect(outcomes.filter((outcome) => outcome === "cut off").length, "some creates were still in flight when the server died").toBeGreaterThan(0);

  const restarted = await startServer({ port, databaseFile: server.databaseFile });
  try {
    const sqlite = new Database(server.databaseFile, { readonly: true });
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
      const stored = new Set(
        (sqlite.prepare(`SELECT id FROM "Run" WHERE name LIKE ?`).all(`${marker}%`) as { id: string }[]).map((row) => row.id),
      );
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

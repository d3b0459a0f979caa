// Two app instances on one PostgreSQL behave as one product: both migrate an
// empty database at once (exactly once), creates split across them all land,
// picks and deletes on one are seen on the other.
import { expect, test } from "@playwright/test";
import { readdirSync } from "node:fs";
import pg from "pg";
import { DEMO_RUNS } from "../../prisma/demo-runs";
import { startServer, type TestServer } from "../support/server";

const adminUrl = process.env.E2E_POSTGRES_URL ?? "";
let servers: TestServer[] = [];
let databaseUrl = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const name = `multi_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databaseUrl = adminUrl.replace(/\/[^/]+$/, `/${name}`);
  // Both start at the same moment against the empty database.
  servers = await Promise.all([3261, 3262].map((port) => startServer({ port, env: { DATABASE_URL: databaseUrl } })));
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

test("both instances starting at once migrate the empty database exactly once and add the demo runs once", async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const folders = readdirSync("prisma/postgresql/migrations")
      .filter((name) => /^\d+_/.test(name))
      .sort();
    const applied = (await client.query(`SELECT name FROM "_epoch_lab_migrations" ORDER BY name`)).rows.map((row) => row.name);
    expect(applied).toEqual(folders);
    const runs = Number((await client.query(`SELECT COUNT(*) AS n FROM "Run"`)).rows[0].n);
    expect(runs).toBe(DEMO_RUNS.length);
  } finally {
    await client.end();
  }
});

test("100 concurrent creates split across both instances all land, none twice", async ({ request }) => {
  const marker = `multi-${Date.now()}`;
  const responses = await Promise.all(
    Array.from({ length: 100 }, (_, i) => request.post(`${servers[i % 2].url}/api/runs`, { data: { name: `${marker} ${i}`, images: 5 + (i % 30), epochs: 3 + (i % 8) } })),
  );
  expect(responses.map((response) => response.status())).toEqual(Array(100).fill(201));
  const ids = await Promise.all(responses.map(async (response) => (await response.json()).id as string));
  expect(new Set(ids).size).toBe(100);
  for (const server of servers) {
    const listed = await (await request.get(`${server.url}/api/runs?q=${encodeURIComponent(marker)}&limit=100`)).json();
    expect(listed.runs).toHaveLength(100);
    expect(new Set(listed.runs.map((run: { name: string }) => run.name)).size).toBe(100);
  }
});

test("a run created on one instance is listed, picked and deleted on the other", async ({ request }) => {
  const [a, b] = servers;
  const name = `cross-${Date.now()}`;
  const run = await (await request.post(`${a.url}/api/runs`, { data: { name, images: 12, epochs: 9 } })).json();
  const listed = await (await request.get(`${b.url}/api/runs?q=${encodeURIComponent(name)}`)).json();
  expect(listed.runs.map((r: { id: string }) => r.id)).toEqual([run.id]);

  expect((await request.patch(`${b.url}/api/runs/${run.id}`, { data: { pickedEpoch: 7 } })).status()).toBe(200);
  expect((await (await request.get(`${a.url}/api/runs/${run.id}`)).json()).pickedEpoch).toBe(7);

  expect((await request.delete(`${b.url}/api/runs/${run.id}`)).status()).toBe(204);
  expect((await request.get(`${a.url}/api/runs/${run.id}`)).status()).toBe(404);
});

test("search ignores case on PostgreSQL as on SQLite", async ({ request }) => {
  const name = `CaseCheck-${Date.now()}`;
  await request.post(`${servers[0].url}/api/runs`, { data: { name, images: 6, epochs: 2 } });
  const listed = await (await request.get(`${servers[1].url}/api/runs?q=${encodeURIComponent(name.toLowerCase())}`)).json();
  expect(listed.runs.map((r: { name: string }) => r.name)).toEqual([name]);
});

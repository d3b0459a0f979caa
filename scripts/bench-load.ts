// Load benchmark: the production server over loopback, driven by autocannon with
// 50 connections per route; prints requests/s, p50/p99 latency and errors, then
// each page's first-load JavaScript (gzipped) as the browser downloads it.
import autocannon from "autocannon";
import { gzipSync } from "node:zlib";
import { startServer } from "./lib/server";
import { postgresBinDir, startPostgresCluster } from "./lib/postgres-cluster.mjs";

const CONNECTIONS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

interface RouteResult {
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(title: string, url: string, options: Partial<autocannon.Options> = {}): Promise<RouteResult> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, ...options });
  return {
    route: title,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Sum of the gzipped sizes of the scripts a page loads on first visit. */
async function firstLoadJs(base: string, path: string): Promise<{ path: string; scripts: number; kilobytes: number }> {
  const html = await (await fetch(base + path)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]))];
  let bytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return { path, scripts: sources.length, kilobytes: bytes / 1024 };
}

/** The load figures on SQLite, then (when PostgreSQL is installed) the same on PostgreSQL. */
export async function runLoadBenchmark(): Promise<void> {
  await loadOneDatabase("SQLite", {});
  if (!postgresBinDir()) {
    console.log("\nPostgreSQL is not installed: no PostgreSQL figures (apt-get install postgresql).");
    return;
  }
  const cluster = await startPostgresCluster();
  try {
    await loadOneDatabase("PostgreSQL", { DATABASE_URL: cluster.url }, { pagesToo: false });
  } finally {
    cluster.stop();
  }
}

async function loadOneDatabase(label: string, env: Record<string, string>, { pagesToo = true } = {}): Promise<void> {
  const port = Number(process.env.BENCH_PORT ?? 3400);
  console.log(`\nLoad benchmark on ${label}: production server on port ${port}, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per route`);
  const server = await startServer({ port, env });
  try {
    const base = server.url;
    const runs = (await (await fetch(`${base}/api/runs?limit=5`)).json()).runs as { id: string }[];
    const runId = runs[0].id;
    const json = { method: "POST" as const, headers: { "content-type": "application/json" } };
    let counter = 0;
    const results = [
      await load("GET /api/runs", `${base}/api/runs`),
      await load("GET /api/runs/{id}", `${base}/api/runs/${runId}`),
      await load("POST /api/simulate", `${base}/api/simulate`, { ...json, body: JSON.stringify({ images: 15, seed: 3 }) }),
      await load("POST /api/runs", `${base}/api/runs`, {
        ...json,
        setupClient: (client) => {
          client.setBody(JSON.stringify({ images: 5 + (counter++ % 40), epochs: 10, name: `load ${counter}` }));
        },
      }),
    ];
    console.log("\nroute                 req/s     p50 ms   p99 ms   errors");
    for (const r of results) {
      console.log(`${r.route.padEnd(20)} ${r.requestsPerSecond.toFixed(0).padStart(7)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)}`);
    }

    if (!pagesToo) return;
    const pages = [
      "/",
      "/runs/new",
      `/runs/${runId}`,
      `/runs/${runId}/compare?epochs=4,6,8`,
      `/compare?runs=${runs
        .slice(0, 3)
        .map((r) => r.id)
        .join(",")}`,
      "/playground",
      "/learn",
      "/sweep",
    ];
    console.log("\nfirst-load JavaScript (gzipped, as served)");
    for (const page of pages) {
      const size = await firstLoadJs(base, page);
      console.log(`${size.path.padEnd(48)} ${size.kilobytes.toFixed(1).padStart(7)} KB in ${size.scripts} scripts`);
    }
  } finally {
    await server.stop();
  }
}

if (process.argv[1]?.endsWith("bench-load.ts")) {
  runLoadBenchmark().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

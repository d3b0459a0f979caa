// What users feel, measured side by side on one production server: Lighthouse
// (mobile preset) per page, interaction latency (Event Timing) of the slider and
// Pick interactions, requests/s and p99 of the health route and the read routes
// (autocannon, 50 connections, interleaved rounds), and each page's first-load
// JavaScript. Returns table rows; scripts/bench.ts prints them with the rest.
//   npx tsx --conditions=react-server scripts/bench-web.ts [--no-postgres] [--only=reads,interactions]
// (--only: any of reads, writes, js, interactions, lighthouse; default all of them).
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { LESSONS } from "../lib/learn";
import { startServer } from "./lib/server";
import { postgresBinDir, startPostgresCluster } from "./lib/postgres-cluster.mjs";

export interface BenchRow {
  area: string;
  what: string;
  figure: string;
  goal?: string;
  /** true met, false missed, undefined: no goal. */
  met?: boolean;
  /** One-minute load average when the figure was taken. */
  load: number;
}

const root = path.resolve(__dirname, "..");
const CONNECTIONS = 50;
const ROUND_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1);
const PRESSES = 30;
const START_TIMEOUT_MS = 20 * 60_000;
const PICKS = 20;
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const loadNow = () => os.loadavg()[0];
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};

export interface WebBenchOptions {
  port?: number;
  log?: (line: string) => void;
  /** Also measure the read routes on a throwaway PostgreSQL cluster when PostgreSQL is installed (default true). */
  postgres?: boolean;
  /** Only these parts (default all); the PostgreSQL reads count as part of "reads". */
  only?: readonly WebBenchPart[];
}

export const WEB_BENCH_PARTS = ["reads", "writes", "js", "interactions", "lighthouse"] as const;
export type WebBenchPart = (typeof WEB_BENCH_PARTS)[number];

/** Starts the production server on a throwaway database, adds runs, measures everything and returns the rows. */
export async function runWebBenchmark(options: WebBenchOptions = {}): Promise<BenchRow[]> {
  const port = options.port ?? Number(process.env.BENCH_PORT ?? 3400);
  const log = options.log ?? ((line: string) => console.log(line));
  const wanted = (part: WebBenchPart) => !options.only || options.only.includes(part);
  log(`Web benchmark: production server on port ${port} (builds first if sources changed)…`);
  // A build on a busy machine takes minutes: give the start all the time it needs.
  const server = await startServer({ port, readyTimeoutMs: START_TIMEOUT_MS });
  const rows: BenchRow[] = [];
  try {
    const base = server.url;
    const { runId, otherIds } = await addRuns(base);
    if (wanted("reads")) rows.push(...(await readRoutes(base, runId, "SQLite", log)));
    if (wanted("writes")) rows.push(...(await writeRoutes(base)));

    const pages = [
      { name: "/", path: "/" },
      { name: "/runs/new", path: "/runs/new" },
      { name: "/runs/[id]", path: `/runs/${runId}` },
      { name: "/runs/[id]/compare", path: `/runs/${runId}/compare?epochs=4,8,12` },
      { name: "/compare", path: `/compare?runs=${[runId, ...otherIds.slice(0, 2)].join(",")}` },
      { name: "/playground", path: "/playground" },
      { name: "/sweep", path: "/sweep" },
      { name: "/learn", path: "/learn" },
      { name: "/learn/[lesson]", path: `/learn/${LESSONS[0].id}` },
      { name: "/analysis", path: "/analysis" },
      { name: "/runs/import", path: "/runs/import" },
      { name: "/runs/[id]/review", path: `/runs/${runId}/review` },
      { name: "/review/[id]", path: `/review/${await createReviewSet(base, [runId, otherIds[0]])}` },
    ];
    if (wanted("js")) {
      for (const page of pages) {
        const size = await firstLoadJs(base, page.path);
        rows.push({ area: "first-load JS (gzip)", what: page.name, figure: `${size.kilobytes.toFixed(1)} KB in ${size.scripts} scripts`, load: loadNow() });
      }
    }

    if (wanted("interactions")) rows.push(...(await interactions(base, runId, log)));

    if (wanted("lighthouse")) {
      for (const page of pages) {
        log(`  Lighthouse ${page.name}…`);
        rows.push(await lighthouseRow(base, page));
      }
    }
  } finally {
    await server.stop();
  }

  if (options.postgres !== false && wanted("reads") && postgresBinDir()) {
    log("  the read routes again on a throwaway PostgreSQL cluster…");
    try {
      const cluster = await startPostgresCluster();
      try {
        const pgServer = await startServer({ port: port + 1, env: { DATABASE_URL: cluster.url }, readyTimeoutMs: START_TIMEOUT_MS });
        try {
          const { runId } = await addRuns(pgServer.url);
          rows.push(...(await readRoutes(pgServer.url, runId, "PostgreSQL", log)));
        } finally {
          await pgServer.stop();
        }
      } finally {
        cluster.stop();
      }
    } catch (error) {
      // The SQLite figures stand on their own: report the failure as a row instead of losing the table.
      rows.push({ area: "reads, PostgreSQL", what: "not measured", figure: error instanceof Error ? error.message.split("\n")[0] : String(error), load: loadNow() });
    }
  }
  return rows;
}

/** Thirty more runs beside the demo runs (a full first page), and one 16-epoch run to open. */
async function addRuns(base: string): Promise<{ runId: string; otherIds: string[] }> {
  const create = async (settings: Record<string, unknown>) => {
    const response = await fetch(`${base}/api/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) });
    if (response.status !== 201) throw new Error(`creating a bench run answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  const otherIds: string[] = [];
  for (let i = 0; i < 30; i++) otherIds.push(await create({ name: `Bench run ${i + 1}`, images: 8 + i, epochs: 8 + (i % 12), seed: 100 + i }));
  const runId = await create({ name: "Bench run, 16 epochs", images: 20, repeats: 15, epochs: 16, seed: 7 });
  return { runId, otherIds };
}

/** A blind review of a compare set, so its page is measured like the rest. */
async function createReviewSet(base: string, runIds: string[]): Promise<string> {
  const response = await fetch(`${base}/api/reviews`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ runs: runIds }) });
  if (!response.ok) throw new Error(`creating a bench review answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

interface LoadFigure {
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

async function load(url: string, extra: Partial<autocannon.Options> = {}): Promise<LoadFigure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: ROUND_SECONDS, ...extra });
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

/** Health and each read route in interleaved rounds, so all of them see the same machine; reads are compared with health. */
async function readRoutes(base: string, runId: string, database: string, log: (line: string) => void): Promise<BenchRow[]> {
  const routes = [
    { what: "GET /api/health", url: `${base}/api/health` },
    { what: "GET /api/runs?limit=20", url: `${base}/api/runs?limit=20` },
    { what: "GET /api/runs/{id}", url: `${base}/api/runs/${runId}` },
  ];
  log(`  ${database}: ${routes.length} routes × ${ROUNDS} rounds of ${ROUND_SECONDS} s, ${CONNECTIONS} connections…`);
  for (const route of routes) await load(route.url, { duration: 1 }); // warm-up
  const figures = routes.map(() => [] as LoadFigure[]);
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, route] of routes.entries()) figures[index].push(await load(route.url));
    loads.push(loadNow());
  }
  const rate = (index: number) => median(figures[index].map((figure) => figure.requestsPerSecond));
  const health = rate(0);
  return routes.map((route, index) => {
    const requestsPerSecond = rate(index);
    const p99 = median(figures[index].map((figure) => figure.p99));
    const errors = figures[index].reduce((sum, figure) => sum + figure.errors, 0);
    const share = requestsPerSecond / health;
    return {
      area: `reads, ${database}`,
      what: route.what,
      figure: `${Math.round(requestsPerSecond)} req/s, p99 ${p99} ms${index > 0 ? `, ${Math.round(share * 100)}% of health` : ""}${errors ? `, ${errors} errors` : ""}`,
      goal: index > 0 ? "≥ 70% of health" : undefined,
      met: index > 0 ? share >= 0.7 && errors === 0 : undefined,
      load: median(loads),
    };
  });
}

/** The two POST routes, one round each (no goal: they simulate, and one of them writes). */
async function writeRoutes(base: string): Promise<BenchRow[]> {
  const json = { method: "POST" as const, headers: { "content-type": "application/json" } };
  let counter = 0;
  const simulateFigure = await load(`${base}/api/simulate`, { ...json, body: JSON.stringify({ images: 15, seed: 3 }) });
  const createFigure = await load(`${base}/api/runs`, {
    ...json,
    setupClient: (client) => client.setBody(JSON.stringify({ images: 5 + (counter++ % 40), epochs: 10, name: `load ${counter}` })),
  });
  return [
    { what: "POST /api/simulate", figure: simulateFigure },
    { what: "POST /api/runs (stores a run)", figure: createFigure },
  ].map(({ what, figure }) => ({
    area: "writes, SQLite",
    what,
    figure: `${Math.round(figure.requestsPerSecond)} req/s, p99 ${figure.p99} ms${figure.errors ? `, ${figure.errors} errors` : ""}`,
    load: loadNow(),
  }));
}

/** Sum of the gzipped sizes of the scripts a page loads on first visit. */
async function firstLoadJs(base: string, pagePath: string): Promise<{ scripts: number; kilobytes: number }> {
  const html = await (await fetch(base + pagePath)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]))];
  let bytes = 0;
  for (const source of sources) bytes += gzipSync(Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer())).length;
  return { scripts: sources.length, kilobytes: bytes / 1024 };
}

/** Records every Event Timing entry of 16 ms or more, from the start of the page. */
function observeEvents() {
  const store = window as unknown as { __benchEvents: { interactionId: number; duration: number }[] };
  store.__benchEvents = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
      if (entry.interactionId) store.__benchEvents.push({ interactionId: entry.interactionId, duration: entry.duration });
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true } as PerformanceObserverInit);
}

/** Resolves after the next frame has been produced (the paint that follows the last input). */
async function nextFrame(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/**
 * Latency of each of `count` interactions: the longest event of the interaction,
 * or 16 ms (the observer's floor) for those with no entry because they took less.
 */
async function latencies(page: Page, count: number, interact: (index: number) => Promise<void>): Promise<number[]> {
  await page.evaluate(() => ((window as unknown as { __benchEvents: unknown[] }).__benchEvents = []));
  for (let index = 0; index < count; index++) {
    await interact(index);
    await nextFrame(page);
  }
  // Let the last interactions' entries arrive.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));
  const events = await page.evaluate(() => (window as unknown as { __benchEvents: { interactionId: number; duration: number }[] }).__benchEvents);
  const byInteraction = new Map<number, number>();
  for (const event of events) byInteraction.set(event.interactionId, Math.max(byInteraction.get(event.interactionId) ?? 0, event.duration));
  const measured = [...byInteraction.values()];
  return [...measured, ...Array.from({ length: Math.max(0, count - measured.length) }, () => 16)];
}

function latencyRow(what: string, values: number[]): BenchRow {
  const p50 = percentile(values, 0.5);
  const p98 = percentile(values, 0.98);
  const shown = (ms: number) => (ms <= 16 ? "≤ 16" : String(Math.round(ms)));
  return { area: "interaction (Event Timing)", what, figure: `p50 ${shown(p50)} ms, p98 ${shown(p98)} ms (n=${values.length})`, goal: "p98 ≤ 50 ms", met: p98 <= 50, load: loadNow() };
}

/** The three interactions of the issue, in Chromium at 1280 × 800 with no throttling. */
async function interactions(base: string, runId: string, log: (line: string) => void): Promise<BenchRow[]> {
  log("  interactions in Chromium…");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(observeEvents);
    const page = await context.newPage();
    const rows: BenchRow[] = [];
    // The playground, once its chart has drawn a line (the slider's work shows there).
    const openPlayground = async () => {
      await page.goto(`${base}/playground`);
      await page
        .getByRole("img", { name: /^Quality, fidelity/ })
        .locator("[data-series]")
        .first()
        .waitFor({ state: "attached" });
    };

    await openPlayground();
    const repeats = page.getByRole("slider", { name: "Repeats" });
    await repeats.focus();
    rows.push(latencyRow(`playground "Repeats" slider, ${PRESSES} × →`, await latencies(page, PRESSES, () => page.keyboard.press("ArrowRight"))));

    await openPlayground();
    const epochs = page.getByRole("slider", { name: "Epochs" });
    await epochs.focus();
    const start = Number(await epochs.inputValue());
    const presses = Math.max(1, 40 - start);
    rows.push(latencyRow(`playground "Epochs" slider, ${start} → 40`, await latencies(page, presses, () => page.keyboard.press("ArrowRight"))));
    const reached = await page.getByRole("textbox", { name: "Epochs, exact value" }).inputValue();
    if (reached !== "40") log(`  (the epochs slider ended at ${reached}, not 40)`);

    await page.goto(`${base}/runs/${runId}`);
    await page
      .getByRole("img", { name: /^Scores per epoch/ })
      .locator("[data-series]")
      .first()
      .waitFor({ state: "attached" });
    rows.push(
      latencyRow(
        `run page Pick buttons, ${PICKS} clicks`,
        await latencies(page, PICKS, async (index) => {
          const epoch = 1 + ((index * 5) % 16);
          const button = page.getByRole("button", { name: new RegExp(`^(Pick|Unpick) epoch ${epoch}$`) });
          // A plain mouse click at the button: locator.click() also runs Playwright's own hit-target
          // checks inside the page's pointer events, which would count in the measured latency.
          await button.scrollIntoViewIfNeeded();
          const box = (await button.boundingBox())!;
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        }),
      ),
    );
    await context.close();
    return rows;
  } finally {
    await browser.close();
  }
}

interface LighthouseResult {
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

function lighthouse(url: string): Promise<LighthouseResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, "node_modules", ".bin", "lighthouse"),
      [url, "--only-categories=performance", "--output=json", "--output-path=stdout", "--quiet", "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage"],
      { env: { ...process.env, ...(CHROMIUM ? { CHROME_PATH: CHROMIUM } : {}) }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code}: ${err.slice(-500)}`));
      try {
        const report = JSON.parse(out) as { categories: { performance: { score: number } }; audits: Record<string, { numericValue: number }> };
        resolve({
          score: Math.round(report.categories.performance.score * 100),
          lcpMs: report.audits["largest-contentful-paint"].numericValue,
          tbtMs: report.audits["total-blocking-time"].numericValue,
          cls: report.audits["cumulative-layout-shift"].numericValue,
        });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART, NO_FCP) on a busy machine: such a run is taken again, up to twice. */
async function lighthouseRetrying(url: string): Promise<LighthouseResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouse(url);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= 3 || !/NO_NAVSTART|NO_FCP|NO_LCP|Please run Lighthouse again/.test(message)) throw error;
    }
  }
}

async function lighthouseRow(base: string, page: { name: string; path: string }): Promise<BenchRow> {
  const results: LighthouseResult[] = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) results.push(await lighthouseRetrying(base + page.path));
  const middle = [...results].sort((a, b) => a.score - b.score)[Math.floor(results.length / 2)];
  const runs = results.length > 1 ? ` (median of ${results.length}: ${results.map((r) => r.score).join(", ")})` : "";
  return {
    area: "Lighthouse, mobile",
    what: page.name,
    figure: `${middle.score}: LCP ${(middle.lcpMs / 1000).toFixed(1)} s, TBT ${Math.round(middle.tbtMs)} ms, CLS ${middle.cls.toFixed(2)}${runs}`,
    goal: "≥ 90",
    met: middle.score >= 90,
    load: loadNow(),
  };
}

/** The rows as one table. */
export function formatTable(rows: BenchRow[]): string {
  const head = ["area", "measure", "figure", "goal", "", "load 1 min"];
  const cells = rows.map((row) => [row.area, row.what, row.figure, row.goal ?? "", row.met === undefined ? "" : row.met ? "met" : "MISSED", row.load.toFixed(2)]);
  const widths = head.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const line = (values: string[]) =>
    values
      .map((value, column) => value.padEnd(widths[column]))
      .join("  ")
      .trimEnd();
  return [line(head), widths.map((width) => "-".repeat(width)).join("  "), ...cells.map(line)].join("\n");
}

if (process.argv[1]?.endsWith("bench-web.ts")) {
  const only = process.argv
    .find((arg) => arg.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",")
    .filter((part): part is WebBenchPart => (WEB_BENCH_PARTS as readonly string[]).includes(part));
  runWebBenchmark({ postgres: !process.argv.includes("--no-postgres"), only })
    .then((rows) => {
      console.log(`\n${formatTable(rows)}`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

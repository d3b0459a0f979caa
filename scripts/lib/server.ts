// Starts a production server of the app on its own port and throwaway database
// (building first if the sources changed): for tests that need a server of their
// own (write lock, crash) and for the benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export interface TestServer {
  url: string;
  databaseFile: string;
  /** Stops the server gracefully. */
  stop(): Promise<void>;
  /** Kills the server and all its processes at once (SIGKILL), as a power cut would. */
  kill(): Promise<void>;
}

export interface StartServerOptions {
  port: number;
  env?: Record<string, string>;
  databaseFile?: string;
  /**
   * false: serve the existing build at once (`next start`), skipping migrations and
   * the demo runs, e.g. on a database file that cannot work; the server counts as
   * started when it answers GET /api/health at all. Default true (scripts/start.mjs).
   */
  setUp?: boolean;
  /** How long the start may take, build included (default 120 s). */
  readyTimeoutMs?: number;
}

export async function startServer(options: StartServerOptions): Promise<TestServer> {
  const setUp = options.setUp ?? true;
  const databaseFile = options.databaseFile ?? path.resolve(`data/e2e-extra/${options.port}-${Date.now()}.db`);
  if (!options.databaseFile) {
    mkdirSync(path.dirname(databaseFile), { recursive: true });
    rmSync(databaseFile, { force: true });
  }
  const command = setUp ? ["scripts/start.mjs"] : [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(options.port)];
  const child = spawn("node", command, {
    env: { ...process.env, PORT: String(options.port), DATABASE_URL: `file:${databaseFile}`, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${options.port}`;
  // Never outlive the test or benchmark process, even when it is aborted mid-start.
  const killOnExit = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", killOnExit);
  try {
    await waitUntilReady(url, child, () => output, setUp, options.readyTimeoutMs ?? 120_000);
  } catch (error) {
    killOnExit();
    throw error;
  }
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    databaseFile,
    async stop() {
      signalGroup("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      signalGroup("SIGKILL");
    },
    async kill() {
      signalGroup("SIGKILL");
      await exited;
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, needsData: boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output()}`);
    try {
      const response = await fetch(needsData ? `${url}/api/runs?limit=1` : `${url}/api/health`);
      if (response.ok || !needsData) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not start in time:\n${output()}`);
}

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

export async function startServer(options: { port: number; env?: Record<string, string>; databaseFile?: string }): Promise<TestServer> {
  const databaseFile = options.databaseFile ?? path.resolve(`data/e2e-extra/${options.port}-${Date.now()}.db`);
  if (!options.databaseFile) {
    mkdirSync(path.dirname(databaseFile), { recursive: true });
    rmSync(databaseFile, { force: true });
  }
  const child = spawn("node", ["scripts/start.mjs"], {
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
    await waitUntilReady(url, child, () => output);
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

async function waitUntilReady(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/runs?limit=1`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not start in time:\n${output()}`);
}

// `npm start` as a user sees it in the terminal: a busy port is one clear line,
// and the start-up output carries no ORM warning about the unused `url` property.
import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

function startScript(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ["scripts/start.mjs", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

function listenOnFreePort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

test("a port in use is said in one line, with how to choose another", async () => {
  const { server, port } = await listenOnFreePort();
  try {
    const start = startScript({ PORT: String(port) });
    expect(await start.exited).toBe(1);
    const lines = start.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Port ${port} is already in use`);
    expect(lines[0]).toContain("PORT=");
    expect(start.output()).not.toContain("EADDRINUSE");
  } finally {
    server.close();
  }
});

test("a first start on a new database prints no warning about the datasource url", async () => {
  test.slow();
  const folder = mkdtempSync(path.join(tmpdir(), "epoch-lab-start-"));
  const { server, port } = await listenOnFreePort();
  server.close();
  // `npm run dev` runs the same set-up steps without a production build (which a test must not redo).
  const start = startScript({ PORT: String(port), DATABASE_URL: `file:${path.join(folder, "start.db")}` }, ["--dev"]);
  try {
    // The migrations are the step that printed the warning; stop once they are done.
    await expect.poll(() => start.output(), { timeout: 80_000 }).toContain("Adding demo runs");
    expect(start.output()).toContain("Applying database migrations");
    expect(start.output()).toContain("All migrations have been successfully applied");
    expect(start.output()).not.toContain("WARNING");
    expect(start.output()).not.toMatch(/datasource properties/i);
  } finally {
    start.child.kill("SIGTERM");
    await start.exited;
    rmSync(folder, { recursive: true, force: true });
  }
});

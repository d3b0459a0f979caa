// A throwaway PostgreSQL cluster in a temporary folder on a loopback port, from
// Debian's `postgresql` package: for the PostgreSQL tests, benchmarks and SQL
// migration diffs. As root it runs the server as the `postgres` user.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBinDir() {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return path.join(root, versions[0], "bin");
  }
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return found ? path.dirname(found) : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster and creates the database `epoch_lab` in it.
 * @returns {Promise<{ url: string, port: number, stop: () => void }>}
 */
export async function startPostgresCluster({ port } = {}) {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql");
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "epoch-lab-pg-"));
  const run = (command, args) => {
    const full = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    execFileSync(full[0], full[1], { stdio: ["ignore", "pipe", "pipe"] });
  };
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), Number(execFileSync("id", ["-g", "postgres"]).toString().trim()));
  const listenPort = port ?? (await freePort());
  run(path.join(bin, "initdb"), ["-D", dir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  run(path.join(bin, "pg_ctl"), [
    "-D",
    dir,
    "-l",
    path.join(dir, "server.log"),
    "-o",
    `-p ${listenPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    "-w",
    "start",
  ]);
  const stop = () => {
    try {
      run(path.join(bin, "pg_ctl"), ["-D", dir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync("psql", ["-h", "127.0.0.1", "-p", String(listenPort), "-U", "postgres", "-d", "postgres", "-q", "-c", "CREATE DATABASE epoch_lab"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgresql://postgres@127.0.0.1:${listenPort}/epoch_lab`, port: listenPort, stop };
}

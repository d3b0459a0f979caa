#!/usr/bin/env node
// npm run test:pg — the API tests and the multi-instance tests against a real
// PostgreSQL: a throwaway cluster in a temporary folder on a loopback port,
// started here and stopped afterwards. Needs Debian's `postgresql` package.
import { spawnSync } from "node:child_process";
import { postgresBinDir, startPostgresCluster } from "./lib/postgres-cluster.mjs";

if (!postgresBinDir()) {
  // CI must run them; on a developer's machine without PostgreSQL they are skipped loudly.
  const message = "PostgreSQL is not installed (apt-get install -y postgresql): the PostgreSQL tests did not run.";
  if (process.env.CI) {
    console.error(`✖ ${message}`);
    process.exit(1);
  }
  console.warn(`⚠ ${message}`);
  process.exit(0);
}
const cluster = await startPostgresCluster();
console.log(`▸ PostgreSQL test cluster at ${cluster.url}`);
let status = 1;
try {
  const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, E2E_POSTGRES_URL: cluster.url, E2E_PORT: process.env.E2E_PORT ?? "3220" },
  });
  status = result.status ?? 1;
} finally {
  cluster.stop();
}
process.exit(status);

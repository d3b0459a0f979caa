// What a production build is made from, for `npm start`'s "rebuild when the
// sources changed" check. Derived from the project folder rather than listed, so
// a new source file or folder (a proxy.ts, an instrumentation.ts, components/)
// counts without anyone remembering to add it: everything is an input except
// what the served app never reads.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Top-level folders the served app never reads: dependencies, build output, data, tests, docs, scripts. */
export const NOT_BUILD_INPUTS = new Set(["node_modules", "data", "out", "test-results", "playwright-report", "blob-report", "coverage", "e2e", "tests", "docs", "scripts", "tmp"]);

/** Files that never change what is served: docs, unit tests, the TypeScript build cache. */
function isBuildInputFile(name) {
  return !/\.(md|test\.tsx?|tsbuildinfo)$/.test(name) && !/\.(db|db-journal|db-wal|db-shm)$/.test(name);
}

/**
 * Every file of the project that a build reads, under `root`. Hidden entries
 * (.git, .next and any NEXT_DIST_DIR starting with a dot, .env files) and the
 * folders of NOT_BUILD_INPUTS are left out, as is `distDir`.
 */
export function buildInputFiles(root, distDir = ".next") {
  const files = [];
  const skipTop = new Set([...NOT_BUILD_INPUTS, distDir.replace(/^\.\//, "").split("/")[0]]);
  const visit = (folder, top) => {
    for (const name of readdirSync(folder)) {
      if (name.startsWith(".") || name === "node_modules") continue;
      if (top && skipTop.has(name)) continue;
      const full = path.join(folder, name);
      const stats = statSync(full);
      if (stats.isDirectory()) visit(full, false);
      else if (isBuildInputFile(name)) files.push(full);
    }
  };
  if (existsSync(root)) visit(root, true);
  return files;
}

/** Newest modification time of the build inputs under `root` (0 when there are none). */
export function newestBuildInputMtime(root, distDir = ".next") {
  let newest = 0;
  for (const file of buildInputFiles(root, distDir)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

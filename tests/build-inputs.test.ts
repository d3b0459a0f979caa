import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildInputFiles } from "../scripts/lib/build-inputs.mjs";

const root = mkdtempSync(path.join(tmpdir(), "build-inputs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function touch(file: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), "x");
}

describe("buildInputFiles", () => {
  it("counts every source of the app, root files and new folders included, and nothing the app never reads", () => {
    const inputs = [
      "app/page.tsx",
      "lib/server/db.ts",
      "proxy.ts",
      "instrumentation.ts",
      "components/button.tsx",
      "next.config.js",
      "package.json",
      "package-lock.json",
      "tsconfig.json",
      "prisma/schema.prisma",
      "generated/prisma/client.ts",
    ];
    const others = [
      "node_modules/next/index.js",
      ".next/BUILD_ID",
      ".next-e2e/BUILD_ID",
      ".git/HEAD",
      "data/epoch-lab.db",
      "e2e/a.spec.ts",
      "tests/a.test.ts",
      "docs/simulator.md",
      "scripts/start.mjs",
      "README.md",
      "lib/db.test.ts",
      "tsconfig.tsbuildinfo",
      "test-results/x.png",
    ];
    for (const file of [...inputs, ...others]) touch(file);
    const found = buildInputFiles(root).map((file) => path.relative(root, file).split(path.sep).join("/"));
    expect(found.sort()).toEqual(inputs.sort());
  });

  it("leaves out a build folder named by NEXT_DIST_DIR", () => {
    touch("build-out/BUILD_ID");
    const found = buildInputFiles(root, "build-out").map((file) => path.relative(root, file));
    expect(found.some((file) => file.startsWith("build-out"))).toBe(false);
  });

  it("finds the real project's app, lib and configuration", () => {
    const found = new Set(buildInputFiles(process.cwd()).map((file) => path.relative(process.cwd(), file).split(path.sep).join("/")));
    for (const file of ["app/layout.tsx", "lib/server/db.ts", "next.config.js", "package.json", "tsconfig.json", "prisma/schema.prisma"]) expect(found.has(file), file).toBe(true);
  });
});

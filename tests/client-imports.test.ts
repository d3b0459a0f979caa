// What the heavier pages' browser code loads with the page: their client
// components must not reach the settings' validation (zod) or the import
// readers (the TensorBoard protobuf decoder) through a static import, or every
// visit pays for parsing and running them. Follows static imports from each
// entry file (type-only imports and dynamic import() are not loaded with the
// page, so they are left out, as are server action modules: the browser gets
// references to them, not their code).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ENTRIES = [
  "app/analysis/parallel-coordinates.tsx",
  "app/analysis/strength-grid-keys.tsx",
  "app/analysis/population-form-shell.tsx",
  "app/analysis/run-picker.tsx",
  "app/runs/[id]/review/review-board.tsx",
  "app/review/[id]/set-review-board.tsx",
  "app/runs/import/import-folder.tsx",
];

/** Modules no entry may load with its page, and why. */
const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /^zod(\/|$)/, why: "zod: the settings' validation runs on the server" },
  { pattern: /^lib\/sim\/schema\.ts$/, why: "the settings schema (zod)" },
  { pattern: /^lib\/import\/(index|plan|proto\/.*)\.(ts|js)$/, why: "the import readers load when a folder is chosen" },
];

/** Static imports and re-exports of a module, without `import type` / `export type`. */
function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm)) if (!match[1]) specifiers.push(match[2]);
  return specifiers;
}

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return specifier; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}/index.ts`, `${base}/index.tsx`]) if (/\.(tsx?|js)$/.test(candidate) && existsSync(candidate)) return candidate;
  return null; // CSS modules and other assets
}

/** Every module `entry` loads statically, with the chain that reaches it. */
function loadedBy(entry: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!/\.(tsx?|js)$/.test(file) || !existsSync(file)) continue;
    const source = readFileSync(file, "utf8");
    // A server action module reaches the browser as references to call, not as code.
    if (file !== entry && /^(\s*\/\/.*\n)*\s*["']use server["']/.test(source)) continue;
    for (const specifier of staticImports(source)) {
      const target = resolve(file, specifier);
      if (!target || chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, target]);
      queue.push(target);
    }
  }
  return chains;
}

describe("browser code of the analysis, review and import pages", () => {
  for (const entry of ENTRIES) {
    it(`${entry} loads no validation or import readers with the page`, () => {
      const loaded = loadedBy(entry);
      expect(loaded.size).toBeGreaterThan(1);
      for (const [module, chain] of loaded) {
        for (const { pattern, why } of FORBIDDEN) expect(pattern.test(module), `${why}: ${chain.join(" → ")}`).toBe(false);
      }
    });
  }

  it("notices a forbidden module (the check itself works)", () => {
    const loaded = loadedBy("lib/runs/review-schemas.ts");
    expect([...loaded.keys()].some((module) => FORBIDDEN.some(({ pattern }) => pattern.test(module)))).toBe(true);
  });
});

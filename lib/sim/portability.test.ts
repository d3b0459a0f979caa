// The simulator runs in the browser (playground) as well as on the server, and
// a run must replay identically in both: these tests hold lib/sim to that.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { simulate } from "./simulate";
import type { SimulateOptions, SimulationResult } from "./types";
import type { SettingsInput } from "./schema";

const SIM_DIR = fileURLToPath(new URL(".", import.meta.url));

/** The simulator's own sources: everything in lib/sim except tests and test helpers. */
function simulatorSources(): Array<{ path: string; text: string }> {
  return readdirSync(SIM_DIR, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !path.endsWith(".test.ts") && !path.split(/[\\/]/).includes("test"))
    .map((path) => ({ path, text: readFileSync(join(SIM_DIR, path), "utf8") }));
}

/** Module specifiers a source imports or re-exports. */
function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/g)) specifiers.push(match[1]);
  for (const match of text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)|\brequire\s*\(\s*["']([^"']+)["']\s*\)/g)) {
    specifiers.push(match[1] ?? match[2]);
  }
  return specifiers;
}

const CASES: Array<{ input: SettingsInput; options?: SimulateOptions }> = [
  { input: { images: 10, seed: 1 } },
  { input: { images: 25, repeats: 12, epochs: 8, learningRate: 2e-4, seed: 2 ** 31 - 1 } },
  { input: { images: 6, epochs: 20, batchSize: 2, captionQuality: 0.2, textEncoderLearningRate: 5e-5, datasetSimilarity: 0.9, seed: 0 } },
  { input: { images: 100, repeats: 30, epochs: 10, seed: 123456 }, options: { batchRule: "sqrt" } },
  { input: { images: 1, repeats: 1, epochs: 100, batchSize: 32, learningRate: 0.01, seed: 99 } },
  { input: { name: "  browser run ", images: 1000, repeats: 100, epochs: 3, seed: 7 }, options: { lossCurve: false } },
];

describe("lib/sim sources", () => {
  const sources = simulatorSources();

  it("are found (the scan below is not vacuous)", () => {
    expect(sources.map((s) => s.path).sort()).toEqual(expect.arrayContaining(["advise.ts", "index.ts", "model.ts", "random.ts", "schema.ts", "simulate.ts", "types.ts"]));
  });

  it("import only each other and zod: no next, react, prisma, node: or other packages", () => {
    for (const { path, text } of sources) {
      for (const specifier of importsOf(text)) {
        expect(specifier.startsWith("./") || specifier === "zod", `${path} imports ${specifier}`).toBe(true);
      }
    }
    // The scanner itself must see forbidden imports.
    expect(importsOf('import { x } from "next/server";\nexport * from "node:fs";\nconst y = require("react");')).toEqual(["next/server", "node:fs", "react"]);
  });

  it("never call Math.random, touch the DOM or read the environment", () => {
    const forbidden = /\bMath\.random\b|\bwindow\.|\bdocument\.|\blocalStorage\b|\bnavigator\.|\bprocess\.|\bDate\.now\b|\bperformance\.now\b/;
    for (const { path, text } of sources) {
      const code = text.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
      expect(code.match(forbidden)?.[0], relative(SIM_DIR, join(SIM_DIR, path))).toBeUndefined();
    }
  });
});

describe("the browser bundle of lib/sim", () => {
  it("gives exactly the Node output in a bare JavaScript realm (no require, process or DOM)", async () => {
    const bundle = await build({
      entryPoints: [join(SIM_DIR, "index.ts")],
      bundle: true,
      write: false,
      platform: "browser",
      format: "iife",
      globalName: "EpochSim",
      target: "es2022",
      logLevel: "silent",
    });
    const code = bundle.outputFiles[0].text;

    // Only what every browser has and the simulator may use: crypto for seeds, nothing else.
    const context = vm.createContext({ crypto: globalThis.crypto });
    vm.runInContext(code, context, { filename: "epoch-sim.browser.js" });
    expect(vm.runInContext("typeof require + typeof process + typeof window + typeof document", context)).toBe("undefinedundefinedundefinedundefined");

    const browserSimulate = (input: SettingsInput, options?: SimulateOptions) => {
      context.__input = JSON.stringify(input);
      context.__options = JSON.stringify(options ?? {});
      return JSON.parse(vm.runInContext("JSON.stringify(EpochSim.simulate(JSON.parse(__input), JSON.parse(__options)))", context) as string) as SimulationResult;
    };
    for (const { input, options } of CASES) {
      const inBrowser = browserSimulate(input, options);
      const inNode = JSON.parse(JSON.stringify(simulate(input, options))) as SimulationResult;
      expect(inBrowser).toEqual(inNode);
      expect(inBrowser.checkpoints.length).toBeGreaterThan(0);
    }

    // The bundle's own random seed comes from the realm's crypto and is replayable.
    const seeded = JSON.parse(vm.runInContext("JSON.stringify(EpochSim.simulate({ images: 12 }))", context) as string) as SimulationResult;
    expect(JSON.parse(JSON.stringify(simulate(seeded.settings)))).toEqual(seeded);
  }, 30_000);
});

// npm run bench: every benchmark in sequence, each printing its figures.
// The simulator's benchmark (scripts/bench-sim.ts) runs when present.
import { existsSync } from "node:fs";
import path from "node:path";
import { runListBenchmark } from "./bench-list";

async function main() {
  const simBench = path.join(__dirname, "bench-sim.ts");
  if (existsSync(simBench)) {
    const { runSimulatorBenchmark } = (await import(simBench)) as { runSimulatorBenchmark?: () => unknown };
    if (typeof runSimulatorBenchmark === "function") {
      await runSimulatorBenchmark();
      console.log("");
    }
  }
  await runListBenchmark();
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error("Benchmark failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });

// npm run bench: every benchmark in sequence, each printing its figures.
// Simulator speed, the runs list at 10,000 runs, then load over HTTP (SQLite, and
// PostgreSQL when installed) with each page's first-load JavaScript.
import { existsSync } from "node:fs";
import path from "node:path";
import { runListBenchmark } from "./bench-list";
import { runLoadBenchmark } from "./bench-load";

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
  console.log("");
  await runLoadBenchmark();
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error("Benchmark failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });

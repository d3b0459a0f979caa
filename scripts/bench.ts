// npm run bench: every benchmark in one run, printed as ONE table with the
// machine's load average beside each figure (a busy machine makes them noisy):
// simulator speed, sweep computation, the runs list at 10,000 runs, then on one
// production server: health versus the read routes (autocannon), the write
// routes, first-load JavaScript, interaction latency and Lighthouse per page
// (scripts/bench-web.ts), the read routes on PostgreSQL when installed, and a
// trainer-folder import through the API with the server's memory (scripts/bench-import.ts).
// Progress goes to stderr; the table to stdout.
import os from "node:os";
import { IMPORT_RSS_GOAL_MB, runImportBenchmark } from "./bench-import";
import { runListBenchmark } from "./bench-list";
import { runSimulatorBenchmark } from "./bench-sim";
import { benchSweep } from "./bench-sweep";
import { formatTable, runWebBenchmark, type BenchRow } from "./bench-web";

const progress = (line: string) => console.error(line);
const loadNow = () => os.loadavg()[0];

async function main() {
  const startLoad = os.loadavg();
  const rows: BenchRow[] = [];

  const sim = runSimulatorBenchmark(progress);
  const simLoad = loadNow();
  rows.push(
    {
      area: "simulator (CPU time)",
      what: "10-epoch run, no loss curve",
      figure: `${Math.round(sim.runsPerSecond).toLocaleString("en-US")} runs/s`,
      goal: "≥ 100,000 runs/s",
      met: sim.runsPerSecond >= 100_000,
      load: simLoad,
    },
    { area: "simulator (CPU time)", what: "10-epoch run, with loss curve", figure: `${Math.round(sim.runsPerSecondWithCurve).toLocaleString("en-US")} runs/s`, load: simLoad },
    { area: "simulator (CPU time)", what: "loss curve of a 30,000-step run", figure: `${sim.curveMs30kSteps.toFixed(3)} ms`, goal: "≤ 2 ms", met: sim.curveMs30kSteps <= 2, load: simLoad },
  );
  for (const figure of benchSweep()) {
    rows.push({ area: "sweep (wall time)", what: figure.name, figure: `${figure.medianMs.toFixed(1)} ms, ${figure.runsPerSecond.toLocaleString("en-US")} runs/s`, load: loadNow() });
  }

  const list = await runListBenchmark({ log: progress });
  const listLoad = loadNow();
  const first = list.inProcess[0];
  if (first)
    rows.push({
      area: `runs list, ${list.runs.toLocaleString("en-US")} runs`,
      what: `listRuns: ${first.label}`,
      figure: `median ${first.medianMs.toFixed(1)} ms, p95 ${first.p95Ms.toFixed(1)} ms`,
      load: listLoad,
    });
  for (const timing of list.http) {
    const target = timing.label.startsWith("GET / ") ? 150 : timing.label.startsWith("GET /api/runs ") ? 50 : undefined;
    rows.push({
      area: `runs list, ${list.runs.toLocaleString("en-US")} runs`,
      what: timing.label,
      figure: `median ${timing.medianMs.toFixed(1)} ms, p95 ${timing.p95Ms.toFixed(1)} ms`,
      goal: target ? `median < ${target} ms` : undefined,
      met: target ? timing.medianMs < target : undefined,
      load: listLoad,
    });
  }

  rows.push(...(await runWebBenchmark({ log: progress })));

  const imported = await runImportBenchmark(progress);
  const importLoad = loadNow();
  rows.push(
    { area: "import (20 × 8 PNG, 30,000-step log)", what: "planImport", figure: `${imported.planMs.toFixed(0)} ms`, load: importLoad },
    { area: "import (20 × 8 PNG, 30,000-step log)", what: `POST /api/imports, ${imported.megabytes.toFixed(0)} MB`, figure: `${(imported.uploadMs / 1000).toFixed(1)} s wall time`, load: importLoad },
    {
      area: "import (20 × 8 PNG, 30,000-step log)",
      what: "server peak RSS increase",
      figure: `${imported.peakRssIncreaseMb.toFixed(0)} MB`,
      goal: `< ${IMPORT_RSS_GOAL_MB} MB`,
      met: imported.peakRssIncreaseMb < IMPORT_RSS_GOAL_MB,
      load: importLoad,
    },
  );

  const endLoad = os.loadavg();
  const format = (load: number[]) => load.map((value) => value.toFixed(2)).join(" ");
  console.log(
    `\nEpoch Lab benchmark, ${new Date().toISOString()}: ${os.cpus().length} CPUs, Node ${process.version}; ` +
      `load average (1, 5, 15 min) ${format(startLoad)} at the start, ${format(endLoad)} at the end\n`,
  );
  console.log(formatTable(rows));
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error("Benchmark failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });

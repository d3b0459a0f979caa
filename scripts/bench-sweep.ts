// Sweep benchmark: how long a heatmap takes to compute, for the default
// 20 × 20 sweep and the slowest case (30 × 30 with 100 epochs). Prints figures.
//   npx tsx scripts/bench-sweep.ts
import { PLAYGROUND_DEFAULTS } from "../lib/playground";
import { computeSweep, DEFAULT_SWEEP, type SweepSpec } from "../lib/sweep";

export interface SweepBenchFigure {
  name: string;
  cells: number;
  medianMs: number;
  runsPerSecond: number;
}

const CASES: { name: string; spec: SweepSpec }[] = [
  { name: "20 × 20, LR × epochs 1–20 (default)", spec: DEFAULT_SWEEP },
  { name: "20 × 20, images × repeats, 10 epochs", spec: { ...DEFAULT_SWEEP, x: { key: "images", from: 3, to: 100 }, y: { key: "repeats", from: 5, to: 40 } } },
  {
    name: "30 × 30, LR × epochs 1–100 (slowest)",
    spec: { ...DEFAULT_SWEEP, steps: 30, y: { key: "epochs", from: 1, to: 100 }, base: { ...PLAYGROUND_DEFAULTS, repeats: 100 } },
  },
];

/** Times each case `repeat` times after a warm-up and returns the median. */
export function benchSweep(repeat = 15): SweepBenchFigure[] {
  return CASES.map(({ name, spec }) => {
    computeSweep(spec);
    const times: number[] = [];
    let cells = 0;
    for (let i = 0; i < repeat; i++) {
      const start = performance.now();
      const grid = computeSweep(spec);
      times.push(performance.now() - start);
      cells = grid.xValues.length * grid.yValues.length;
    }
    times.sort((a, b) => a - b);
    const medianMs = times[Math.floor(times.length / 2)];
    return { name, cells, medianMs, runsPerSecond: Math.round((cells / medianMs) * 1000) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of benchSweep()) {
    console.log(`${figure.name.padEnd(42)} ${String(figure.cells).padStart(4)} cells  ${figure.medianMs.toFixed(2).padStart(7)} ms  ${figure.runsPerSecond.toLocaleString("en-US")} runs/s`);
  }
}

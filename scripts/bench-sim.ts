// Simulator benchmark: how many runs per second simulate() does, what a sweep
// costs and what the loss curve adds. Prints figures only (no pass/fail).
// Run: npx tsx scripts/bench-sim.ts   (or import runSimulatorBenchmark)
import { simulate } from "../lib/sim";
import type { SettingsInput, SimulateOptions } from "../lib/sim";

export interface SimulatorBenchmark {
  /** Ten-epoch runs (10 images, defaults) per second, without the loss curve. */
  runsPerSecond: number;
  /** The same with the loss curve (500 points). */
  runsPerSecondWithCurve: number;
  /** Milliseconds for a 20 × 20 sweep of LR × epochs, best quality of each cell. */
  sweepMs: number;
  /** Milliseconds the loss curve adds to a 30,000-step run. */
  curveMs30kSteps: number;
  /** Milliseconds for the whole 30,000-step run, curve included. */
  runMs30kSteps: number;
  /** Ten-epoch runs per second on a cosine schedule with warm-up (the schedule integrated in closed form), no curve. */
  runsPerSecondScheduled: number;
  /** The loss curve of the 30,000-step run on a cosine schedule with warm-up. */
  curveMs30kStepsScheduled: number;
}

const TARGETS = { runsPerSecond: 100_000, curveMs30kSteps: 2 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Keeps results observable so the engine cannot skip the work being timed. */
let sink = 0;

/**
 * Milliseconds of this process's CPU time (user + system), not wall-clock time:
 * figures stay comparable when other jobs share the machine.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Median milliseconds per call of `work`, timed in batches of `batch` calls after `warmUp` untimed calls. */
function timePerCall(work: (i: number) => number, { batch, rounds = 9, warmUp = batch }: { batch: number; rounds?: number; warmUp?: number }): number {
  for (let i = 0; i < warmUp; i++) sink += work(i);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = cpuMs();
    for (let i = 0; i < batch; i++) sink += work(round * batch + i);
    samples.push((cpuMs() - start) / batch);
  }
  return median(samples);
}

function bestQuality(settings: SettingsInput, options: SimulateOptions): number {
  const result = simulate(settings, options);
  return result.checkpoints[result.recommendedEpoch - 1].quality;
}

const SWEEP_LEARNING_RATES = Array.from({ length: 20 }, (_, i) => 1e-5 * 1000 ** (i / 19));
const SWEEP_EPOCHS = Array.from({ length: 20 }, (_, i) => i + 1);

/** The /sweep page's work: a 20 × 20 grid of LR × epochs, the best quality of each cell. */
function sweep(seed: number): number[][] {
  return SWEEP_LEARNING_RATES.map((learningRate) => SWEEP_EPOCHS.map((epochs) => bestQuality({ images: 10, learningRate, epochs, seed }, { lossCurve: false })));
}

/** Measures the simulator and prints the figures; returns them for callers such as scripts/bench.ts. */
export function runSimulatorBenchmark(log: (line: string) => void = console.log): SimulatorBenchmark {
  const tenEpochs = (i: number): SettingsInput => ({ images: 10, seed: i & 0x7fffffff });
  const noCurveMs = timePerCall((i) => simulate(tenEpochs(i), { lossCurve: false }).recommendedEpoch, { batch: 20_000 });
  const withCurveMs = timePerCall((i) => simulate(tenEpochs(i)).lossCurve.length, { batch: 2_000 });
  const sweepMs = timePerCall((i) => sweep(i)[19][19], { batch: 10, warmUp: 10 });

  const long = (i: number): SettingsInput => ({ images: 100, repeats: 30, epochs: 10, seed: i });
  const longWithCurveMs = timePerCall((i) => simulate(long(i)).lossCurve.length, { batch: 500 });
  const longNoCurveMs = timePerCall((i) => simulate(long(i), { lossCurve: false }).totalSteps, { batch: 5_000 });
  const steps = simulate(long(0)).totalSteps;
  const scheduled = { lrScheduler: "cosine", warmupSteps: 100, optimizer: "prodigy", learningRate: 1, networkDim: 16, networkAlpha: 16 } as const;
  const scheduledMs = timePerCall((i) => simulate({ ...tenEpochs(i), ...scheduled }, { lossCurve: false }).recommendedEpoch, { batch: 20_000 });
  const longScheduledWithCurveMs = timePerCall((i) => simulate({ ...long(i), ...scheduled }).lossCurve.length, { batch: 500 });
  const longScheduledNoCurveMs = timePerCall((i) => simulate({ ...long(i), ...scheduled }, { lossCurve: false }).totalSteps, { batch: 5_000 });

  const result: SimulatorBenchmark = {
    runsPerSecond: 1000 / noCurveMs,
    runsPerSecondWithCurve: 1000 / withCurveMs,
    sweepMs,
    curveMs30kSteps: Math.max(0, longWithCurveMs - longNoCurveMs),
    runMs30kSteps: longWithCurveMs,
    runsPerSecondScheduled: 1000 / scheduledMs,
    curveMs30kStepsScheduled: Math.max(0, longScheduledWithCurveMs - longScheduledNoCurveMs),
  };

  const perSecond = (value: number) => Math.round(value).toLocaleString("en-US");
  const stepsLabel = steps.toLocaleString("en-US");
  const line = (label: string, figure: string, unit: string, note = "") => log(`  ${label.padEnd(34)}${figure.padStart(10)} ${unit.padEnd(7)}${note}`.trimEnd());
  log("simulate() benchmark (CPU time, medians of 9 timed batches after warm-up)");
  line("10-epoch run, no loss curve", perSecond(result.runsPerSecond), "runs/s", `(target ≥ ${perSecond(TARGETS.runsPerSecond)})`);
  line("10-epoch run, with loss curve", perSecond(result.runsPerSecondWithCurve), "runs/s");
  line("20 × 20 sweep (LR × epochs)", result.sweepMs.toFixed(2), "ms", "(400 runs of 1–20 epochs)");
  line(`loss curve of a ${stepsLabel}-step run`, result.curveMs30kSteps.toFixed(3), "ms", `(target ≤ ${TARGETS.curveMs30kSteps})`);
  line(`whole ${stepsLabel}-step run with curve`, result.runMs30kSteps.toFixed(3), "ms");
  line("10-epoch run, cosine + warm-up", perSecond(result.runsPerSecondScheduled), "runs/s", "(Prodigy, alpha = dim)");
  line(`same ${stepsLabel}-step curve, cosine`, result.curveMs30kStepsScheduled.toFixed(3), "ms");
  if (sink === Number.NEGATIVE_INFINITY) log("unreachable: keeps the timed results alive");
  return result;
}

const invokedDirectly = typeof process.argv[1] === "string" && /bench-sim\.[cm]?[jt]s$/.test(process.argv[1]);
if (invokedDirectly) runSimulatorBenchmark();

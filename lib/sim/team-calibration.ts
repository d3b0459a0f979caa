// Team calibration: fit the simulator's learning speed to the epochs a team
// picked in its own imported runs. One constant, the `learningSpeed` multiplier
// on the dose every step adds (simulate's option; 1 is the model as
// documented), fitted by least squares in log steps, with its standard error
// and a 95% interval. Pure: no database, no clock; lib/server/runs/calibration.ts
// reads the runs, the pages and GET /api/calibration show the result.
// docs/simulator.md ("Team calibration") explains the fit and its limits.
import type { Settings } from "./settings";
import { checkpointMetrics, runConstants, scheduledSteps, trainingState, type RunConstants } from "./model";
import { simulate } from "./simulate";
import type { BatchRule } from "./types";

/** Fewer picked real runs than this and there is no fit, only an explanation of what is needed. */
export const MIN_CALIBRATION_RUNS = 3;
/** Confidence level of the interval around the fitted learning speed. */
export const CALIBRATION_LEVEL = 0.95;

/** A real run the team has picked an epoch of: its settings as the simulator reads them. */
export interface PickedRun {
  id: string;
  name: string;
  settings: Settings;
  /** The epoch the team kept (1..settings.epochs). */
  pickedEpoch: number;
}

/** How one run sits against the default and the calibrated model. */
export interface CalibrationRunResult {
  id: string;
  name: string;
  epochs: number;
  pickedEpoch: number;
  /** The default model's best epoch for the run's settings (learningSpeed 1). */
  defaultEpoch: number;
  /** The calibrated model's best epoch. */
  calibratedEpoch: number;
  /** ln(steps the default model needs to its optimum) − ln(steps to the pick), both counted at the peak learning rate. */
  residual: number;
}

export interface TeamCalibrationFit {
  ok: true;
  /** Picked real runs the fit used. */
  runs: number;
  /** The fitted multiplier on the dose per step: above 1 the team's runs learn faster than the model says, below 1 slower. */
  learningSpeed: number;
  /** Standard error of ln(learningSpeed). */
  logStandardError: number;
  /** CALIBRATION_LEVEL interval of the learning speed (Student's t on the log scale). */
  interval: { low: number; high: number; level: number };
  /**
   * How far a single run's optimum typically lies from the calibrated model's,
   * as a factor on its steps (exp of the residuals' standard deviation): 1.2 means ×/÷ 1.2.
   */
  typicalMiss: number;
  /** Mean |best epoch − picked epoch| over the runs: with the default model, and calibrated. */
  meanEpochError: { default: number; calibrated: number };
  /** Runs whose pick is their last epoch: their best may lie past the end of the run, so they pull the fit towards faster learning. */
  pickedLastEpoch: number;
  perRun: CalibrationRunResult[];
}

export interface TeamCalibrationNeeds {
  ok: false;
  /** Picked real runs that could be used. */
  runs: number;
  needed: number;
  /** A plain sentence: what the team has and what it needs to do. */
  reason: string;
}

/** What the team has: the picked runs the fit can use, and the counts that explain a missing fit. */
export interface CalibrationInventory {
  runs: PickedRun[];
  /** Imported runs in all, picked or not. */
  imported: number;
  /** Picked imported runs left out because their files do not say how many images they trained on. */
  withoutDatasetSize?: number;
}

export type TeamCalibration = (TeamCalibrationFit | TeamCalibrationNeeds) & {
  imported: number;
  /** Imported runs with a picked epoch, usable or not. */
  picked: number;
  withoutDatasetSize: number;
};

export interface CalibrationOptions {
  /** Batch rule the model reads the runs with (default "linear", the article's). */
  batchRule?: BatchRule;
}

/**
 * The dose ratio at which a run's quality peaks (≈ 0.93 at the defaults; the
 * caption and noisy-caption terms move it slightly): a log grid, then a
 * golden-section search around its best point.
 */
export function optimalRatio(run: RunConstants): number {
  const quality = (ratio: number) => checkpointMetrics(run, trainingState(run, ratio * run.optimalDose)).quality;
  const LOW = Math.log(0.05);
  const HIGH = Math.log(8);
  const POINTS = 120;
  let bestIndex = 0;
  let best = -Infinity;
  for (let i = 0; i <= POINTS; i++) {
    const q = quality(Math.exp(LOW + ((HIGH - LOW) * i) / POINTS));
    if (q > best) {
      best = q;
      bestIndex = i;
    }
  }
  let a = LOW + ((HIGH - LOW) * Math.max(0, bestIndex - 1)) / POINTS;
  let b = LOW + ((HIGH - LOW) * Math.min(POINTS, bestIndex + 1)) / POINTS;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (quality(Math.exp(c)) >= quality(Math.exp(d))) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}

/**
 * Where the default model (learningSpeed 1) puts a run's optimum, in steps at
 * the peak learning rate (the schedule integrated, as the dose counts them).
 * With a learning speed k the optimum is at this ÷ k: that is what makes the
 * fit linear in log steps.
 */
export function optimumPeakSteps(settings: Settings, batchRule: BatchRule = "linear"): number {
  const run = runConstants(settings, batchRule);
  return (optimalRatio(run) * run.optimalDose) / run.dosePerStep;
}

/** Steps at the peak learning rate that the first `epoch` epochs of a run amount to (fractional epochs allowed, capped at the run's end). */
export function peakStepsAtEpoch(settings: Settings, epoch: number): number {
  const stepsPerEpoch = Math.ceil((settings.images * settings.repeats) / settings.batchSize);
  const totalSteps = stepsPerEpoch * settings.epochs;
  const schedule = { kind: settings.lrScheduler, warmupSteps: settings.warmupSteps, totalSteps };
  return scheduledSteps(schedule, Math.min(totalSteps, Math.max(0, epoch * stepsPerEpoch)));
}

/**
 * Student's t quantile for a two-sided 95% interval: a table up to 30 degrees
 * of freedom, then the Cornish–Fisher expansion (within 0.001 of the table's 2.042 at 30).
 */
export function tQuantile975(degreesOfFreedom: number): number {
  const TABLE = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
    2.045, 2.042,
  ];
  if (!(degreesOfFreedom >= 1)) return Infinity;
  const df = Math.floor(degreesOfFreedom);
  if (df <= TABLE.length) return TABLE[df - 1];
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3);
}

/**
 * Fits the learning speed k to picked runs by least squares in log steps.
 * Each run gives y = ln S* − ln S(pick): S* the default model's optimum and
 * S(pick) the picked epoch's end, both in steps at the peak learning rate. The
 * model with speed k peaks at S* ÷ k, so y = ln k + error, and the least-squares
 * ln k is the mean of y. Its standard error is the residuals' spread ÷ √n,
 * never below what picking whole epochs allows (each pick is only known to
 * ± half an epoch); the interval uses Student's t with n − 1 degrees of freedom.
 * Fewer than MIN_CALIBRATION_RUNS runs give null.
 */
export function fitLearningSpeed(runs: readonly PickedRun[], options: CalibrationOptions = {}): Omit<TeamCalibrationFit, "perRun" | "meanEpochError" | "pickedLastEpoch"> | null {
  const n = runs.length;
  if (n < MIN_CALIBRATION_RUNS) return null;
  const batchRule = options.batchRule ?? "linear";
  const residuals: number[] = [];
  let resolutionVariance = 0;
  for (const run of runs) {
    const optimum = optimumPeakSteps(run.settings, batchRule);
    residuals.push(Math.log(optimum) - Math.log(peakStepsAtEpoch(run.settings, run.pickedEpoch)));
    // The pick stands for any optimum between the middles of its neighbouring epochs: a uniform error of that width.
    const width = Math.log(peakStepsAtEpoch(run.settings, run.pickedEpoch + 0.5)) - Math.log(peakStepsAtEpoch(run.settings, run.pickedEpoch - 0.5));
    resolutionVariance += (width * width) / 12;
  }
  const mean = residuals.reduce((sum, y) => sum + y, 0) / n;
  const spread = residuals.reduce((sum, y) => sum + (y - mean) ** 2, 0) / (n - 1);
  const logStandardError = Math.max(Math.sqrt(spread / n), Math.sqrt(resolutionVariance) / n);
  const half = tQuantile975(n - 1) * logStandardError;
  return {
    ok: true,
    runs: n,
    learningSpeed: Math.exp(mean),
    logStandardError,
    interval: { low: Math.exp(mean - half), high: Math.exp(mean + half), level: CALIBRATION_LEVEL },
    typicalMiss: Math.exp(Math.sqrt(spread)),
  };
}

/** The best epoch of a run's settings at a learning speed. */
export function bestEpochAt(settings: Settings, learningSpeed: number, batchRule: BatchRule = "linear"): number {
  return simulate(settings, { lossCurve: false, batchRule, learningSpeed }).recommendedEpoch;
}

/** A plain sentence on what a team needs before the simulator can be calibrated to it. */
export function explainCalibrationNeeds(counts: { imported: number; usable: number; withoutDatasetSize: number }): string {
  const { imported, usable, withoutDatasetSize } = counts;
  const missing = MIN_CALIBRATION_RUNS - usable;
  const runs = (count: number) => `${count} real ${count === 1 ? "run" : "runs"}`;
  const left =
    withoutDatasetSize > 0
      ? ` ${withoutDatasetSize === 1 ? "One picked run is" : `${withoutDatasetSize} picked runs are`} left out: ${withoutDatasetSize === 1 ? "its" : "their"} files do not say how many images ${withoutDatasetSize === 1 ? "it" : "they"} trained on.`
      : "";
  if (imported === 0) {
    return `Calibrating the simulator to your team needs at least ${runs(MIN_CALIBRATION_RUNS)} with a picked best epoch, and none has been imported yet. Import a trainer's output folder, open the run, and pick the epoch you would keep; do that for ${MIN_CALIBRATION_RUNS} runs.`;
  }
  const unpicked = Math.max(0, imported - usable - withoutDatasetSize);
  const toImport = missing - unpicked;
  let todo: string;
  if (toImport <= 0) todo = `Pick the best epoch of ${missing} more of your imported runs.`;
  else {
    const importing = `import ${toImport} more real ${toImport === 1 ? "run and pick its best epoch" : "runs and pick their best epochs"}.`;
    todo =
      unpicked > 0
        ? `Pick the best epoch of the ${unpicked === 1 ? "imported run" : `${unpicked} imported runs`} without one, then ${importing}`
        : `${importing[0].toUpperCase()}${importing.slice(1)}`;
  }
  return `Calibrating the simulator to your team needs at least ${runs(MIN_CALIBRATION_RUNS)} with a picked best epoch; your team has imported ${runs(imported)} and picked the best epoch of ${usable === 0 ? "none" : usable}.${left} ${todo}`;
}

/**
 * The team calibration: the fit with every run's default and calibrated best
 * epoch, or, with fewer than MIN_CALIBRATION_RUNS picked runs, the reason.
 */
export function calibrateTeam(inventory: CalibrationInventory, options: CalibrationOptions = {}): TeamCalibration {
  const withoutDatasetSize = inventory.withoutDatasetSize ?? 0;
  const counts = { imported: inventory.imported, picked: inventory.runs.length + withoutDatasetSize, withoutDatasetSize };
  const fit = fitLearningSpeed(inventory.runs, options);
  if (fit === null) {
    return {
      ok: false,
      runs: inventory.runs.length,
      needed: MIN_CALIBRATION_RUNS,
      reason: explainCalibrationNeeds({ imported: inventory.imported, usable: inventory.runs.length, withoutDatasetSize }),
      ...counts,
    };
  }
  const batchRule = options.batchRule ?? "linear";
  const perRun = inventory.runs.map((run): CalibrationRunResult => {
    const optimum = optimumPeakSteps(run.settings, batchRule);
    return {
      id: run.id,
      name: run.name,
      epochs: run.settings.epochs,
      pickedEpoch: run.pickedEpoch,
      defaultEpoch: bestEpochAt(run.settings, 1, batchRule),
      calibratedEpoch: bestEpochAt(run.settings, fit.learningSpeed, batchRule),
      residual: Math.log(optimum) - Math.log(peakStepsAtEpoch(run.settings, run.pickedEpoch)),
    };
  });
  const meanError = (key: "defaultEpoch" | "calibratedEpoch") => perRun.reduce((sum, run) => sum + Math.abs(run[key] - run.pickedEpoch), 0) / perRun.length;
  return {
    ...fit,
    perRun,
    meanEpochError: { default: meanError("defaultEpoch"), calibrated: meanError("calibratedEpoch") },
    pickedLastEpoch: perRun.filter((run) => run.pickedEpoch === run.epochs).length,
    ...counts,
  };
}

/** The calibration as pages hand it to the browser: the fit and the counts, without the per-run list. */
export function calibrationForClient(calibration: TeamCalibration): TeamCalibration {
  return calibration.ok ? { ...calibration, perRun: [] } : calibration;
}

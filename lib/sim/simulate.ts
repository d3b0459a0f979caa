// simulate(): settings in, every epoch checkpoint and a downsampled loss curve out.
import { countSteps, resolveSettings, type Settings, type SettingsInput } from "./schema";
import { checkpointMetrics, MODEL, runConstants, trainingState, trainLossTrend, validationLossTrend, type RunConstants } from "./model";
import { createGaussian, createRandom, mixSeed, noiseFactor } from "./random";
import type { Checkpoint, LossPoint, SimulateOptions, SimulationResult } from "./types";

/** The loss curve never has more points than this. */
export const MAX_CURVE_POINTS = 500;

const STREAM_TRAIN = 1;
const STREAM_VALIDATION = 2;
const STREAM_CURVE = 3;

/**
 * Simulates a LoRA training run: one checkpoint per epoch, the recommended
 * epoch, and the per-step training loss downsampled to ≤ 500 points.
 * Same settings and seed give the same output, in Node and in the browser.
 * @example simulate({ images: 10, seed: 1 }).recommendedEpoch // → 9
 */
export function simulate(input: SettingsInput | Settings, options: SimulateOptions = {}): SimulationResult {
  const settings = resolveSettings(input);
  const { stepsPerEpoch, totalSteps } = countSteps(settings);
  const run = runConstants(settings, options.batchRule);
  const stepCv = (MODEL.STEP_NOISE_CV * (1 + MODEL.INSTABILITY_NOISE * run.instability)) / Math.sqrt(settings.batchSize);

  const trainNoise = createGaussian(createRandom(mixSeed(settings.seed, STREAM_TRAIN)));
  const validationNoise = createGaussian(createRandom(mixSeed(settings.seed, STREAM_VALIDATION)));
  const epochCv = stepCv / Math.sqrt(stepsPerEpoch);

  const checkpoints: Checkpoint[] = [];
  let recommendedEpoch = 1;
  let bestQuality = -Infinity;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const step = epoch * stepsPerEpoch;
    const state = trainingState(run, step * run.dosePerStep);
    const middle = trainingState(run, (step - stepsPerEpoch / 2) * run.dosePerStep);
    const metrics = checkpointMetrics(run, state);
    checkpoints.push({
      epoch,
      step,
      trainLoss: trainLossTrend(run, middle) * noiseFactor(trainNoise(), epochCv),
      validationLoss: validationLossTrend(run, state) * noiseFactor(validationNoise(), MODEL.VALIDATION_NOISE_CV),
      ...metrics,
    });
    if (metrics.quality > bestQuality) {
      bestQuality = metrics.quality;
      recommendedEpoch = epoch;
    }
  }

  const lossCurve = options.lossCurve === false ? [] : buildLossCurve(settings.seed, run, stepsPerEpoch, checkpoints, stepCv);
  return { settings, stepsPerEpoch, totalSteps, checkpoints, recommendedEpoch, lossCurve };
}

/**
 * The training loss at ≤ MAX_CURVE_POINTS points, computed per bucket of steps
 * (never step by step): each point is the mean of its bucket's trend plus the
 * noise of a mean of that many steps, then each epoch's points are scaled so
 * their step-weighted mean is exactly that checkpoint's trainLoss.
 */
function buildLossCurve(seed: number, run: RunConstants, stepsPerEpoch: number, checkpoints: Checkpoint[], stepCv: number): LossPoint[] {
  const gaussian = createGaussian(createRandom(mixSeed(seed, STREAM_CURVE)));
  const perEpoch = Math.max(1, Math.min(stepsPerEpoch, Math.floor(MAX_CURVE_POINTS / checkpoints.length)));
  const curve: LossPoint[] = [];
  const sizes = new Array<number>(perEpoch);
  const values = new Array<number>(perEpoch);
  for (const checkpoint of checkpoints) {
    const epochStart = checkpoint.step - stepsPerEpoch;
    let weighted = 0;
    for (let j = 0; j < perEpoch; j++) {
      const start = epochStart + Math.floor((j * stepsPerEpoch) / perEpoch);
      const end = epochStart + Math.floor(((j + 1) * stepsPerEpoch) / perEpoch);
      const size = end - start;
      const state = trainingState(run, (start + size / 2) * run.dosePerStep);
      const value = trainLossTrend(run, state) * noiseFactor(gaussian(), stepCv / Math.sqrt(size));
      sizes[j] = size;
      values[j] = value;
      weighted += value * size;
    }
    const scale = (checkpoint.trainLoss * stepsPerEpoch) / weighted;
    let end = epochStart;
    for (let j = 0; j < perEpoch; j++) {
      end += sizes[j];
      curve.push({ step: end, loss: values[j] * scale });
    }
  }
  return curve;
}

// simulate(): settings in, every epoch checkpoint and a downsampled loss curve out.
import { countSteps, resolveSettings, type Settings, type SettingsInput } from "./settings";
import { checkpointMetrics, doseAtStep, MODEL, runConstants, trainingState, trainLossTrend, validationLossTrend, type RunConstants } from "./model";
import { createGaussian, createRandom, lognormalNoise, mixSeed } from "./random";
import type { Checkpoint, LossPoint, SimulateOptions, SimulationResult } from "./types";

/** The loss curve never has more points than this. */
export const MAX_CURVE_POINTS = 500;

// Independent random streams of one seed: adding curve points never changes the checkpoints.
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
  const run = runConstants(settings, options.batchRule, options.learningSpeed);
  const stepCv = (MODEL.STEP_NOISE_CV * (1 + MODEL.INSTABILITY_NOISE * run.instability)) / Math.sqrt(settings.batchSize);
  // The mean of n noisy steps varies √n times less than one step (and is shown smoother still).
  const epochCv = Math.min(MODEL.EPOCH_LOSS_CV_MAX, (MODEL.EPOCH_LOSS_NOISE_SHARE * stepCv) / Math.sqrt(stepsPerEpoch));

  const trainNoise = createGaussian(createRandom(mixSeed(settings.seed, STREAM_TRAIN)));
  const validationNoise = createGaussian(createRandom(mixSeed(settings.seed, STREAM_VALIDATION)));
  const trainFactor = lognormalNoise(epochCv);
  const validationFactor = lognormalNoise(MODEL.VALIDATION_NOISE_CV);

  const checkpoints: Checkpoint[] = [];
  let recommendedEpoch = 1;
  let bestQuality = -Infinity;
  // The epoch's mean training loss averages the trend at its start and end; everything else is read at its end.
  let trendAtStart = trainLossTrend(run, trainingState(run, 0));
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const state = trainingState(run, doseAtStep(run, epoch * stepsPerEpoch));
    const trendAtEnd = trainLossTrend(run, state);
    const m = checkpointMetrics(run, state);
    checkpoints.push({
      epoch,
      step: epoch * stepsPerEpoch,
      trainLoss: ((trendAtStart + trendAtEnd) / 2) * trainFactor(truncate(trainNoise())),
      validationLoss: validationLossTrend(run, state) * validationFactor(truncate(validationNoise())),
      fidelity: m.fidelity,
      flexibility: m.flexibility,
      captionAdherence: m.captionAdherence,
      overfitRisk: m.overfitRisk,
      quality: m.quality,
      verdict: m.verdict,
    });
    trendAtStart = trendAtEnd;
    if (m.quality > bestQuality) {
      bestQuality = m.quality;
      recommendedEpoch = epoch;
    }
  }

  const lossCurve = options.lossCurve === false ? [] : buildLossCurve(settings.seed, run, stepsPerEpoch, checkpoints, stepCv);
  return { settings, stepsPerEpoch, totalSteps, checkpoints, recommendedEpoch, lossCurve };
}

/** A standard normal draw cut at ±NOISE_Z_LIMIT. */
function truncate(z: number): number {
  return Math.min(MODEL.NOISE_Z_LIMIT, Math.max(-MODEL.NOISE_Z_LIMIT, z));
}

/**
 * The training loss at ≤ MAX_CURVE_POINTS points, computed per bucket of
 * consecutive steps (never step by step). Each epoch gets the same number of
 * buckets; a point sits at the bucket's last step and is the bucket's mean:
 * the trend at its middle times (1 + d), where d is the bucket's noise (a mean
 * of `size` steps, squashed into ±CURVE_DEVIATION_LIMIT) minus the epoch's
 * trend-weighted mean noise. That centring makes the step-weighted mean of an
 * epoch's points exactly its checkpoint's trainLoss, and keeps every point
 * within (1 ± 2·CURVE_DEVIATION_LIMIT) × its trend: positive and bounded.
 */
function buildLossCurve(seed: number, run: RunConstants, stepsPerEpoch: number, checkpoints: Checkpoint[], stepCv: number): LossPoint[] {
  const gaussian = createGaussian(createRandom(mixSeed(seed, STREAM_CURVE)));
  const perEpoch = Math.max(1, Math.min(stepsPerEpoch, Math.floor(MAX_CURVE_POINTS / checkpoints.length)));
  const limit = MODEL.CURVE_DEVIATION_LIMIT;
  const curve: LossPoint[] = new Array(perEpoch * checkpoints.length);
  const ends = new Float64Array(perEpoch);
  const trends = new Float64Array(perEpoch);
  const deviations = new Float64Array(perEpoch);
  let index = 0;
  for (const checkpoint of checkpoints) {
    const epochStart = checkpoint.step - stepsPerEpoch;
    let weight = 0;
    let weightedDeviation = 0;
    let start = epochStart;
    for (let j = 0; j < perEpoch; j++) {
      const end = epochStart + Math.floor(((j + 1) * stepsPerEpoch) / perEpoch);
      const size = end - start;
      const trend = trainLossTrend(run, trainingState(run, doseAtStep(run, start + size / 2)));
      const deviation = limit * Math.tanh(((stepCv / Math.sqrt(size)) * gaussian()) / limit);
      ends[j] = end;
      trends[j] = trend;
      deviations[j] = deviation;
      weight += size * trend;
      weightedDeviation += size * trend * deviation;
      start = end;
    }
    const meanDeviation = weightedDeviation / weight;
    const scale = (checkpoint.trainLoss * stepsPerEpoch) / weight;
    for (let j = 0; j < perEpoch; j++) {
      curve[index++] = { step: ends[j], loss: scale * trends[j] * (1 + deviations[j] - meanDeviation) };
    }
  }
  return curve;
}

// Database rows → the plain, JSON-ready shapes of lib/runs/types.ts.
import type { Checkpoint as CheckpointRow, Run as RunRow } from "@/generated/prisma/client";
import type { Checkpoint, LossPoint, LrScheduler, ModelFamily, Optimizer, Settings, Verdict } from "@/lib/sim";
import type { RunDetail, RunSummary } from "@/lib/runs/types";

/** The columns a summary is made of: everything but the loss curve, which only run pages need. */
export type RunSummaryRow = Omit<RunRow, "lossCurve">;

export function settingsOf(row: RunSummaryRow): Settings {
  return {
    name: row.name,
    images: row.images,
    repeats: row.repeats,
    epochs: row.epochs,
    batchSize: row.batchSize,
    learningRate: row.learningRate,
    textEncoderLearningRate: row.textEncoderLearningRate,
    captionQuality: row.captionQuality,
    datasetSimilarity: row.datasetSimilarity,
    seed: row.seed,
    // Rows stored before simulator 2 hold the column defaults, which are the settings' defaults.
    networkDim: row.networkDim,
    networkAlpha: row.networkAlpha,
    optimizer: row.optimizer as Optimizer,
    lrScheduler: row.lrScheduler as LrScheduler,
    warmupSteps: row.warmupSteps,
    modelFamily: row.modelFamily as ModelFamily,
  };
}

export function toRunSummary(row: RunSummaryRow): RunSummary {
  return {
    id: row.id,
    ...settingsOf(row),
    notes: row.notes,
    stepsPerEpoch: row.stepsPerEpoch,
    totalSteps: row.totalSteps,
    recommendedEpoch: row.recommendedEpoch,
    pickedEpoch: row.pickedEpoch,
    bestQuality: row.bestQuality,
    lastQuality: row.lastQuality,
    qualityGap: row.qualityGap,
    finalVerdict: row.finalVerdict as Verdict,
    lowestValidationEpoch: row.lowestValidationEpoch,
    source: row.source === "imported" ? "imported" : "simulated",
    simulatorVersion: row.simulatorVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    epoch: row.epoch,
    step: row.step,
    trainLoss: row.trainLoss,
    validationLoss: row.validationLoss,
    fidelity: row.fidelity,
    flexibility: row.flexibility,
    captionAdherence: row.captionAdherence,
    overfitRisk: row.overfitRisk,
    quality: row.quality,
    verdict: row.verdict as Verdict,
  };
}

export function toRunDetail(row: RunRow & { checkpoints: CheckpointRow[] }): RunDetail {
  return {
    ...toRunSummary(row),
    checkpoints: row.checkpoints.map(toCheckpoint).sort((a, b) => a.epoch - b.epoch),
    lossCurve: decodeLossCurve(row.lossCurve),
  };
}

/** The loss curve is stored compactly as [[step, loss], …]. */
export function encodeLossCurve(curve: LossPoint[]): string {
  return JSON.stringify(curve.map((point) => [point.step, Number(point.loss.toPrecision(5))]));
}

export function decodeLossCurve(text: string): LossPoint[] {
  const pairs = JSON.parse(text) as [number, number][];
  return pairs.map(([step, loss]) => ({ step, loss }));
}

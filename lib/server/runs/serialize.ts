// Database rows → the plain, JSON-ready shapes of lib/runs/types.ts.
import type { Checkpoint as CheckpointRow, Run as RunRow } from "@/generated/prisma/client";
import { SETTING_KEYS, type Checkpoint, type LossPoint, type LrScheduler, type ModelFamily, type Optimizer, type Settings, type Verdict } from "@/lib/sim";
import type { RunDetail, RunSummary } from "@/lib/runs/types";

/** The columns a summary is made of (every setting, and what the list shows): not the loss curve (only run pages need it) nor an import's details. */
export const SUMMARY_COLUMNS = [
  "id",
  "notes",
  ...SETTING_KEYS,
  "source",
  "simulatorVersion",
  "stepsPerEpoch",
  "totalSteps",
  "recommendedEpoch",
  "pickedEpoch",
  "bestQuality",
  "lastQuality",
  "qualityGap",
  "finalVerdict",
  "lowestValidationEpoch",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof RunRow)[];

export type RunSummaryRow = Pick<RunRow, (typeof SUMMARY_COLUMNS)[number]>;

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

/**
 * A run in full as JSON text, exactly `JSON.stringify(toRunDetail(row))`, for
 * GET /api/runs/{id}: the stored loss curve (hundreds of points) is rewritten
 * to the API's shape as text instead of being parsed into objects and
 * serialised again.
 */
export function runDetailJson(row: RunRow & { checkpoints: CheckpointRow[] }): string {
  const { lossCurve: _curve, ...head } = toRunDetail({ ...row, lossCurve: "[]" });
  return `${JSON.stringify(head).slice(0, -1)},"lossCurve":${lossCurveJson(row.lossCurve)}}`;
}

/** A number as JSON.stringify writes it (no trailing zeros, a signed exponent): what encodeLossCurve stored. */
const JSON_NUMBER = String.raw`-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?(?:e[+-][1-9]\d*)?`;
const STORED_CURVE = new RegExp(String.raw`^\[(?:\[${JSON_NUMBER},${JSON_NUMBER}\](?:,(?=\[)|(?=\]$)))*\]$`);

/**
 * The stored loss curve, [[step, loss], …], as the API's JSON, [{"step": …, "loss": …}, …].
 * The numbers are copied as written: encodeLossCurve wrote them with JSON.stringify,
 * which writes each number the one way it would write it again. Text of any other
 * shape goes through JSON.parse.
 * @example lossCurveJson("[[1,0.5],[2,0.25]]") // → '[{"step":1,"loss":0.5},{"step":2,"loss":0.25}]'
 */
export function lossCurveJson(text: string): string {
  if (!STORED_CURVE.test(text)) return JSON.stringify(decodeLossCurve(text));
  // Each point is "[step,loss]": copy its two numbers into the object form.
  let json = "[";
  for (let start = 1; start < text.length - 1;) {
    const comma = text.indexOf(",", start);
    const end = text.indexOf("]", comma);
    json += `${start > 1 ? "," : ""}{"step":${text.slice(start + 1, comma)},"loss":${text.slice(comma + 1, end)}}`;
    start = end + 2;
  }
  return `${json}]`;
}

/** The loss curve is stored compactly as [[step, loss], …]. */
export function encodeLossCurve(curve: LossPoint[]): string {
  return JSON.stringify(curve.map((point) => [point.step, Number(point.loss.toPrecision(5))]));
}

export function decodeLossCurve(text: string): LossPoint[] {
  const pairs = JSON.parse(text) as [number, number][];
  return pairs.map(([step, loss]) => ({ step, loss }));
}

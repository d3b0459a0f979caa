// Loss-chart helpers: TensorBoard's smoothing and the choice of x axis.

/** The slider's range: 0 is raw, 0.999 is nearly flat (TensorBoard's bounds). */
export const SMOOTHING_MIN = 0;
export const SMOOTHING_MAX = 0.999;

/**
 * TensorBoard's scalar smoothing: an exponential moving average debiased like
 * Adam's moments (divided by 1 − weightⁿ), so the first points are not pulled
 * towards zero. Non-finite values pass through and do not enter the average;
 * a constant series stays exactly constant.
 * @example smoothSeries([1, 0, 1, 0], 0.5) // → [1, 0.333, 0.714, 0.333]
 */
export function smoothSeries(values: readonly number[], weight: number): number[] {
  const w = clampSmoothing(weight);
  const finite = values.filter(Number.isFinite);
  if (finite.length > 0 && finite.every((value) => value === finite[0])) return [...values];
  let last = 0;
  let accumulated = 0;
  return values.map((value) => {
    if (!Number.isFinite(value)) return value;
    last = last * w + (1 - w) * value;
    accumulated++;
    const debias = w === 1 ? 1 : 1 - w ** accumulated;
    return last / debias;
  });
}

/** A smoothing weight within the slider's range (NaN reads as 0, raw). */
export function clampSmoothing(weight: number): number {
  if (!Number.isFinite(weight)) return SMOOTHING_MIN;
  return Math.min(SMOOTHING_MAX, Math.max(SMOOTHING_MIN, weight));
}

/** Parses the `smoothing` URL parameter: a number 0–0.999, else the default. */
export function parseSmoothing(raw: string | undefined | null, fallback = 0.6): number {
  if (raw === undefined || raw === null || raw.trim() === "") return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= SMOOTHING_MIN && value <= SMOOTHING_MAX ? value : fallback;
}

/** What a loss chart's x axis counts. */
export type XAxisKind = "steps" | "epochs" | "images";

export const X_AXIS_KINDS: readonly { id: XAxisKind; label: string }[] = [
  { id: "steps", label: "Steps" },
  { id: "epochs", label: "Epochs" },
  { id: "images", label: "Images seen" },
];

/** Parses the `x` URL parameter of a loss chart. */
export function parseXAxis(raw: string | undefined | null): XAxisKind {
  return raw === "epochs" || raw === "images" ? raw : "steps";
}

export interface StepGeometry {
  /** Training images (distinct files). */
  images: number;
  repeats: number;
  batchSize: number;
}

/**
 * A global step on the chosen x axis. Epochs are fractional (step 150 of 200
 * per epoch is 0.75); images seen count repeats and the partial last batch
 * of each epoch, so the end of epoch e is exactly e × images × repeats.
 * @example stepToAxis(250, "images", { images: 10, repeats: 20, batchSize: 2 }) // → 500 (100 steps per epoch: 200 images, then 50 steps × 2)
 */
export function stepToAxis(step: number, kind: XAxisKind, geometry: StepGeometry): number {
  if (kind === "steps") return step;
  const perEpoch = geometry.images * geometry.repeats;
  const stepsPerEpoch = Math.ceil(perEpoch / geometry.batchSize);
  const completed = Math.floor(step / stepsPerEpoch);
  const within = step - completed * stepsPerEpoch;
  if (kind === "epochs") return step / stepsPerEpoch;
  return completed * perEpoch + Math.min(within * geometry.batchSize, perEpoch);
}

/** A loss-chart row on the chosen axis: `x` is the step, epoch or images seen. */
export interface AxisLossRow {
  [key: string]: number | undefined;
  x: number;
  step: number;
  trainLoss?: number;
  validationLoss?: number;
  epoch?: number;
}

/**
 * The loss chart's rows with the training loss smoothed (TensorBoard's
 * weight) and each row placed on the chosen x axis. Validation loss, one
 * point per epoch, stays raw: smoothing a handful of points would shift the
 * epoch where it turns.
 * @example lossRowsOnAxis([{ step: 100, trainLoss: 0.2 }], 0.6, "epochs", { images: 10, repeats: 10, batchSize: 1 })[0].x // → 1
 */
export function lossRowsOnAxis(rows: readonly { step: number; trainLoss?: number; validationLoss?: number; epoch?: number }[], weight: number, kind: XAxisKind, geometry: StepGeometry): AxisLossRow[] {
  const trainIndices: number[] = [];
  rows.forEach((row, index) => {
    if (row.trainLoss !== undefined) trainIndices.push(index);
  });
  const smoothed = smoothSeries(
    trainIndices.map((index) => rows[index].trainLoss!),
    weight,
  );
  const result: AxisLossRow[] = rows.map((row) => ({ ...row, x: stepToAxis(row.step, kind, geometry) }));
  trainIndices.forEach((index, k) => {
    result[index].trainLoss = smoothed[k];
  });
  return result;
}

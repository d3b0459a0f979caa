// Chart shaping for runs: plain rows, verdict zones and epoch markers that the
// line-chart wrapper draws. Pure, so the dashboard (server-shaped rows) and the
// new-run preview (shaped in the browser) chart the same way.
import { VERDICT_LABELS, type Checkpoint, type LossPoint, type Verdict } from "@/lib/sim";

export interface LossRow {
  [key: string]: number | undefined;
  step: number;
  /** Training loss of the downsampled per-step curve. */
  trainLoss?: number;
  /** Validation loss, only at each epoch's last step. */
  validationLoss?: number;
  /** The epoch a validation point closes. */
  epoch?: number;
}

/**
 * The loss chart's rows: every point of the downsampled training curve, with
 * each checkpoint's validation loss merged in at the epoch's last step.
 * @example lossRows([{ epoch: 1, step: 200, validationLoss: 0.12, … }], [{ step: 100, loss: 0.15 }, { step: 200, loss: 0.13 }])
 * // → [{ step: 100, trainLoss: 0.15 }, { step: 200, trainLoss: 0.13, validationLoss: 0.12, epoch: 1 }]
 */
export function lossRows(checkpoints: Pick<Checkpoint, "epoch" | "step" | "validationLoss">[], lossCurve: LossPoint[]): LossRow[] {
  const byStep = new Map<number, LossRow>();
  for (const point of lossCurve) byStep.set(point.step, { step: point.step, trainLoss: point.loss });
  for (const checkpoint of checkpoints) {
    const row = byStep.get(checkpoint.step) ?? { step: checkpoint.step };
    row.validationLoss = checkpoint.validationLoss;
    row.epoch = checkpoint.epoch;
    byStep.set(checkpoint.step, row);
  }
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

export interface MetricRow {
  [key: string]: number;
  epoch: number;
  fidelity: number;
  flexibility: number;
  quality: number;
  overfitRisk: number;
  captionAdherence: number;
}

/** The per-epoch scores chart's rows. */
export function metricRows(checkpoints: Checkpoint[]): MetricRow[] {
  return checkpoints.map((c) => ({
    epoch: c.epoch,
    fidelity: c.fidelity,
    flexibility: c.flexibility,
    quality: c.quality,
    overfitRisk: c.overfitRisk,
    captionAdherence: c.captionAdherence,
  }));
}

export interface VerdictSpan {
  verdict: Verdict;
  firstEpoch: number;
  lastEpoch: number;
}

/** Consecutive epochs with the same verdict, in order. */
export function verdictSpans(checkpoints: Pick<Checkpoint, "epoch" | "verdict">[]): VerdictSpan[] {
  const spans: VerdictSpan[] = [];
  for (const c of checkpoints) {
    const last = spans[spans.length - 1];
    if (last && last.verdict === c.verdict && last.lastEpoch === c.epoch - 1) last.lastEpoch = c.epoch;
    else spans.push({ verdict: c.verdict, firstEpoch: c.epoch, lastEpoch: c.epoch });
  }
  return spans;
}

export interface Zone {
  from: number;
  to: number;
  label: string;
  color: string;
  verdict: Verdict;
}

/** Verdict zones on an epoch axis: each epoch owns ±0.5 around it (the axis runs from 0.5 to epochs + 0.5). */
export function epochZones(checkpoints: Pick<Checkpoint, "epoch" | "verdict">[]): Zone[] {
  return verdictSpans(checkpoints).map((span) => ({
    from: span.firstEpoch - 0.5,
    to: span.lastEpoch + 0.5,
    label: VERDICT_LABELS[span.verdict],
    color: `var(--${span.verdict})`,
    verdict: span.verdict,
  }));
}

/** Verdict zones on a step axis: epoch e owns the steps after epoch e − 1's checkpoint up to its own. */
export function stepZones(checkpoints: Pick<Checkpoint, "epoch" | "verdict" | "step">[]): Zone[] {
  const stepOf = new Map(checkpoints.map((c) => [c.epoch, c.step]));
  return verdictSpans(checkpoints).map((span) => ({
    from: stepOf.get(span.firstEpoch - 1) ?? 0,
    to: stepOf.get(span.lastEpoch) ?? 0,
    label: VERDICT_LABELS[span.verdict],
    color: `var(--${span.verdict})`,
    verdict: span.verdict,
  }));
}

export interface EpochMarker {
  epoch: number;
  label: string;
  kind: "recommended" | "picked" | "both";
}

/** The recommended and picked epochs as chart markers; one marker when they are the same epoch. */
export function epochMarkers(recommendedEpoch: number, pickedEpoch: number | null): EpochMarker[] {
  if (pickedEpoch === recommendedEpoch) return [{ epoch: recommendedEpoch, label: `Recommended & picked ${recommendedEpoch}`, kind: "both" }];
  const markers: EpochMarker[] = [{ epoch: recommendedEpoch, label: `Recommended ${recommendedEpoch}`, kind: "recommended" }];
  if (pickedEpoch !== null) markers.push({ epoch: pickedEpoch, label: `Picked ${pickedEpoch}`, kind: "picked" });
  return markers;
}

/** Epoch axis ticks: every epoch up to 20, then about 10 evenly spaced (always the first and last). */
export function epochTicks(epochs: number): number[] {
  const every = epochs <= 20 ? 1 : Math.ceil(epochs / 10);
  const ticks: number[] = [];
  for (let epoch = 1; epoch <= epochs; epoch += every) ticks.push(epoch);
  if (ticks[ticks.length - 1] !== epochs) ticks.push(epochs);
  return ticks;
}

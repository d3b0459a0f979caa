// The epochs a comparison of an imported run can show: the epochs the trainer
// saved a file for, and its samples before training (epoch 0) when it made
// them. Saved epochs need not be 1..n (a trainer saving every other epoch).
import { COMPARE_EPOCHS_MAX, COMPARE_EPOCHS_MIN, type EpochListResult } from "@/lib/compare/epochs";

export function measuredEpochLabel(epoch: number): string {
  return epoch === 0 ? "Before training" : `Epoch ${epoch}`;
}

function describe(available: readonly number[]): string {
  const saved = available.filter((epoch) => epoch > 0);
  const list = saved.length <= 6 ? saved.join(", ") : `${saved.slice(0, 3).join(", ")}, …, ${saved[saved.length - 1]}`;
  return `${available.includes(0) ? "0 (before training) and " : ""}${list}`;
}

/**
 * Reads `epochs=0,2,4` against the epochs an imported run has: 2 to 4
 * distinct ones, kept in the order given (the first is the baseline).
 * @example parseMeasuredEpochList("0,3", [0, 1, 2, 3]) // → { ok: true, epochs: [0, 3] }
 */
export function parseMeasuredEpochList(raw: string | string[] | undefined, available: readonly number[]): EpochListResult {
  const example = `for example ?epochs=${defaultExample(available).join(",")}`;
  const text = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).trim();
  if (!text) return { ok: false, message: `Choose ${COMPARE_EPOCHS_MIN} to ${COMPARE_EPOCHS_MAX} epochs to compare, ${example}.` };
  const epochs: number[] = [];
  for (const part of text.split(",").map((item) => item.trim())) {
    if (!/^\d+$/.test(part)) return { ok: false, message: `“${part.slice(0, 20)}” is not an epoch number: use whole numbers separated by commas, ${example}.` };
    const epoch = Number(part);
    if (!available.includes(epoch)) return { ok: false, message: `The trainer saved nothing for epoch ${epoch}: this run has epochs ${describe(available)}.` };
    if (epochs.includes(epoch)) return { ok: false, message: `Epoch ${epoch} is listed twice: each epoch can be shown once.` };
    epochs.push(epoch);
  }
  if (epochs.length < COMPARE_EPOCHS_MIN || epochs.length > COMPARE_EPOCHS_MAX) {
    return { ok: false, message: `Compare ${COMPARE_EPOCHS_MIN} to ${COMPARE_EPOCHS_MAX} epochs at a time (${epochs.length} given), ${example}.` };
  }
  return { ok: true, epochs };
}

/**
 * The columns an imported run's comparison opens with: before training when
 * the trainer sampled it, the pick (else the predicted best), and the last epoch.
 * @example defaultMeasuredEpochs([0, 1, 2, 3, 4], { recommendedEpoch: 3, pickedEpoch: null }) // → [0, 3, 4]
 */
export function defaultMeasuredEpochs(available: readonly number[], run: { recommendedEpoch: number; pickedEpoch: number | null }): number[] {
  const sorted = [...available].sort((a, b) => a - b);
  const saved = sorted.filter((epoch) => epoch > 0);
  const candidates = [sorted[0] === 0 ? 0 : null, run.pickedEpoch ?? run.recommendedEpoch, saved[saved.length - 1], ...[...saved].reverse()];
  const chosen: number[] = [];
  for (const epoch of candidates) {
    if (epoch !== null && sorted.includes(epoch) && !chosen.includes(epoch)) chosen.push(epoch);
    if (chosen.length === 3) break;
  }
  return chosen.sort((a, b) => a - b);
}

function defaultExample(available: readonly number[]): number[] {
  const sorted = [...available].sort((a, b) => a - b);
  return sorted.length <= 3 ? sorted : [sorted[0], sorted[Math.floor(sorted.length / 2)], sorted[sorted.length - 1]];
}

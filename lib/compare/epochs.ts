// The epochs a checkpoint comparison shows (/runs/[id]/compare?epochs=6,8,10):
// parsing with a clear message, the default choice, and moving columns.

export const COMPARE_EPOCHS_MIN = 2;
export const COMPARE_EPOCHS_MAX = 4;

export type EpochListResult = { ok: true; epochs: number[] } | { ok: false; message: string };

/**
 * Reads `epochs=6,8,10` for a run with `epochCount` epochs: 2 to 4 distinct
 * epochs of that run, kept in the order given (the first is the baseline).
 * @example parseEpochList("6,8,10", 10) // → { ok: true, epochs: [6, 8, 10] }
 */
export function parseEpochList(raw: string | string[] | undefined, epochCount: number): EpochListResult {
  const example = `for example ?epochs=${exampleEpochs(epochCount).join(",")}`;
  const text = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).trim();
  if (!text) return { ok: false, message: `Choose ${COMPARE_EPOCHS_MIN} to ${COMPARE_EPOCHS_MAX} epochs to compare, ${example}.` };
  const parts = text.split(",").map((part) => part.trim());
  const epochs: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return { ok: false, message: `“${part.slice(0, 20)}” is not an epoch number: use whole numbers separated by commas, ${example}.` };
    const epoch = Number(part);
    if (epoch < 1 || epoch > epochCount) {
      return { ok: false, message: `Epoch ${epoch} does not exist: this run has epochs 1 to ${epochCount}.` };
    }
    if (epochs.includes(epoch)) return { ok: false, message: `Epoch ${epoch} is listed twice: each epoch can be shown once.` };
    epochs.push(epoch);
  }
  if (epochs.length < COMPARE_EPOCHS_MIN || epochs.length > COMPARE_EPOCHS_MAX) {
    return { ok: false, message: `Compare ${COMPARE_EPOCHS_MIN} to ${COMPARE_EPOCHS_MAX} epochs at a time (${epochs.length} given), ${example}.` };
  }
  return { ok: true, epochs };
}

/** The epochs a comparison opens with: the recommended one, the picked one, and the last, plus neighbours when fewer. */
export function defaultCompareEpochs(run: { epochs: number; recommendedEpoch: number; pickedEpoch: number | null }): number[] {
  const candidates = [run.recommendedEpoch, run.pickedEpoch, run.epochs, run.recommendedEpoch - 1, run.recommendedEpoch + 1, 1, 2];
  const chosen: number[] = [];
  for (const epoch of candidates) {
    if (epoch != null && epoch >= 1 && epoch <= run.epochs && !chosen.includes(epoch)) chosen.push(epoch);
    if (chosen.length === 3) break;
  }
  return chosen.sort((a, b) => a - b);
}

function exampleEpochs(epochCount: number): number[] {
  if (epochCount >= 10) return [6, 8, 10];
  if (epochCount >= 3) return [1, Math.ceil(epochCount / 2), epochCount].filter((e, i, all) => all.indexOf(e) === i);
  return [1, 2];
}

/**
 * Moves the column at `index` one place left (−1) or right (+1); unchanged at the edges.
 * @example moveColumn([6, 8, 10], 2, -1) // → [6, 10, 8]
 */
export function moveColumn<T>(items: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  const next = [...items];
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return next;
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Replaces the epoch of one column; if the new epoch is already shown, the two columns swap. */
export function replaceEpoch(epochs: readonly number[], index: number, epoch: number): number[] {
  const next = [...epochs];
  const existing = next.indexOf(epoch);
  if (existing !== -1) next[existing] = next[index];
  next[index] = epoch;
  return next;
}

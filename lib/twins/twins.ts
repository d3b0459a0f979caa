// Equal-steps twins: a second run with exactly the same total steps that
// trades repeats for epochs (more, finer checkpoints) or batch size for
// learning rate, so the two can be compared knowing the step budget is equal.
import { formatInteger } from "@/lib/format";
import { countSteps, formatRate, resolveSettings, SETTINGS_LIMITS, type BatchRule, type Settings } from "@/lib/sim";

export const TWIN_KINDS = ["repeats-for-epochs", "batch-for-lr"] as const;
export type TwinKind = (typeof TWIN_KINDS)[number];

export interface TwinOptions {
  /** How the LR follows the batch: "linear" (the article, default) or "sqrt" (what measurements with Adam favour). */
  batchRule?: BatchRule;
}

export type TwinResult =
  | { ok: true; kind: TwinKind; settings: Settings; totalSteps: number; explanation: string }
  | {
      ok: false;
      kind: TwinKind;
      reason: string;
      /** The closest option within the limits, when one exists, with its (different) step count. */
      nearest: { settings: Settings; totalSteps: number } | null;
    };

type Candidate = Omit<Settings, "name">;

/**
 * The equal-steps twin of a run's settings: same total steps under kohya's
 * ceil(images × repeats / batch) × epochs, every field within SETTINGS_LIMITS,
 * same seed, and a one-line explanation. When no exact twin exists, a reason.
 * @example equalStepsTwin(settings, "repeats-for-epochs") // 20 repeats × 10 epochs → 10 × 20: 2,000 steps either way
 * @example equalStepsTwin(settings, "batch-for-lr") // batch 1, LR 1e-4, 20 repeats → batch 2, LR 2e-4, 40 repeats
 */
export function equalStepsTwin(settings: Settings, kind: TwinKind, options: TwinOptions = {}): TwinResult {
  return kind === "repeats-for-epochs" ? repeatsForEpochs(settings) : batchForLearningRate(settings, options.batchRule ?? "linear");
}

function totalStepsOf(settings: Candidate): number {
  return countSteps(settings).totalSteps;
}

function withinLimits(settings: Candidate): boolean {
  const { repeats, epochs, batchSize, learningRate } = SETTINGS_LIMITS;
  return (
    Number.isInteger(settings.repeats) &&
    Number.isInteger(settings.epochs) &&
    Number.isInteger(settings.batchSize) &&
    settings.repeats >= repeats.min &&
    settings.repeats <= repeats.max &&
    settings.epochs >= epochs.min &&
    settings.epochs <= epochs.max &&
    settings.batchSize >= batchSize.min &&
    settings.batchSize <= batchSize.max &&
    settings.learningRate > learningRate.min &&
    settings.learningRate <= learningRate.max
  );
}

/** A twin's name: the original's, marked, within the 100-character limit. */
function twinName(original: string, change: string): string {
  const suffix = ` · twin (${change})`;
  const room = SETTINGS_LIMITS.name.max - suffix.length;
  const base = original.length > room ? `${original.slice(0, Math.max(1, room - 1)).trimEnd()}…` : original;
  return `${base}${suffix}`.slice(0, SETTINGS_LIMITS.name.max);
}

function finish(settings: Settings, candidate: Candidate, change: string): Settings {
  // The schema is the last word on what a run is: a twin it refuses is a bug here.
  return resolveSettings({ ...candidate, name: twinName(settings.name, change) });
}

/** The first option that keeps exactly the target steps within the limits, as a twin explained by `explain`; null when none does. */
function exactTwin<Option extends { candidate: Candidate; change: string }>(
  kind: TwinKind,
  settings: Settings,
  options: readonly Option[],
  target: number,
  explain: (option: Option) => string,
): TwinResult | null {
  const exact = options.find(({ candidate }) => withinLimits(candidate) && totalStepsOf(candidate) === target);
  return exact ? { ok: true, kind, settings: finish(settings, exact.candidate, exact.change), totalSteps: target, explanation: explain(exact) } : null;
}

function nearestOf(settings: Settings, candidates: { candidate: Candidate; change: string }[], target: number) {
  const valid = candidates.filter(({ candidate }) => withinLimits(candidate));
  if (valid.length === 0) return null;
  const best = valid.reduce((a, b) => (Math.abs(totalStepsOf(b.candidate) - target) < Math.abs(totalStepsOf(a.candidate) - target) ? b : a));
  return { settings: finish(settings, best.candidate, best.change), totalSteps: totalStepsOf(best.candidate) };
}

/** Divide repeats by k and multiply epochs by k, for the smallest k ≥ 2 that keeps the steps exact. */
function repeatsForEpochs(settings: Settings): TwinResult {
  const kind = "repeats-for-epochs";
  const target = totalStepsOf(settings);
  if (settings.repeats === 1) {
    return { ok: false, kind, reason: "Repeats is already 1: there are no repeats left to trade for epochs.", nearest: null };
  }
  const candidates: { candidate: Candidate; change: string; k: number }[] = [];
  for (let k = 2; k <= settings.repeats; k++) {
    if (settings.repeats % k !== 0) continue;
    const candidate = { ...settings, repeats: settings.repeats / k, epochs: settings.epochs * k };
    candidates.push({ candidate, change: `${candidate.repeats} repeats × ${candidate.epochs} epochs`, k });
  }
  const exact = exactTwin(kind, settings, candidates, target, ({ candidate, k }) => {
    const perEpoch = countSteps(candidate).stepsPerEpoch;
    return (
      `${settings.repeats} repeats × ${settings.epochs} epochs → ${candidate.repeats} × ${candidate.epochs}: the same ${formatInteger(target)} steps, ` +
      `saved as ${candidate.epochs} checkpoints of ${formatInteger(perEpoch)} steps instead of ${settings.epochs}, ${k}× finer choice of where to stop.`
    );
  });
  if (exact) return exact;
  const fitting = candidates.filter(({ candidate }) => withinLimits(candidate));
  const reason =
    fitting.length === 0
      ? `Trading repeats for epochs would need more than ${SETTINGS_LIMITS.epochs.max} epochs (${settings.repeats} repeats × ${settings.epochs} epochs).`
      : `No split of ${settings.repeats} repeats keeps exactly ${formatInteger(target)} steps at batch ${settings.batchSize}: rounding up each epoch's steps adds steps.`;
  return { ok: false, kind, reason, nearest: nearestOf(settings, fitting, target) };
}

const BATCH_FACTOR = 2;

/**
 * Double the batch and raise the LR by the rule (×2 linear, ×√2 square root),
 * and double the repeats (or else the epochs) so the steps stay the same;
 * when the batch or LR is at its limit, halve them instead.
 */
function batchForLearningRate(settings: Settings, rule: BatchRule): TwinResult {
  const kind = "batch-for-lr";
  const target = totalStepsOf(settings);
  const lrFactor = rule === "linear" ? BATCH_FACTOR : Math.sqrt(BATCH_FACTOR);
  const round = (rate: number) => Number(rate.toPrecision(3));

  const options: { candidate: Candidate; change: string; compensation: "repeats" | "epochs"; up: boolean }[] = [];
  for (const up of [true, false]) {
    const batchSize = up ? settings.batchSize * BATCH_FACTOR : settings.batchSize / BATCH_FACTOR;
    const learningRate = round(up ? settings.learningRate * lrFactor : settings.learningRate / lrFactor);
    for (const compensation of ["repeats", "epochs"] as const) {
      const value = up ? settings[compensation] * BATCH_FACTOR : settings[compensation] / BATCH_FACTOR;
      const candidate = { ...settings, batchSize, learningRate, [compensation]: value };
      options.push({ candidate, compensation, up, change: `batch ${batchSize}, LR ${formatRate(learningRate)}` });
    }
  }

  const exact = exactTwin(kind, settings, options, target, ({ candidate, compensation, up }) => {
    const ruleText =
      rule === "linear"
        ? `the article's linear rule; measurements with Adam favour √${BATCH_FACTOR}× instead (${formatRate(round(up ? settings.learningRate * Math.SQRT2 : settings.learningRate / Math.SQRT2))})`
        : `the √batch rule measurements with Adam favour; the article's linear rule would say ${formatRate(round(up ? settings.learningRate * BATCH_FACTOR : settings.learningRate / BATCH_FACTOR))}`;
    const compensationText =
      compensation === "repeats"
        ? `${up ? "doubling" : "halving"} the repeats (${settings.repeats} → ${candidate.repeats})`
        : `${up ? "doubling" : "halving"} the epochs (${settings.epochs} → ${candidate.epochs})`;
    return (
      `Batch ${settings.batchSize} → ${candidate.batchSize} with LR ${formatRate(settings.learningRate)} → ${formatRate(candidate.learningRate)} (${ruleText}); ` +
      `${up ? "a bigger batch would halve" : "a smaller batch would double"} the steps, so ${compensationText} keeps them at ${formatInteger(target)}.`
    );
  });
  if (exact) return exact;
  return {
    ok: false,
    kind,
    reason:
      `No batch change keeps exactly ${formatInteger(target)} steps within the limits: batch ${SETTINGS_LIMITS.batchSize.min}–${SETTINGS_LIMITS.batchSize.max}, ` +
      `LR at most ${formatRate(SETTINGS_LIMITS.learningRate.max)}, repeats and epochs ${SETTINGS_LIMITS.epochs.min}–${SETTINGS_LIMITS.epochs.max}.`,
    nearest: nearestOf(settings, options, target),
  };
}

/** The compare page for two runs. */
export function compareHref(a: string, b: string): string {
  return `/compare?runs=${encodeURIComponent(a)},${encodeURIComponent(b)}`;
}

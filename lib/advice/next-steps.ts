// "What to do next" for a finished run: read its last epochs, decide whether it
// stopped too early, too late or about right, and propose the new runs that
// would fix it, each simulated on the same seed so the numbers shown are the
// ones the new run will have.
import { countSteps, formatRate, simulate, SETTINGS_LIMITS, type Checkpoint, type Settings } from "@/lib/sim";
import { QUALITY_GAP_NOTABLE } from "@/lib/replay";

export type Situation = "underfit" | "overfit" | "balanced";
export type NextStepId = "more-epochs" | "stop-earlier" | "fewer-repeats" | "lower-lr";
export const NEXT_STEP_IDS: readonly NextStepId[] = ["more-epochs", "stop-earlier", "fewer-repeats", "lower-lr"];

/** A last epoch gaining at least this much quality over the one before still counts as climbing. */
export const STILL_CLIMBING = 0.005;
/** How far beyond the run's length the simulator looks for the peak of a run that stopped too early. */
export const LOOK_AHEAD_FACTOR = 3;

export interface NextStep {
  id: NextStepId;
  /** The button's text: "Try 17 epochs". */
  action: string;
  /** What changes and what the simulation of it shows, with the step count. */
  detail: string;
  /** The new run's settings: the run's own, seed included, with one change. */
  settings: Settings;
  totalSteps: number;
  bestEpoch: number;
  bestQuality: number;
}

export interface NextSteps {
  situation: Situation;
  headline: string;
  steps: NextStep[];
}

type RunLike = { settings: Settings; checkpoints: readonly Pick<Checkpoint, "epoch" | "quality" | "verdict">[]; recommendedEpoch: number };

/** The first epoch whose verdict is overfit, or null. The same rule as the checkpoints' badges. */
export function firstOverfitEpoch(checkpoints: readonly Pick<Checkpoint, "epoch" | "verdict">[]): number | null {
  return checkpoints.find((checkpoint) => checkpoint.verdict === "overfit")?.epoch ?? null;
}

const steps = new Intl.NumberFormat("en-US");

/**
 * Two qualities with enough digits to tell them apart (up to 3): the reader
 * must see the difference the advice is about.
 * @example qualityPair(0.7328, 0.7301) // → ["0.733", "0.730"]
 */
export function qualityPair(a: number, b: number): [string, string] {
  for (const digits of [2, 3]) {
    const pair: [string, string] = [a.toFixed(digits), b.toFixed(digits)];
    if (pair[0] !== pair[1] || digits === 3) return pair;
  }
  return [a.toFixed(3), b.toFixed(3)];
}

function proposal(id: NextStepId, action: string, settings: Settings, describe: (best: { epoch: number; quality: number; lastVerdict: string; totalSteps: number }) => string): NextStep {
  const result = simulate(settings, { lossCurve: false });
  const best = result.checkpoints[result.recommendedEpoch - 1];
  const last = result.checkpoints[result.checkpoints.length - 1];
  const summary = { epoch: result.recommendedEpoch, quality: best.quality, lastVerdict: last.verdict, totalSteps: result.totalSteps };
  return { id, action, detail: describe(summary), settings, totalSteps: result.totalSteps, bestEpoch: summary.epoch, bestQuality: best.quality };
}

/**
 * What to do after this run, computed with the simulator.
 * @example nextSteps(sixImageRun).steps[0].action // → "Try 17 epochs"
 */
export function nextSteps(run: RunLike): NextSteps {
  const { settings, checkpoints, recommendedEpoch } = run;
  const last = checkpoints[checkpoints.length - 1];
  const previous = checkpoints[checkpoints.length - 2];
  const recommended = checkpoints[recommendedEpoch - 1];
  const overfitFrom = firstOverfitEpoch(checkpoints);
  const climbing = recommendedEpoch === last.epoch && (!previous || last.quality - previous.quality >= STILL_CLIMBING);

  if (last.verdict === "underfit" || (climbing && overfitFrom === null)) {
    const horizon = Math.min(SETTINGS_LIMITS.epochs.max, Math.max(settings.epochs * LOOK_AHEAD_FACTOR, settings.epochs + 10));
    const longer = simulate({ ...settings, epochs: horizon }, { lossCurve: false });
    const target = Math.max(settings.epochs + 1, longer.recommendedEpoch);
    if (target <= SETTINGS_LIMITS.epochs.max && target > settings.epochs) {
      const more = proposal("more-epochs", `Try ${target} epochs`, { ...settings, epochs: target }, (best) => {
        const [then, now] = qualityPair(best.quality, recommended.quality);
        return `Same settings and seed with ${target} epochs (${steps.format(best.totalSteps)} steps): the simulation peaks at epoch ${best.epoch} with quality ${then}, against ${now} now.`;
      });
      return {
        situation: "underfit",
        headline: `Still improving: the last epoch is ${last.verdict} and the best so far, so the run stopped before its peak. Train longer: try ${target} epochs.`,
        steps: [more],
      };
    }
  }

  if (overfitFrom !== null || recommended.quality - last.quality >= QUALITY_GAP_NOTABLE) {
    const keep = recommendedEpoch;
    const { stepsPerEpoch } = countSteps(settings);
    const proposals: NextStep[] = [];
    proposals.push(
      proposal(
        "stop-earlier",
        `Try ${keep} epochs`,
        { ...settings, epochs: keep },
        (best) =>
          `Stop where this run peaked: ${keep} epochs, ${steps.format(best.totalSteps)} steps instead of ${steps.format(stepsPerEpoch * settings.epochs)}; its last epoch is ${best.lastVerdict}.`,
      ),
    );
    const repeats = Math.max(1, Math.round((settings.repeats * keep) / settings.epochs));
    if (repeats < settings.repeats) {
      proposals.push(
        proposal(
          "fewer-repeats",
          `Try ${repeats} repeats`,
          { ...settings, repeats },
          (best) =>
            `Keep ${settings.epochs} epochs with ${repeats} repeats instead of ${settings.repeats} (${steps.format(best.totalSteps)} steps): the simulation peaks at epoch ${best.epoch} (quality ${best.quality.toFixed(2)}) and ends ${best.lastVerdict}.`,
        ),
      );
    }
    const learningRate = Number((settings.learningRate / 2).toPrecision(3));
    proposals.push(
      proposal(
        "lower-lr",
        `Try LR ${formatRate(learningRate)}`,
        { ...settings, learningRate },
        (best) =>
          `Halve the learning rate (${formatRate(settings.learningRate)} → ${formatRate(learningRate)}), same ${steps.format(best.totalSteps)} steps: the simulation peaks at epoch ${best.epoch} (quality ${best.quality.toFixed(2)}, reached after ${steps.format(best.epoch * stepsPerEpoch)} steps) and ends ${best.lastVerdict}.`,
      ),
    );
    const where = overfitFrom !== null ? `overfit from epoch ${overfitFrom}` : `past its best after epoch ${keep}`;
    return {
      situation: "overfit",
      headline: `Trained too long: this run is ${where}, and epoch ${keep} is the best (quality ${recommended.quality.toFixed(2)} against ${last.quality.toFixed(2)} at the end). Keep epoch ${keep}, and train less next time:`,
      steps: proposals,
    };
  }

  return {
    situation: "balanced",
    headline: `About right: the best epoch is ${recommendedEpoch} of ${last.epoch} and the last one is ${last.verdict}. Keep epoch ${recommendedEpoch}; these settings need no change.`,
    steps: [],
  };
}

/** The proposal of the given kind for the run, or null when the run does not call for it. */
export function findNextStep(run: RunLike, id: NextStepId): NextStep | null {
  return nextSteps(run).steps.find((step) => step.id === id) ?? null;
}

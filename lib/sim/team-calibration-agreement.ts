// Predicted versus actual on an imported run's page: how the simulator's
// losses are scaled onto the measured ones (one factor, stated on the page),
// and the plain sentence on where the prediction and the team's pick disagree.
import type { Settings } from "./settings";
import { peakStepsAtEpoch } from "./team-calibration";

export interface LossPair {
  measured: number | null;
  predicted: number | null;
}

export interface LossScale {
  /** Multiplies every predicted loss, training and validation alike. */
  factor: number;
  /** Which measured loss the factor matches: the training loss when any was logged. */
  basis: "training" | "validation";
  /** Epochs with both a measured and a predicted value of that loss. */
  epochs: number;
}

/**
 * One factor for all predicted losses: measured mean ÷ predicted mean over the
 * epochs that have both, on the training loss when the trainer logged it, else
 * on the validation loss. One factor keeps every rise and fall of the
 * prediction in its true proportion; only the level moves. null when no epoch
 * has both.
 */
export function lossScale(training: readonly LossPair[], validation: readonly LossPair[]): LossScale | null {
  for (const [basis, pairs] of [
    ["training", training],
    ["validation", validation],
  ] as const) {
    const both = pairs.filter((pair): pair is { measured: number; predicted: number } => pair.measured !== null && pair.predicted !== null && pair.predicted > 0);
    if (both.length === 0) continue;
    const measured = both.reduce((sum, pair) => sum + pair.measured, 0) / both.length;
    const predicted = both.reduce((sum, pair) => sum + pair.predicted, 0) / both.length;
    if (!(measured > 0)) continue;
    return { factor: measured / predicted, basis, epochs: both.length };
  }
  return null;
}

export interface AgreementInput {
  settings: Settings;
  /** The simulator's best epoch for the run's settings (the default model). */
  predictedBest: number;
  pickedEpoch: number | null;
  /** Epoch of the lowest measured validation loss, when one was logged. */
  lowestMeasuredValidation: number | null;
  /** The best epoch calibrated to the team's other runs, with how many; null without a fit. */
  calibrated: { epoch: number; runs: number } | null;
}

function times(value: number): string {
  return `${value.toFixed(1)}×`;
}

/**
 * "The simulator expected the best checkpoint at epoch 6; your team picked
 * epoch 9: this run learned more slowly than predicted (…)", with the measured
 * validation minimum and the calibrated prediction when there are any.
 */
export function agreementSentence(input: AgreementInput): string {
  const { predictedBest, pickedEpoch, settings } = input;
  const parts: string[] = [];
  if (pickedEpoch === null) {
    parts.push(
      `The simulator expects the best checkpoint at epoch ${predictedBest}. Nobody has picked an epoch yet: pick the one you would keep, from the samples, to see how the two compare; every pick also calibrates the simulator to your team.`,
    );
  } else if (pickedEpoch === predictedBest) {
    parts.push(`The simulator expected the best checkpoint at epoch ${predictedBest}, and your team picked that epoch: this run learned as fast as predicted.`);
  } else {
    // Training counted as the dose does (steps at the peak learning rate): the schedule's decay and warm-up included.
    const ratio = peakStepsAtEpoch(settings, pickedEpoch) / peakStepsAtEpoch(settings, predictedBest);
    const slower = pickedEpoch > predictedBest;
    const how = slower
      ? `more slowly than predicted: it needed about ${times(ratio)} the training the model expects`
      : `faster than predicted: it peaked after about ${Math.round(ratio * 100)}% of the training the model expects`;
    parts.push(`The simulator expected the best checkpoint at epoch ${predictedBest}; your team picked epoch ${pickedEpoch}: this run learned ${how}.`);
  }
  if (input.lowestMeasuredValidation !== null) {
    const agrees = pickedEpoch !== null && input.lowestMeasuredValidation === pickedEpoch ? ", the epoch your team picked" : "";
    parts.push(`The measured validation loss is lowest at epoch ${input.lowestMeasuredValidation}${agrees}.`);
  }
  if (input.calibrated) {
    const runs = `${input.calibrated.runs} other real ${input.calibrated.runs === 1 ? "run" : "runs"}`;
    const verdict =
      pickedEpoch === null
        ? ""
        : input.calibrated.epoch === pickedEpoch
          ? ", your team's pick"
          : Math.abs(input.calibrated.epoch - pickedEpoch) < Math.abs(predictedBest - pickedEpoch)
            ? ", closer to your team's pick"
            : "";
    parts.push(`Calibrated to your team's ${runs}, the simulator expects epoch ${input.calibrated.epoch}${verdict}.`);
  }
  return parts.join(" ");
}

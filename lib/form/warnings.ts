// The article's warnings for a set of settings, as the new-run form shows them
// while the user types. Each names the settings it is about and, where the
// article gives a better value, offers it as a one-click fix.
import { adviseSettings, ARTICLE, formatRate, type Settings, type Verdict } from "@/lib/sim";

export type WarningId = "batch-without-lr" | "few-images-high-lr" | "unstable-lr" | "noisy-captions-te-lr" | "long-run";

export interface SettingsWarning {
  id: WarningId;
  /** What will go wrong, with the numbers. */
  message: string;
  /** The article's sentence behind it. */
  reason: string;
  /** Settings that fix it, offered as a button. */
  fix?: { label: string; values: Partial<Settings> };
}

type WarnedSettings = Pick<Settings, "images" | "repeats" | "epochs" | "batchSize" | "learningRate" | "textEncoderLearningRate" | "captionQuality">;

/** An LR this far below the proportional one still counts as "raised" (rounding, the √batch rule of Adam users). */
export const BATCH_LR_TOLERANCE = 0.75;
/** At or below this many images, the article lowers the LR to 5e-5. */
export const FEW_IMAGES_MAX = 8;
/** From here the LR is "far too high": unstable training that peaks lower. */
export const UNSTABLE_LR = 1e-3;
/** Captions at or below this quality are "weak, noisy, or mostly auto-generated and vague". */
export const NOISY_CAPTIONS_MAX = 0.4;
/** A run is "very long" when each image is seen this many times more than the article advises for the dataset size. */
export const LONG_RUN_FACTOR = 2;

/** What the simulation of the same settings shows: each epoch's verdict, in order. */
export interface SimulatedOutcome {
  verdicts: readonly Verdict[];
}

/**
 * Every article warning that applies to the settings, most important first.
 * Given the simulated outcome of the same settings, a warning never contradicts
 * it: one whose problem the simulation does not show says so, and why the
 * article still advises the change.
 * @example warnSettings({ images: 10, batchSize: 2, learningRate: 1e-4, … })[0].id // → "batch-without-lr"
 */
export function warnSettings(settings: WarnedSettings, outcome?: SimulatedOutcome): SettingsWarning[] {
  const warnings: SettingsWarning[] = [];
  const lastVerdict = outcome?.verdicts[outcome.verdicts.length - 1];
  const firstOverfit = outcome ? outcome.verdicts.indexOf("overfit") + 1 : 0;
  const showsOverfit = !outcome || firstOverfit > 0;
  const showsUnderfit = !outcome || lastVerdict === "underfit";
  const advice = adviseSettings(settings.images);
  const { batchSize, learningRate } = settings;

  // The batch-1 LR the article would use for this many images, scaled by the batch.
  const proportional = advice.learningRate.value * batchSize;
  if (batchSize > 1 && learningRate < proportional * BATCH_LR_TOLERANCE) {
    warnings.push({
      id: "batch-without-lr",
      message: showsUnderfit
        ? `Batch ${batchSize} at LR ${formatRate(learningRate)} will underfit: each step averages ${batchSize} images, so the run takes ${batchSize}× fewer steps without learning more per step. Raise the LR in proportion, to about ${formatRate(proportional)}.`
        : `Batch ${batchSize} at LR ${formatRate(learningRate)} learns less per epoch: each step averages ${batchSize} images, so the run takes ${batchSize}× fewer steps without learning more per step. Here the last epoch still ends ${lastVerdict}, but the article raises the LR in proportion, to about ${formatRate(proportional)}, to keep batch 1's pace.`,
      reason: ARTICLE.batchScaling,
      fix: { label: `Use LR ${formatRate(proportional)}`, values: { learningRate: proportional } },
    });
  }

  if (learningRate >= UNSTABLE_LR) {
    warnings.push({
      id: "unstable-lr",
      message: `LR ${formatRate(learningRate)} is far too high: training becomes unstable, misses details and peaks lower.`,
      reason: "Turn it up, and the model learns faster, but it can also become unstable or miss important details.",
      fix: { label: `Use LR ${formatRate(advice.learningRate.value * batchSize)}`, values: { learningRate: advice.learningRate.value * batchSize } },
    });
  } else if (settings.images <= FEW_IMAGES_MAX && learningRate / batchSize > 5e-5 * 1.01) {
    const images = `${settings.images} image${settings.images === 1 ? "" : "s"}`;
    warnings.push({
      id: "few-images-high-lr",
      message: showsOverfit
        ? `With only ${images}, LR ${formatRate(learningRate)} tends to overfit${firstOverfit > 0 ? ` (here from epoch ${firstOverfit})` : ""}: the model memorises the few images it has. The article lowers it to 5e-5.`
        : `With only ${images} the article lowers the LR to 5e-5 so that longer training does not overfit. At these settings nothing overfits yet (the last epoch is ${lastVerdict}), so LR ${formatRate(learningRate)} is not the problem here; lower it when you add epochs.`,
      reason: ARTICLE.learningRateFew,
      fix: { label: `Use LR ${formatRate(5e-5 * batchSize)}`, values: { learningRate: 5e-5 * batchSize } },
    });
  }

  if (settings.captionQuality <= NOISY_CAPTIONS_MAX && settings.textEncoderLearningRate > 1e-5) {
    warnings.push({
      id: "noisy-captions-te-lr",
      message: `Noisy captions (quality ${settings.captionQuality.toFixed(2)}) with a text-encoder LR of ${formatRate(settings.textEncoderLearningRate)}: the model learns the captions' noise and follows prompts worse. Lower the text-encoder LR, or better, fix the captions.`,
      reason: ARTICLE.textEncoder,
      fix: { label: "Use text-encoder LR 5e-6", values: { textEncoderLearningRate: 5e-6 } },
    });
  }

  const views = settings.repeats * settings.epochs;
  const advisedViews = advice.repeats.value * advice.epochs.value;
  if (views > advisedViews * LONG_RUN_FACTOR) {
    warnings.push({
      id: "long-run",
      message: `Very long run: each image is seen ${views.toLocaleString("en-US")} times (${settings.repeats} repeats × ${settings.epochs} epochs), over ${LONG_RUN_FACTOR}× the ${advisedViews.toLocaleString("en-US")} the article suggests for ${settings.images} images. ${
        showsOverfit
          ? `${firstOverfit > 0 ? `The simulation overfits from epoch ${firstOverfit}` : "Later epochs will likely overfit"}: lower repeats or epochs, and keep an earlier checkpoint.`
          : `Here nothing overfits yet (the last epoch is ${lastVerdict}), but every extra step costs GPU time: the article's length is usually enough.`
      }`,
      reason: ARTICLE.rigid,
      fix: {
        label: `Use ${advice.repeats.value} repeats × ${advice.epochs.value} epochs`,
        values: { repeats: advice.repeats.value, epochs: advice.epochs.value },
      },
    });
  }
  return warnings;
}

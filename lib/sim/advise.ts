// The article's rules of thumb for a dataset size: what the new-run form
// offers and what the lessons quote.
import { simulate } from "./simulate";

export interface Advice<T> {
  value: T;
  /** The article's sentence this value comes from. */
  reason: string;
}

export interface SettingsAdvice {
  /** Which of the article's dataset-size bands the image count falls in. */
  band: "very-few" | "few" | "sweet-spot" | "large";
  learningRate: Advice<number>;
  repeats: Advice<number>;
  epochs: Advice<number>;
  batchSize: Advice<number>;
  /** Extra context when the dataset is outside what the article covers. */
  note?: string;
}

export const ARTICLE = {
  learningRateDefault: "For most trainings with 10 to 25 training images, the default learning rate of 1e-4 works perfectly.",
  learningRateFew: "If you're using fewer images (around 5 to 8), you might want to lower it to 5e-5 to avoid overfitting.",
  learningRateLarge: "If you're using a larger dataset (25+ images), a slightly higher value like 2e-4 can help the model learn efficiently.",
  repeatsFew: "If you're training with 5 to 10 images, you may try higher (20-30 Repeats).",
  repeatsSweetSpot: "If you have 10 to 25 images, 15-20 Repeats is usually enough.",
  repeatsLarge: "With 25+ images, you may go lower — around 10-15 Repeats.",
  epochsFew: "If you only have a few images, say 5 or 6, you may need more epochs to give the model enough time to learn. Something like 15-20 epochs makes sense here.",
  epochsSweetSpot: "If you have 10 to 25 images, which is the sweet spot for most users, go with 10 epochs.",
  epochsLarge: "If you're using 25 or more images, you can probably lower down to 6 to 8 epochs. The dataset already has enough variety to train the model well.",
  batchSize: "Unless you're customizing an advanced workflow or running heavy-duty experiments, just leave batch size at 1. It's the most stable option.",
  batchScaling: "If you increase your batch size, you should raise the learning rate too: from 1 to 2, also increase the learning rate proportionally (e.g., from 1e-4 to 2e-4).",
  bestEpoch: "In fact, the best version is often in the middle — like epoch 6, 8 or 9 — before the model starts overfitting.",
  steps: "10 images × 20 repeats × 10 epochs = 2,000 steps.",
  rigid: "If your generations look too rigid or too close to the original training images, try lowering Repeats or Epochs a bit.",
  similar: "Don't assume the last version is the best - especially if your images were very similar or the style was strong. Earlier versions often give more flexible, expressive outputs.",
  textEncoder: "If the captions are weak, noisy, or mostly auto-generated and vague, you could lower this to reduce the impact - but a better option is to fix the captions themselves.",
  textEncoderDefault: "The default learning rate for the text encoder is 1e-5, and it's good for most use cases.",
} as const;

/** Why the repeats fall below the article's 10 for large datasets. */
export const LARGE_DATASET_NOTE =
  "Above about 60 images the repeats drop below the article's 10, down to 2 at 1,000 images: the training a dataset needs grows about with the square root of its images (public runs), not in proportion, so a full 10 repeats would overtrain.";

/**
 * The most repeats (from the article's 10 down), then the fewest of its 6–8
 * epochs, with which `images` images at 2e-4 peak in the second half of the
 * run, reach balanced from the peak on, and do not end overfit. A few dozen simulations of ≤ 8 epochs.
 */
function largeDatasetRecipe(images: number): { repeats: number; epochs: number } {
  for (let repeats = 10; repeats >= 1; repeats--) {
    // The article's 6–8 epochs; the largest sets, down to 1 repeat, may need a few more (still far fewer steps than 20 × 10).
    for (let epochs = 6; epochs <= (repeats === 1 ? 12 : 8); epochs++) {
      const result = simulate({ images, repeats, epochs, learningRate: 2e-4, seed: 0 }, { lossCurve: false });
      const best = result.checkpoints[result.recommendedEpoch - 1];
      const last = result.checkpoints[epochs - 1];
      // Balanced from the best epoch on, not necessarily at it: the best epoch may sit a hair under the
      // balanced threshold (quality within 0.001 of the next), and demanding it there made 27 images get
      // fewer repeats than 26 or 28.
      const balancedFromBest = result.checkpoints.slice(result.recommendedEpoch - 1).some((checkpoint) => checkpoint.verdict === "balanced");
      if (result.recommendedEpoch >= Math.ceil(epochs / 2) && balancedFromBest && best.verdict !== "overfit" && last.verdict !== "overfit") return { repeats, epochs };
    }
  }
  return { repeats: 1, epochs: 8 };
}

/**
 * The article's recommended learning rate, repeats and epochs for a dataset
 * size, each with the sentence it comes from. Where the article gives a range,
 * the value is the one that, in the simulator, puts the best epoch in the
 * second half of the run without ending overfit (advise.test.ts checks it).
 * @example adviseSettings(6).epochs // → { value: 20, reason: "If you only have a few images, …" }
 */
export function adviseSettings(images: number): SettingsAdvice {
  const batchSize = { value: 1, reason: ARTICLE.batchSize };
  if (images >= 25) {
    // The training a dataset needs grows about as √images (law 14) while an epoch grows as images:
    // past the article's 25–30 images, 10 repeats overtrain, so the repeats go down until they fit.
    const { repeats, epochs } = largeDatasetRecipe(images);
    return {
      band: "large",
      learningRate: { value: 2e-4, reason: ARTICLE.learningRateLarge },
      repeats: { value: repeats, reason: repeats < 10 ? LARGE_DATASET_NOTE : ARTICLE.repeatsLarge },
      epochs: { value: epochs, reason: epochs > 8 ? LARGE_DATASET_NOTE : ARTICLE.epochsLarge },
      batchSize,
      ...(repeats < 10 ? { note: LARGE_DATASET_NOTE } : {}),
    };
  }
  if (images >= 10) {
    return {
      band: "sweet-spot",
      learningRate: { value: 1e-4, reason: ARTICLE.learningRateDefault },
      // 15–20 repeats: the upper end for the smaller sets, the lower end once they near 25.
      repeats: { value: images < 15 ? 20 : 15, reason: ARTICLE.repeatsSweetSpot },
      epochs: { value: 10, reason: ARTICLE.epochsSweetSpot },
      batchSize,
    };
  }
  // 9 images sit between the article's "5 to 8" (lower LR, more epochs) and "10 to 25" (defaults).
  const few =
    images <= 8
      ? {
          learningRate: { value: 5e-5, reason: ARTICLE.learningRateFew },
          repeats: { value: images <= 6 ? 30 : 25, reason: ARTICLE.repeatsFew },
          epochs: { value: images <= 6 ? 20 : 16, reason: ARTICLE.epochsFew },
          batchSize,
        }
      : {
          learningRate: { value: 1e-4, reason: ARTICLE.learningRateDefault },
          repeats: { value: 20, reason: ARTICLE.repeatsFew },
          epochs: { value: 10, reason: ARTICLE.epochsSweetSpot },
          batchSize,
        };
  if (images < 5) {
    return {
      band: "very-few",
      ...few,
      note: "The article's advice starts at 5 images; with fewer, expect an under-trained, rigid model whatever the settings.",
    };
  }
  return { band: "few", ...few };
}

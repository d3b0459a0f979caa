import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adviseSettings, ARTICLE, LARGE_DATASET_NOTE } from "./advise";
import { simulate } from "./simulate";
import { intIn, seedArb } from "./test/arbitraries";
import { bestCheckpoint, lastCheckpoint } from "./test/helpers";

/** The numbers an article sentence allows, e.g. "15-20 Repeats" → [15, 20], "5e-5" → [5e-5, 5e-5]. */
function rangeIn(sentence: string, unit: RegExp): [number, number] {
  const match = sentence.match(unit);
  if (!match) throw new Error(`no range in: ${sentence}`);
  const low = Number(match[1]);
  return [low, match[2] === undefined ? low : Number(match[2])];
}

describe("adviseSettings", () => {
  it("puts image counts in the article's bands", () => {
    expect([1, 4].map((n) => adviseSettings(n).band)).toEqual(["very-few", "very-few"]);
    expect([5, 9].map((n) => adviseSettings(n).band)).toEqual(["few", "few"]);
    expect([10, 24].map((n) => adviseSettings(n).band)).toEqual(["sweet-spot", "sweet-spot"]);
    expect([25, 1000].map((n) => adviseSettings(n).band)).toEqual(["large", "large"]);
  });

  it("gives 5–8 images the article's lower LR, 10–25 the default, 25+ the higher one, each with its sentence", () => {
    for (const images of [5, 6, 7, 8]) expect(adviseSettings(images).learningRate).toEqual({ value: 5e-5, reason: ARTICLE.learningRateFew });
    for (const images of [10, 17, 24]) expect(adviseSettings(images).learningRate).toEqual({ value: 1e-4, reason: ARTICLE.learningRateDefault });
    for (const images of [25, 40, 1000]) expect(adviseSettings(images).learningRate).toEqual({ value: 2e-4, reason: ARTICLE.learningRateLarge });
    expect(ARTICLE.learningRateFew).toContain("5e-5");
    expect(ARTICLE.learningRateDefault).toContain("1e-4");
    expect(ARTICLE.learningRateLarge).toContain("2e-4");
  });

  it("picks repeats and epochs inside the range the quoted sentence gives", () => {
    fc.assert(
      fc.property(intIn(5, 1000), (images) => {
        const advice = adviseSettings(images);
        if (advice.repeats.reason === LARGE_DATASET_NOTE) {
          // Only in the article's 25+ band, where the simulator finds its 10 repeats overtrain (law 14):
          // fewer repeats than its 10, and saying why.
          expect(images).toBeGreaterThanOrEqual(25);
          expect(advice.repeats.value).toBeLessThan(10);
          return;
        } else {
          const [minRepeats, maxRepeats] = rangeIn(advice.repeats.reason, /(\d+)-(\d+) Repeats/);
          expect(advice.repeats.value).toBeGreaterThanOrEqual(minRepeats);
          expect(advice.repeats.value).toBeLessThanOrEqual(maxRepeats);
        }
        const [minEpochs, maxEpochs] = rangeIn(advice.epochs.reason, /(\d+)(?:-| to )?(\d+)? epochs/);
        expect(advice.epochs.value).toBeGreaterThanOrEqual(minEpochs);
        expect(advice.epochs.value).toBeLessThanOrEqual(maxEpochs);
      }),
    );
    expect(adviseSettings(6).epochs).toEqual({ value: 20, reason: ARTICLE.epochsFew });
    expect(adviseSettings(6).repeats).toEqual({ value: 30, reason: ARTICLE.repeatsFew });
    expect(adviseSettings(12).epochs).toEqual({ value: 10, reason: ARTICLE.epochsSweetSpot });
    expect(adviseSettings(25).repeats).toEqual({ value: 10, reason: ARTICLE.repeatsLarge });
    expect(adviseSettings(30).epochs).toEqual({ value: 6, reason: ARTICLE.epochsLarge });
    // 100 images need far fewer repeats than 25: the optimum grows about as √images.
    expect(adviseSettings(100).repeats.value).toBeLessThan(10);
    expect(adviseSettings(1000).repeats.value).toBeLessThan(adviseSettings(100).repeats.value);
  });

  it("never advises more repeats or epochs for more images in the 25+ band", () => {
    let previous = adviseSettings(25);
    for (let images = 26; images <= 1000; images++) {
      const advice = adviseSettings(images);
      expect(advice.repeats.value, `${images} images`).toBeLessThanOrEqual(previous.repeats.value);
      if (advice.repeats.value === previous.repeats.value) expect(advice.epochs.value, `${images} images`).toBeLessThanOrEqual(previous.epochs.value);
      previous = advice;
    }
  });

  it("always advises batch size 1, quoting the article", () => {
    fc.assert(
      fc.property(intIn(1, 1000), (images) => {
        expect(adviseSettings(images).batchSize).toEqual({ value: 1, reason: ARTICLE.batchSize });
      }),
    );
  });

  it("adds a note only below the article's 5 images", () => {
    expect(adviseSettings(4).note).toMatch(/5 images/);
    expect(adviseSettings(5).note).toBeUndefined();
  });

  it("lands the best epoch in the second half of the run, balanced from there on, and never ends overfit when followed", () => {
    fc.assert(
      fc.property(intIn(5, 1000), seedArb, (images, seed) => {
        const advice = adviseSettings(images);
        const result = simulate(
          {
            images,
            seed,
            learningRate: advice.learningRate.value,
            repeats: advice.repeats.value,
            epochs: advice.epochs.value,
            batchSize: advice.batchSize.value,
          },
          { lossCurve: false },
        );
        expect(result.recommendedEpoch).toBeGreaterThanOrEqual(Math.ceil(advice.epochs.value / 2));
        // The best epoch may sit a hair under the balanced threshold, the next one over it.
        expect(bestCheckpoint(result).verdict).not.toBe("overfit");
        expect(result.checkpoints.slice(result.recommendedEpoch - 1).map((checkpoint) => checkpoint.verdict)).toContain("balanced");
        expect(lastCheckpoint(result).verdict).not.toBe("overfit");
      }),
      { numRuns: 300 },
    );
  });

  it("under the defaults instead, 25+ images end overfit: the reason the article lowers epochs and repeats", () => {
    const defaults = simulate({ images: 40, seed: 1 }, { lossCurve: false });
    const advice = adviseSettings(40);
    const advised = simulate({ images: 40, seed: 1, learningRate: advice.learningRate.value, repeats: advice.repeats.value, epochs: advice.epochs.value }, { lossCurve: false });
    expect(lastCheckpoint(defaults).verdict).toBe("overfit");
    expect(lastCheckpoint(advised).verdict).toBe("balanced");
  });
});

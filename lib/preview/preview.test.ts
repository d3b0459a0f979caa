import { describe, expect, it } from "vitest";
import { simulate } from "@/lib/sim";
import { baselineCheckpoint, buildSamplePreview, describePreview, previewEpochs, previewLookOf, SAMPLE_PROMPTS, type PreviewMetrics } from "./index";

const underfit: PreviewMetrics = { epoch: 1, fidelity: 0.18, flexibility: 0.76, captionAdherence: 0.1, overfitRisk: 0, verdict: "underfit" };
const balanced: PreviewMetrics = { epoch: 7, fidelity: 0.82, flexibility: 0.7, captionAdherence: 0.45, overfitRisk: 0.12, verdict: "balanced" };
const overfit: PreviewMetrics = { epoch: 10, fidelity: 0.94, flexibility: 0.23, captionAdherence: 0.3, overfitRisk: 0.85, verdict: "overfit" };

/** Mean distance between the subject's placement for each pair of prompts. */
function compositionSpread(checkpoint: PreviewMetrics, seed = 7) {
  const looks = SAMPLE_PROMPTS.map((prompt) => previewLookOf(checkpoint, prompt, seed).subject);
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < looks.length; i++) {
    for (let j = i + 1; j < looks.length; j++) {
      total += Math.hypot(looks[i].x - looks[j].x, looks[i].y - looks[j].y, 20 * (looks[i].scale - looks[j].scale));
      pairs++;
    }
  }
  return total / pairs;
}

describe("buildSamplePreview", () => {
  it("draws the same image for the same checkpoint, seed and prompt", () => {
    const input = { checkpoint: balanced, seed: 1101, prompt: SAMPLE_PROMPTS[1] };
    expect(buildSamplePreview(input)).toEqual(buildSamplePreview(input));
  });

  it("draws a different subject for another run's seed", () => {
    const a = buildSamplePreview({ checkpoint: balanced, seed: 1, prompt: SAMPLE_PROMPTS[0] });
    const b = buildSamplePreview({ checkpoint: balanced, seed: 2, prompt: SAMPLE_PROMPTS[0] });
    expect(a.shapes).not.toEqual(b.shapes);
  });

  it("makes underfit checkpoints vague: blurred, hazy and with fewer details than balanced ones", () => {
    const vague = buildSamplePreview({ checkpoint: underfit, seed: 3, prompt: SAMPLE_PROMPTS[0] });
    const clear = buildSamplePreview({ checkpoint: balanced, seed: 3, prompt: SAMPLE_PROMPTS[0] });
    expect(vague.look.blur).toBeGreaterThan(1.5);
    expect(clear.look.blur).toBeLessThan(0.2);
    expect(vague.overlay.length).toBe(1);
    expect(vague.shapes.length).toBeLessThan(clear.shapes.length);
  });

  it("lets balanced checkpoints follow each prompt and overfit ones repeat one composition", () => {
    expect(compositionSpread(balanced)).toBeGreaterThan(15);
    expect(compositionSpread(overfit)).toBeLessThan(2);
  });

  it("over-saturates overfit checkpoints", () => {
    expect(previewLookOf(overfit, SAMPLE_PROMPTS[2], 1).saturation).toBeGreaterThan(1.4);
    expect(previewLookOf(balanced, SAMPLE_PROMPTS[2], 1).saturation).toBeLessThan(1.2);
  });

  it("keeps every coordinate finite, for every prompt of every checkpoint of a run", () => {
    const run = simulate({ images: 40, seed: 1104, epochs: 12 });
    for (const checkpoint of run.checkpoints) {
      for (const prompt of SAMPLE_PROMPTS) {
        const image = buildSamplePreview({ checkpoint, seed: 1104, prompt });
        expect(JSON.stringify(image)).not.toMatch(/NaN|Infinity|null/);
      }
    }
  });
});

describe("describePreview", () => {
  it("says what an underfit, a balanced and an overfit checkpoint draw", () => {
    expect(describePreview(underfit, SAMPLE_PROMPTS[0])).toMatch(/^Epoch 1, “portrait.*”: a vague, generic figure/);
    expect(describePreview(balanced, SAMPLE_PROMPTS[1])).toMatch(/clearly drawn; follows the prompt's scene\.$/);
    expect(describePreview(overfit, SAMPLE_PROMPTS[2])).toMatch(/repeats the training image's composition, over-saturated\.$/);
  });
});

describe("previewEpochs", () => {
  it("shows every epoch of a short run", () => {
    expect(previewEpochs(10, [8])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("spreads about twelve epochs over a long run, keeping first, last, recommended and picked", () => {
    const epochs = previewEpochs(40, [17, 23]);
    expect(epochs.length).toBeGreaterThanOrEqual(11);
    expect(epochs.length).toBeLessThanOrEqual(12);
    expect(epochs).toEqual(expect.arrayContaining([1, 17, 23, 40]));
    expect(epochs).toEqual([...new Set(epochs)].sort((a, b) => a - b));
  });
});

describe("baselineCheckpoint", () => {
  it("draws an untrained, generic image that still follows each prompt", () => {
    const baseline = baselineCheckpoint();
    expect(baseline.epoch).toBe(0);
    for (const prompt of SAMPLE_PROMPTS) {
      const image = buildSamplePreview({ checkpoint: baseline, seed: 42, prompt });
      expect(image.look.detail).toBe(0);
      expect(image.look.promptFollow).toBe(1);
      expect(image.description).toMatch(/^Untrained baseline \(epoch 0\), “.+”: a vague, generic figure/);
    }
  });

  it("shows less of the subject than any trained epoch of a run", () => {
    const run = simulate(
      { images: 10, repeats: 20, epochs: 6, batchSize: 1, learningRate: 1e-4, textEncoderLearningRate: 1e-5, captionQuality: 0.7, datasetSimilarity: 0.4, seed: 3 },
      { lossCurve: false },
    );
    const baseline = previewLookOf(baselineCheckpoint(), SAMPLE_PROMPTS[0], 3);
    for (const checkpoint of run.checkpoints) expect(previewLookOf(checkpoint, SAMPLE_PROMPTS[0], 3).detail).toBeGreaterThan(baseline.detail);
  });
});

import { describe, expect, it } from "vitest";
import { resolveSettings } from "./schema";
import { agreementSentence, lossScale } from "./team-calibration-agreement";

const settings = resolveSettings({ images: 10, epochs: 12, seed: 1 });

describe("lossScale", () => {
  it("matches the mean measured training loss with one factor", () => {
    const scale = lossScale(
      [
        { measured: 0.2, predicted: 0.1 },
        { measured: 0.4, predicted: 0.2 },
        { measured: null, predicted: 0.3 },
      ],
      [{ measured: 1, predicted: 0.1 }],
    );
    expect(scale).toEqual({ factor: 2, basis: "training", epochs: 2 });
  });

  it("falls back to the validation loss, and gives null when nothing was measured", () => {
    expect(lossScale([{ measured: null, predicted: 0.1 }], [{ measured: 0.05, predicted: 0.1 }])).toEqual({ factor: 0.5, basis: "validation", epochs: 1 });
    expect(lossScale([{ measured: null, predicted: 0.1 }], [{ measured: null, predicted: 0.1 }])).toBeNull();
  });
});

describe("agreementSentence", () => {
  it("says the run learned more slowly when the team picked later, and by how much", () => {
    const text = agreementSentence({ settings, predictedBest: 6, pickedEpoch: 9, lowestMeasuredValidation: null, calibrated: null });
    expect(text).toBe(
      "The simulator expected the best checkpoint at epoch 6; your team picked epoch 9: this run learned more slowly than predicted: it needed about 1.5× the training the model expects.",
    );
  });

  it("says the run learned faster when the team picked earlier", () => {
    expect(agreementSentence({ settings, predictedBest: 8, pickedEpoch: 6, lowestMeasuredValidation: 6, calibrated: null })).toBe(
      "The simulator expected the best checkpoint at epoch 8; your team picked epoch 6: this run learned faster than predicted: it peaked after about 75% of the training the model expects. The measured validation loss is lowest at epoch 6, the epoch your team picked.",
    );
  });

  it("agrees, invites a pick, and adds the calibrated prediction", () => {
    expect(agreementSentence({ settings, predictedBest: 7, pickedEpoch: 7, lowestMeasuredValidation: null, calibrated: null })).toMatch(/picked that epoch: this run learned as fast as predicted\.$/);
    expect(agreementSentence({ settings, predictedBest: 7, pickedEpoch: null, lowestMeasuredValidation: 5, calibrated: { epoch: 5, runs: 3 } })).toMatch(
      /^The simulator expects the best checkpoint at epoch 7\. Nobody has picked an epoch yet.*lowest at epoch 5\. Calibrated to your team's 3 other real runs, the simulator expects epoch 5\.$/,
    );
    expect(agreementSentence({ settings, predictedBest: 6, pickedEpoch: 9, lowestMeasuredValidation: null, calibrated: { epoch: 8, runs: 4 } })).toMatch(
      /Calibrated to your team's 4 other real runs, the simulator expects epoch 8, closer to your team's pick\.$/,
    );
  });
});

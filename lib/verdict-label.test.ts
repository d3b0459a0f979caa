import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "@/lib/sim";
import { NEAR_BEST_SHARE, STILL_IMPROVING_LABEL, verdictLabel } from "./verdict-label";

describe("verdictLabel", () => {
  it("calls an underfit checkpoint within a hair of the best quality still improving", () => {
    expect(verdictLabel("underfit", 0.996 * 0.8, 0.8)).toBe(STILL_IMPROVING_LABEL);
    expect(verdictLabel("underfit", 0.8, 0.8)).toBe(STILL_IMPROVING_LABEL);
  });

  it("keeps Underfit further from the best, and every verdict without the qualities", () => {
    expect(verdictLabel("underfit", 0.7, 0.8)).toBe("Underfit");
    expect(verdictLabel("underfit")).toBe("Underfit");
    expect(verdictLabel("balanced", 0.8, 0.8)).toBe("Balanced");
    expect(verdictLabel("overfit", 0.79, 0.8)).toBe("Overfit");
  });

  it("relabels only underfit checkpoints at ≥ 99% of their run's best, over many runs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 60 }), fc.integer({ min: 2, max: 20 }), fc.integer({ min: 0, max: 1000 }), (images, epochs, seed) => {
        const run = simulate({ images, epochs, seed }, { lossCurve: false });
        const best = run.checkpoints[run.recommendedEpoch - 1].quality;
        for (const checkpoint of run.checkpoints) {
          const label = verdictLabel(checkpoint.verdict, checkpoint.quality, best);
          const near = checkpoint.quality >= best * NEAR_BEST_SHARE;
          expect(label === STILL_IMPROVING_LABEL).toBe(checkpoint.verdict === "underfit" && near);
        }
      }),
      { numRuns: 60 },
    );
  });
});

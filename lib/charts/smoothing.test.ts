import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clampSmoothing, lossRowsOnAxis, parseSmoothing, parseXAxis, smoothSeries, stepToAxis } from "./smoothing";

describe("smoothSeries", () => {
  it("matches TensorBoard's debiased moving average worked by hand", () => {
    // last: 0.5, 0.25, 0.625, 0.3125; debias: 0.5, 0.75, 0.875, 0.9375.
    const smoothed = smoothSeries([1, 0, 1, 0], 0.5);
    expect(smoothed.map((v) => Number(v.toFixed(6)))).toEqual([1, 0.333333, 0.714286, 0.333333]);
  });

  it("is the raw series at weight 0 and starts at the first value whatever the weight", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (values, weight) => {
        expect(smoothSeries(values, 0)).toEqual(values);
        expect(smoothSeries(values, weight)[0]).toBeCloseTo(values[0], 12);
      }),
    );
  });

  it("stays within the range of the values and smooths more at a higher weight", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 80 }), (values) => {
        const lo = Math.min(...values);
        const hi = Math.max(...values);
        const roughness = (series: number[]) => series.slice(1).reduce((sum, v, i) => sum + Math.abs(v - series[i]), 0);
        const light = smoothSeries(values, 0.3);
        const heavy = smoothSeries(values, 0.9);
        for (const v of [...light, ...heavy]) {
          expect(v).toBeGreaterThanOrEqual(lo - 1e-12);
          expect(v).toBeLessThanOrEqual(hi + 1e-12);
        }
        expect(roughness(heavy)).toBeLessThanOrEqual(roughness(light) + 1e-9);
      }),
    );
  });

  it("keeps a constant series exactly constant and lets missing values through untouched", () => {
    expect(smoothSeries([0.1, 0.1, 0.1], 0.9)).toEqual([0.1, 0.1, 0.1]);
    const result = smoothSeries([1, Number.NaN, 0], 0.5);
    expect(result[0]).toBe(1);
    expect(result[1]).toBeNaN();
    expect(result[2]).toBeCloseTo(1 / 3, 12);
  });

  it("clamps weights outside 0–0.999", () => {
    expect(clampSmoothing(2)).toBe(0.999);
    expect(clampSmoothing(-1)).toBe(0);
    expect(clampSmoothing(Number.NaN)).toBe(0);
  });
});

describe("parseSmoothing", () => {
  it("reads a weight from the URL and falls back on anything else", () => {
    expect(parseSmoothing("0.9")).toBe(0.9);
    expect(parseSmoothing("0")).toBe(0);
    expect(parseSmoothing("1")).toBe(0.6);
    expect(parseSmoothing("abc", 0.2)).toBe(0.2);
    expect(parseSmoothing(undefined)).toBe(0.6);
  });
});

describe("stepToAxis", () => {
  const geometry = { images: 10, repeats: 20, batchSize: 1 };

  it("leaves steps as they are, and counts epochs as fractions", () => {
    expect(stepToAxis(300, "steps", geometry)).toBe(300);
    expect(stepToAxis(300, "epochs", geometry)).toBe(1.5);
  });

  it("counts images seen as steps × batch, with a partial last batch per epoch", () => {
    // 10 × 3 = 30 images per epoch at batch 4: 8 steps, the last one holding 2 images.
    const odd = { images: 10, repeats: 3, batchSize: 4 };
    expect(stepToAxis(7, "images", odd)).toBe(28);
    expect(stepToAxis(8, "images", odd)).toBe(30);
    expect(stepToAxis(9, "images", odd)).toBe(34);
    expect(stepToAxis(16, "images", odd)).toBe(60);
  });

  it("ends every epoch at exactly epoch × images × repeats images and at a whole epoch", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 20 }), (images, repeats, batchSize, epoch) => {
        const stepsPerEpoch = Math.ceil((images * repeats) / batchSize);
        const step = epoch * stepsPerEpoch;
        expect(stepToAxis(step, "images", { images, repeats, batchSize })).toBe(epoch * images * repeats);
        expect(stepToAxis(step, "epochs", { images, repeats, batchSize })).toBe(epoch);
      }),
    );
  });
});

describe("parseXAxis", () => {
  it("accepts the three axes and defaults to steps", () => {
    expect(parseXAxis("epochs")).toBe("epochs");
    expect(parseXAxis("images")).toBe("images");
    expect(parseXAxis("weird")).toBe("steps");
    expect(parseXAxis(null)).toBe("steps");
  });
});

describe("lossRowsOnAxis", () => {
  const geometry = { images: 10, repeats: 10, batchSize: 1 };
  const rows = [
    { step: 0, trainLoss: 0.3 },
    { step: 50, trainLoss: 0.1 },
    { step: 100, trainLoss: 0.3, validationLoss: 0.25, epoch: 1 },
    { step: 200, validationLoss: 0.2, epoch: 2 },
  ];

  it("smooths the training loss only, as smoothSeries does, and keeps validation points raw", () => {
    const out = lossRowsOnAxis(rows, 0.5, "steps", geometry);
    expect(out.map((row) => row.trainLoss)).toEqual([...smoothSeries([0.3, 0.1, 0.3], 0.5), undefined]);
    expect(out.map((row) => row.validationLoss)).toEqual([undefined, undefined, 0.25, 0.2]);
    expect(out.map((row) => row.x)).toEqual([0, 50, 100, 200]);
  });

  it("places rows in epochs or images seen, and leaves raw data alone at weight 0", () => {
    expect(lossRowsOnAxis(rows, 0, "epochs", geometry).map((row) => row.x)).toEqual([0, 0.5, 1, 2]);
    expect(lossRowsOnAxis(rows, 0, "images", geometry).map((row) => row.x)).toEqual([0, 50, 100, 200]);
    expect(lossRowsOnAxis(rows, 0, "steps", geometry).map((row) => row.trainLoss)).toEqual([0.3, 0.1, 0.3, undefined]);
  });

  it("never moves a smoothed value outside the raw range (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (losses, weight) => {
        const out = lossRowsOnAxis(
          losses.map((loss, step) => ({ step, trainLoss: loss })),
          weight,
          "steps",
          geometry,
        );
        for (const row of out) {
          expect(row.trainLoss!).toBeGreaterThanOrEqual(Math.min(...losses) - 1e-9);
          expect(row.trainLoss!).toBeLessThanOrEqual(Math.max(...losses) + 1e-9);
        }
      }),
    );
  });
});

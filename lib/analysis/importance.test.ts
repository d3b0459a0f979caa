import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/sim/random";
import { binByValue, describeImportance, firstOrderImportance } from "./importance";

type Row = { x: number[]; y: number };

function sample(size: number, seed: number, dims: number, f: (x: number[]) => number, draw: (u: number) => number = (u) => u): Row[] {
  const random = createRandom(seed);
  return Array.from({ length: size }, () => {
    const x = Array.from({ length: dims }, () => draw(random()));
    return { x, y: f(x) };
  });
}

const keys = ["x1", "x2", "x3"] as const;
const valueOf = (row: Row, key: (typeof keys)[number]) => row.x[keys.indexOf(key)];
const byKey = (result: { key: string; index: number }[]) => Object.fromEntries(result.map((r) => [r.key, r.index]));

describe("firstOrderImportance", () => {
  it("recovers the known indices of a linear function: 4·x1 + 2·x2 + 0·x3 gives 0.8, 0.2, 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rows = sample(3000, seed, 3, ([a, b]) => 4 * a + 2 * b);
        const result = firstOrderImportance(rows, keys, valueOf, (row) => row.y);
        expect(result.map((r) => r.key)).toEqual(["x1", "x2", "x3"]);
        const s = byKey(result);
        expect(s.x1).toBeCloseTo(0.8, 1);
        expect(s.x2).toBeCloseTo(0.2, 1);
        expect(s.x3).toBeLessThan(0.01);
      }),
      { numRuns: 25 },
    );
  });

  it("recovers the Ishigami function's first-order indices (0.314, 0.442, 0: x3 only acts through an interaction)", () => {
    const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rows = sample(5000, seed, 3, ishigami, (u) => -Math.PI + 2 * Math.PI * u);
        const s = byKey(firstOrderImportance(rows, keys, valueOf, (row) => row.y));
        expect(Math.abs(s.x1 - 0.3139)).toBeLessThan(0.05);
        expect(Math.abs(s.x2 - 0.4424)).toBeLessThan(0.05);
        expect(s.x3).toBeLessThan(0.03);
      }),
      { numRuns: 15 },
    );
  });

  it("finds a setting with few distinct values, and gives pure noise almost nothing", () => {
    const random = createRandom(3);
    const rows: Row[] = Array.from({ length: 2000 }, () => {
      const batch = [1, 2, 4, 8][Math.floor(random() * 4)];
      const noise = random();
      return { x: [batch, noise, random()], y: Math.log2(batch) + 0.1 * noise };
    });
    const result = firstOrderImportance(rows, keys, valueOf, (row) => row.y);
    expect(result[0].key).toBe("x1");
    expect(result[0].bins).toHaveLength(4);
    expect(result[0].index).toBeGreaterThan(0.95);
    expect(byKey(result).x3).toBeLessThan(0.01);
  });

  it("gives 0 to every setting when the outcome does not vary", () => {
    const rows = sample(200, 1, 3, () => 0.5);
    expect(firstOrderImportance(rows, keys, valueOf, (row) => row.y).map((r) => r.index)).toEqual([0, 0, 0]);
  });
});

describe("binByValue", () => {
  it("makes equal-count bins that never split equal values and cover every row once", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 25 }), (xs, bins) => {
        const groups = binByValue(xs, bins);
        expect(groups.flat().sort((a, b) => a - b)).toEqual(xs.map((_, i) => i));
        for (let g = 1; g < groups.length; g++) {
          const previousMax = Math.max(...groups[g - 1].map((i) => xs[i]));
          expect(Math.min(...groups[g].map((i) => xs[i]))).toBeGreaterThan(previousMax);
        }
        expect(groups.length).toBeLessThanOrEqual(Math.max(bins, 1) + 1);
      }),
    );
  });
});

describe("describeImportance", () => {
  it("says the share and how the outcome moves along the setting", () => {
    const text = describeImportance(
      {
        key: "learningRate",
        index: 0.414,
        bins: [
          { from: 2e-5, to: 3e-5, count: 10, mean: 0.52 },
          { from: 1e-4, to: 1.2e-4, count: 10, mean: 0.8 },
          { from: 3e-4, to: 4e-4, count: 10, mean: 0.74 },
        ],
      },
      "Learning rate",
      "best quality",
      (v) => v.toExponential(0),
    );
    expect(text).toBe("Learning rate explains 41% of the spread in best quality: from 0.52 at 2e-5–3e-5 to 0.74 at 3e-4–4e-4, peaking at 0.80 around 1e-4–1e-4.");
  });
});

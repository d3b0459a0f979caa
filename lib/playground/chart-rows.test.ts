import { describe, expect, it } from "vitest";
import { simulate } from "@/lib/sim";
import { epochRows, smooth, stepRows } from "./chart-rows";

const current = simulate({ images: 10, epochs: 12, seed: 1 });
const ghost = simulate({ images: 10, epochs: 8, seed: 1 });

describe("epochRows", () => {
  it("has one row per epoch of the longer run, the ghost's values null past its end", () => {
    const rows = epochRows(current, ghost);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({
      epoch: 1,
      quality: current.checkpoints[0].quality,
      fidelity: current.checkpoints[0].fidelity,
      flexibility: current.checkpoints[0].flexibility,
      overfitRisk: current.checkpoints[0].overfitRisk,
      ghostQuality: ghost.checkpoints[0].quality,
      ghostOverfitRisk: ghost.checkpoints[0].overfitRisk,
    });
    expect(rows[11].ghostQuality).toBeNull();
    expect(epochRows(ghost, current)[11].quality).toBeNull();
  });

  it("leaves the ghost out when there is none", () => {
    expect(epochRows(current, null).every((row) => row.ghostQuality === null)).toBe(true);
  });
});

describe("stepRows", () => {
  it("merges curve points, validation points and ghost points on sorted unique steps", () => {
    const rows = stepRows(current, ghost);
    const steps = rows.map((row) => row.step as number);
    expect(steps).toEqual([...new Set(steps)].sort((a, b) => a - b));
    expect(rows.filter((row) => row.trainLoss !== null)).toHaveLength(current.lossCurve.length);
    expect(rows.filter((row) => row.validationLoss !== null)).toHaveLength(current.checkpoints.length);
    expect(rows.filter((row) => row.smoothLoss !== null)).toHaveLength(current.lossCurve.length);
    expect(rows.filter((row) => row.ghostSmoothLoss !== null)).toHaveLength(ghost.lossCurve.length);
    expect(rows.at(-1)!.step).toBe(current.totalSteps);
  });
});

describe("stepRows on the epochs and images axes", () => {
  it("places the ghost by its own settings: a ghost at batch 2 ends at its own last epoch and its own images seen", () => {
    const base = { images: 10, repeats: 10, epochs: 6, batchSize: 1, seed: 5 };
    const now = simulate(base);
    const before = simulate({ ...base, batchSize: 2 });
    for (const kind of ["epochs", "images"] as const) {
      const rows = stepRows(now, before, 0.5, kind);
      const xs = rows.map((row) => row.x as number);
      expect(xs).toEqual([...new Set(xs)].sort((a, b) => a - b));
      const lastGhost = rows.filter((row) => row.ghostSmoothLoss !== null).at(-1)!;
      const lastCurrent = rows.filter((row) => row.trainLoss !== null).at(-1)!;
      // Both runs train 6 epochs over 100 images × repeats: they end at the same x, however many steps each took.
      expect(lastGhost.x).toBeCloseTo(lastCurrent.x as number, 6);
      expect(lastGhost.x).toBeCloseTo(kind === "epochs" ? 6 : 6 * 100, 6);
      expect(rows.filter((row) => row.ghostSmoothLoss !== null)).toHaveLength(before.lossCurve.length);
    }
  });
});

describe("smooth", () => {
  it("keeps a constant series constant, from the first point", () => {
    expect(smooth([0.1, 0.1, 0.1], 0.3).map((v) => Number(v.toFixed(12)))).toEqual([0.1, 0.1, 0.1]);
  });

  it("follows a step change gradually", () => {
    const values = smooth([0, 0, 1, 1], 0.5);
    expect(values[2]).toBeGreaterThan(0);
    expect(values[2]).toBeLessThan(1);
    expect(values[3]).toBeGreaterThan(values[2]);
  });
});

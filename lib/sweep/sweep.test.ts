import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { simulate } from "@/lib/sim";
import { PLAYGROUND_DEFAULTS } from "@/lib/playground";
import { axisValues, SWEEP_AXES } from "./axes";
import { normalise, rampColor } from "./color";
import { bestCell, bestCellsByRow, isBetterCell, cellColor, cellValue, computeSweep, legendStops, scaleFor, type SweepSpec } from "./sweep";
import { DEFAULT_SWEEP } from "./params";

describe("axisValues", () => {
  it("steps through whole numbers evenly", () => {
    expect(axisValues(SWEEP_AXES.epochs, 1, 20, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("spaces a log axis geometrically and rounds to two significant digits", () => {
    expect(axisValues(SWEEP_AXES.learningRate, 1e-5, 1e-3, 3)).toEqual([1e-5, 1e-4, 1e-3]);
    const values = axisValues(SWEEP_AXES.learningRate, 1e-5, 1e-3, 20);
    expect(values).toHaveLength(20);
    values.forEach((value) => expect(Number(value.toPrecision(2))).toBe(value));
  });

  it("drops repeats when an integer range has fewer values than cells", () => {
    expect(axisValues(SWEEP_AXES.batchSize, 1, 4, 20)).toEqual([1, 2, 3, 4]);
  });

  it("rounds fractions to clean values", () => {
    expect(axisValues(SWEEP_AXES.captionQuality, 0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe("computeSweep", () => {
  const spec: SweepSpec = { ...DEFAULT_SWEEP };

  it("returns one cell per pair of axis values, rows along y", () => {
    const grid = computeSweep(spec);
    expect(grid.xValues).toHaveLength(20);
    expect(grid.yValues).toHaveLength(20);
    expect(grid.rows).toHaveLength(20);
    grid.rows.forEach((row, j) => {
      expect(row).toHaveLength(20);
      row.forEach((cell, i) => expect([cell.x, cell.y]).toEqual([grid.xValues[i], grid.yValues[j]]));
    });
  });

  it("summarises each cell exactly as simulate() does", () => {
    const grid = computeSweep(spec);
    const cell = grid.rows[9][7];
    const result = simulate({ ...PLAYGROUND_DEFAULTS, learningRate: cell.x, epochs: cell.y }, { lossCurve: false });
    expect(cell).toEqual({
      x: cell.x,
      y: cell.y,
      bestQuality: result.checkpoints[result.recommendedEpoch - 1].quality,
      bestEpoch: result.recommendedEpoch,
      finalOverfitRisk: result.checkpoints.at(-1)!.overfitRisk,
    });
  });

  it("uses the √batch rule when asked", () => {
    const base = { ...spec, base: { ...PLAYGROUND_DEFAULTS, batchSize: 4 }, steps: 3 };
    const linear = computeSweep(base);
    const sqrt = computeSweep({ ...base, batchRule: "sqrt" });
    expect(sqrt.rows[1][1].bestQuality).not.toBe(linear.rows[1][1].bestQuality);
  });

  it("shows the article's rules: more epochs never lower the final risk, the best epoch never exceeds the epochs", () => {
    const grid = computeSweep(spec);
    for (let i = 0; i < grid.xValues.length; i++) {
      for (let j = 1; j < grid.yValues.length; j++) {
        expect(grid.rows[j][i].finalOverfitRisk).toBeGreaterThanOrEqual(grid.rows[j - 1][i].finalOverfitRisk);
        expect(grid.rows[j][i].bestEpoch).toBeLessThanOrEqual(grid.rows[j][i].y);
      }
    }
  });

  it("peaks near the article's default LR for 10 images", () => {
    const top = computeSweep(spec)
      .rows.flat()
      .reduce((a, c) => (c.bestQuality > a.bestQuality ? c : a));
    expect(top.x).toBeGreaterThanOrEqual(4e-5);
    expect(top.x).toBeLessThanOrEqual(3e-4);
  });

  it("calls best the cell of top shown quality with the lowest final overfit risk", () => {
    const cells = computeSweep(spec).rows.flat();
    const top = bestCell(computeSweep(spec))!;
    const shownMax = Math.max(...cells.map((c) => Number(c.bestQuality.toFixed(2))));
    expect(Number(top.bestQuality.toFixed(2))).toBe(shownMax);
    const tied = cells.filter((c) => Number(c.bestQuality.toFixed(2)) === shownMax);
    expect(top.finalOverfitRisk).toBe(Math.min(...tied.map((c) => c.finalOverfitRisk)));
  });
});

describe("cells that are not a valid run", () => {
  it("carry the schema's message instead of numbers, and are left out of the best cell and the scale", () => {
    // Warm-up of 600 steps is longer than every 1- and 2-epoch run of 10 images × 20 repeats (200 and 400 steps).
    const grid = computeSweep({ ...DEFAULT_SWEEP, base: { ...PLAYGROUND_DEFAULTS, warmupSteps: 600 }, y: { key: "epochs", from: 1, to: 6 }, steps: 6 });
    const invalid = grid.rows.flat().filter((cell) => cell.problem);
    expect(invalid.length).toBe(grid.xValues.length * 2);
    expect(invalid.every((cell) => cell.y <= 2 && /warmupSteps/.test(cell.problem!) && Number.isNaN(cell.bestQuality))).toBe(true);
    expect(bestCell(grid)!.y).toBeGreaterThan(2);
    const scale = scaleFor(grid, "quality");
    expect(Number.isFinite(scale.domain[0]) && Number.isFinite(scale.domain[1])).toBe(true);
  });

  it("give no best cell when no cell is valid (Prodigy over AdamW's learning rates)", () => {
    const grid = computeSweep({ ...DEFAULT_SWEEP, base: { ...PLAYGROUND_DEFAULTS, optimizer: "prodigy", learningRate: 1 }, steps: 3 });
    expect(grid.rows.flat().every((cell) => /Prodigy/.test(cell.problem ?? ""))).toBe(true);
    expect(bestCell(grid)).toBeNull();
  });

  it("sweep the new numeric settings as axes", () => {
    const grid = computeSweep({ ...DEFAULT_SWEEP, x: { key: "networkDim", from: 4, to: 64 }, y: { key: "networkAlpha", from: 1, to: 64 }, steps: 4 });
    expect(grid.xValues).toEqual([4, 10, 25, 64]);
    expect(grid.rows.flat().every((cell) => !cell.problem)).toBe(true);
  });
});

describe("scales", () => {
  const grid = computeSweep({ ...DEFAULT_SWEEP, steps: 6 });

  it("span the grid's quality, epochs from 1, and risk 0–1", () => {
    const qualities = grid.rows.flat().map((cell) => cell.bestQuality);
    expect(scaleFor(grid, "quality").domain).toEqual([Math.min(...qualities), Math.max(...qualities)]);
    expect(scaleFor(grid, "bestEpoch").domain[0]).toBe(1);
    expect(scaleFor(grid, "overfitRisk").domain).toEqual([0, 1]);
  });

  it("colour the lowest and highest cells with the ends of the ramp", () => {
    const scale = scaleFor(grid, "quality");
    const cells = grid.rows.flat();
    const low = cells.reduce((a, c) => (c.bestQuality < a.bestQuality ? c : a));
    expect(cellColor(low, "quality", scale)).toBe(rampColor("viridis", 0));
    const high = cells.reduce((a, c) => (c.bestQuality > a.bestQuality ? c : a));
    expect(cellColor(high, "quality", scale)).toBe(rampColor("viridis", 1));
  });

  it("give legend stops from one end to the other", () => {
    const stops = legendStops(scaleFor(grid, "overfitRisk"), 5);
    expect(stops.map((s) => s.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(stops[0].color).toBe(rampColor("risk", 0));
  });

  it("read each view's value from a cell", () => {
    const cell = { x: 1, y: 2, bestQuality: 0.7, bestEpoch: 6, finalOverfitRisk: 0.3 };
    expect([cellValue(cell, "quality"), cellValue(cell, "bestEpoch"), cellValue(cell, "overfitRisk")]).toEqual([0.7, 6, 0.3]);
  });
});

describe("rampColor and normalise", () => {
  it("clamp and interpolate", () => {
    expect(rampColor("viridis", -1)).toBe("rgb(68 1 84)");
    expect(rampColor("viridis", 2)).toBe("rgb(253 231 37)");
    expect(rampColor("viridis", Number.NaN)).toBe("rgb(68 1 84)");
    expect(normalise(5, [0, 10])).toBe(0.5);
    expect(normalise(5, [5, 5])).toBe(0.5);
  });
});

describe("best cells", () => {
  const cell = (bestQuality: number, finalOverfitRisk: number, x = 0) => ({ x, y: 0, bestQuality, bestEpoch: 5, finalOverfitRisk });

  it("break a quality tie at the shown precision by the lower final overfit risk", () => {
    expect(isBetterCell(cell(0.761, 0.3), cell(0.758, 0.6))).toBe(true);
    expect(isBetterCell(cell(0.758, 0.6), cell(0.761, 0.3))).toBe(false);
    expect(isBetterCell(cell(0.77, 0.9), cell(0.76, 0.1))).toBe(true);
  });

  it("mark one best cell per row, none beaten by another cell of its row", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 1000 }), (steps, seed) => {
        const grid = computeSweep({ ...DEFAULT_SWEEP, steps, base: { ...DEFAULT_SWEEP.base, seed } });
        const best = bestCellsByRow(grid);
        expect(best).toHaveLength(grid.rows.length);
        grid.rows.forEach((cells, j) => {
          expect(cells).toContain(best[j]);
          for (const other of cells) expect(isBetterCell(other, best[j]!)).toBe(false);
        });
      }),
      { numRuns: 20 },
    );
  });

  it("a fixed axis (from = to) gives a single row", () => {
    const grid = computeSweep({ ...DEFAULT_SWEEP, y: { key: "epochs", from: 10, to: 10 }, steps: 8 });
    expect(grid.yValues).toEqual([10]);
    expect(grid.rows).toHaveLength(1);
    expect(grid.rows[0]).toHaveLength(8);
  });
});

import { describe, expect, it } from "vitest";
import { PLAYGROUND_DEFAULTS } from "@/lib/playground";
import { cellPlaygroundHref, checkRange, DEFAULT_SWEEP, parseSweepParams, sweepSearchParams } from "./params";
import type { SweepSpec } from "./sweep";

describe("parseSweepParams", () => {
  it("gives LR × epochs over 20 × 20 on the playground defaults when nothing is asked", () => {
    expect(parseSweepParams({})).toEqual({ spec: DEFAULT_SWEEP, notices: [] });
  });

  it("takes axes, ranges, steps, view and base settings", () => {
    const { spec, notices } = parseSweepParams({
      x: "images",
      xFrom: "5",
      xTo: "50",
      y: "repeats",
      yFrom: "10",
      yTo: "30",
      steps: "12",
      view: "overfitRisk",
      epochs: "8",
      batchRule: "sqrt",
    });
    expect(notices).toEqual([]);
    expect(spec).toEqual({
      x: { key: "images", from: 5, to: 50 },
      y: { key: "repeats", from: 10, to: 30 },
      steps: 12,
      view: "overfitRisk",
      base: { ...PLAYGROUND_DEFAULTS, epochs: 8 },
      batchRule: "sqrt",
    });
  });

  it("gives a new axis its default range", () => {
    expect(parseSweepParams({ x: "images", y: "repeats" }).spec.x).toEqual({ key: "images", from: 3, to: 100 });
  });

  it("falls back with a notice for each bad value", () => {
    const { spec, notices } = parseSweepParams({ x: "colour", yFrom: "30", yTo: "5", steps: "500", view: "pie" });
    expect(spec).toEqual(DEFAULT_SWEEP);
    expect(notices).toHaveLength(4);
    expect(notices[0]).toContain('x="colour"');
    expect(notices[1]).toContain("“From” must be below “to”");
  });

  it("never sweeps one setting on both axes", () => {
    const { spec, notices } = parseSweepParams({ x: "epochs", y: "epochs" });
    expect(spec.x.key).toBe("epochs");
    expect(spec.y.key).not.toBe("epochs");
    expect(notices).toHaveLength(1);
  });

  it("moves the default vertical axis when epochs go horizontal", () => {
    const { spec, notices } = parseSweepParams({ x: "epochs" });
    expect([spec.x.key, spec.y.key]).toEqual(["epochs", "learningRate"]);
    expect(notices).toEqual([]);
  });
});

describe("checkRange", () => {
  it("rejects values outside the simulator's limits and a zero LR on the log axis", () => {
    expect(checkRange("images", "0", "10")).toHaveProperty("error");
    expect(checkRange("learningRate", "0", "1e-3")).toHaveProperty("error");
    expect(checkRange("learningRate", "1e-5", "20")).toHaveProperty("error");
    expect(checkRange("learningRate", "1e-5", "1e-3")).toEqual({ range: { key: "learningRate", from: 1e-5, to: 1e-3 } });
  });
});

describe("sweepSearchParams", () => {
  it("round-trips through parseSweepParams", () => {
    const spec: SweepSpec = {
      ...DEFAULT_SWEEP,
      x: { key: "captionQuality", from: 0.1, to: 0.9 },
      y: { key: "textEncoderLearningRate", from: 0, to: 1e-4 },
      steps: 8,
      view: "bestEpoch",
      base: { ...PLAYGROUND_DEFAULTS, images: 30 },
    };
    expect(parseSweepParams(Object.fromEntries(sweepSearchParams(spec)))).toEqual({ spec, notices: [] });
  });
});

describe("cellPlaygroundHref", () => {
  it("opens the base settings with the cell's two values", () => {
    const href = cellPlaygroundHref(DEFAULT_SWEEP, { x: 2e-4, y: 7 });
    const params = new URL(href, "http://x").searchParams;
    expect(params.get("learningRate")).toBe("0.0002");
    expect(params.get("epochs")).toBe("7");
    expect(params.get("images")).toBe("10");
  });
});

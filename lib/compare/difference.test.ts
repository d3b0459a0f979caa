import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { differenceOf, nearlyEqual } from "./difference";

describe("differenceOf", () => {
  it("labels a rise with a plus sign at two decimals by default", () => {
    expect(differenceOf(0.83, 0.78)).toEqual({ label: "+0.05", direction: "up", tone: "neutral" });
  });
  it("labels a fall with a typographic minus", () => {
    expect(differenceOf(0.7, 0.75)).toEqual({ label: "−0.05", direction: "down", tone: "neutral" });
  });
  it("calls a change that rounds to zero the same, so label and direction agree", () => {
    expect(differenceOf(0.7502, 0.75)).toEqual({ label: "±0.00", direction: "same", tone: "neutral" });
    expect(differenceOf(0.1 + 0.2, 0.3, { digits: 6 })).toEqual({ label: "±0.000000", direction: "same", tone: "neutral" });
  });
  it("says whether the change is better or worse for the metric's polarity", () => {
    expect(differenceOf(0.9, 0.8, { polarity: "higher" }).tone).toBe("better");
    expect(differenceOf(0.7, 0.8, { polarity: "higher" }).tone).toBe("worse");
    expect(differenceOf(0.2, 0.3, { polarity: "lower" })).toEqual({ label: "−0.10", direction: "down", tone: "better" });
    expect(differenceOf(0.4, 0.3, { polarity: "lower" }).tone).toBe("worse");
  });
  it("uses the given precision for losses and steps", () => {
    expect(differenceOf(0.1234, 0.1201, { digits: 4 }).label).toBe("+0.0033");
    expect(differenceOf(2000, 1200, { digits: 0 }).label).toBe("+800");
  });
  it("treats non-finite input as no difference rather than a NaN label", () => {
    expect(differenceOf(Number.NaN, 1).direction).toBe("same");
  });
});

describe("nearlyEqual", () => {
  it("ignores float noise but not real differences", () => {
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(nearlyEqual(1e-4, 2e-4)).toBe(false);
    expect(nearlyEqual(1e-5, 1e-5 * (1 + 1e-12))).toBe(true);
  });
});

describe("differenceOf, as shown", () => {
  it("is the difference of the two values rounded as they are shown", () => {
    // 0.7251 shows as 0.73 and 0.7249 as 0.72: the delta beside them must read +0.01, not ±0.00.
    expect(differenceOf(0.7251, 0.7249)).toEqual({ label: "+0.01", direction: "up", tone: "neutral" });
    expect(differenceOf(0.7249, 0.7151)).toEqual({ label: "±0.00", direction: "same", tone: "neutral" });
  });

  it("agrees with the shown values for any pair", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (value, baseline) => {
        const shown = Number(value.toFixed(2)) - Number(baseline.toFixed(2));
        const { label } = differenceOf(value, baseline);
        const parsed = label.startsWith("±") ? 0 : Number(label.replace("−", "-"));
        expect(parsed).toBeCloseTo(shown, 9);
      }),
    );
  });
});

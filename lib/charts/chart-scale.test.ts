import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { axisScale, chartScales, MAX_EXPLICIT_TICKS, thinTicks, type DomainEnd } from "./chart-scale";

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const values = fc.array(value, { minLength: 1, maxLength: 60 });
const end = fc.oneof(fc.constant<DomainEnd>("auto"), fc.constant<DomainEnd>("dataMin"), fc.constant<DomainEnd>("dataMax"), value);

describe("axisScale", () => {
  it("keeps every value on the axis, with ticks inside the domain, ascending and distinct", () => {
    fc.assert(
      fc.property(values, end, end, fc.boolean(), (data, start, stop, integer) => {
        const { domain, ticks } = axisScale(data, [start, stop], { integer });
        expect(domain[0]).toBeLessThan(domain[1]);
        // "dataMax" at the start (or "dataMin" at the end) is a user's odd choice; the axis still spans the data once ordered.
        const sane = start !== "dataMax" && stop !== "dataMin";
        if (sane) for (const v of data) expect(v >= domain[0] && v <= domain[1]).toBe(true);
        for (const tick of ticks) expect(tick >= domain[0] - 1e-9 * Math.abs(domain[0]) && tick <= domain[1] + 1e-9 * Math.abs(domain[1])).toBe(true);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]).toBeGreaterThan(ticks[i - 1]);
        if (integer) for (const tick of ticks) expect(Number.isInteger(tick)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("rounds 'auto' ends out to ticks, and leaves numeric ends where they were when the data fits", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 2, maxLength: 40 }), (data) => {
        const auto = axisScale(data, ["auto", "auto"]);
        expect(auto.ticks[0]).toBe(auto.domain[0]);
        expect(auto.ticks[auto.ticks.length - 1]).toBe(auto.domain[1]);
        expect(auto.ticks.length).toBeGreaterThanOrEqual(2);
        expect(auto.ticks.length).toBeLessThanOrEqual(11);
        expect(axisScale(data, [0, 1]).domain).toEqual([0, 1]);
      }),
    );
  });

  it("takes the data's extremes for dataMin and dataMax", () => {
    expect(axisScale([3, 7, 5], ["dataMin", "dataMax"]).domain).toEqual([3, 7]);
    expect(axisScale([120, 2400], [0, "dataMax"], { integer: true })).toEqual({ domain: [0, 2400], ticks: [0, 500, 1000, 1500, 2000] });
  });

  it("opens an axis around a single value and draws an empty one from 0 to 1", () => {
    const single = axisScale([0.3, 0.3], ["auto", "auto"]);
    expect(single.domain[0]).toBeLessThan(0.3);
    expect(single.domain[1]).toBeGreaterThan(0.3);
    expect(axisScale([], ["auto", "auto"]).domain).toEqual([0, 1]);
    expect(axisScale([Number.NaN], [0, 1]).domain).toEqual([0, 1]);
  });

  it("keeps explicit ticks inside the domain, thinned", () => {
    const epochs = Array.from({ length: 40 }, (_, i) => i + 1);
    const scale = axisScale(epochs, [0.5, 40.5], { ticks: epochs });
    expect(scale.domain).toEqual([0.5, 40.5]);
    expect(scale.ticks.length).toBeLessThanOrEqual(MAX_EXPLICIT_TICKS);
    expect(scale.ticks[0]).toBe(1);
    expect(scale.ticks[scale.ticks.length - 1]).toBe(40);
  });
});

describe("thinTicks", () => {
  it("keeps at most MAX_EXPLICIT_TICKS of the given ticks, first and last among them, never two closer than a step", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (count) => {
        const ticks = Array.from({ length: count }, (_, i) => i * 2);
        const thinned = thinTicks(ticks);
        expect(thinned.length).toBeLessThanOrEqual(MAX_EXPLICIT_TICKS);
        expect(thinned[0]).toBe(ticks[0]);
        expect(thinned[thinned.length - 1]).toBe(ticks[count - 1]);
        for (const tick of thinned) expect(ticks).toContain(tick);
        if (count > MAX_EXPLICIT_TICKS) {
          const step = thinned[1] - thinned[0];
          for (let i = 1; i < thinned.length; i++) expect(thinned[i] - thinned[i - 1]).toBeGreaterThanOrEqual(step);
        } else expect(thinned).toEqual(ticks);
      }),
    );
  });
});

describe("chartScales", () => {
  it("puts each series on its own axis and keeps ringed points on the chart", () => {
    const rows = [
      { step: 0, loss: 0.5, val: null },
      { step: 100, loss: 0.2, val: 0.41 },
      { step: 200, loss: 0.3, val: 0.39 },
    ];
    const scales = chartScales({
      rows,
      xKey: "step",
      series: [{ key: "loss" }, { key: "val", axis: "right" }],
      points: [{ x: 100, y: 0.9 }],
      xDomain: [0, "dataMax"],
    });
    expect(scales.x.domain).toEqual([0, 200]);
    expect(scales.left.domain[1]).toBeGreaterThanOrEqual(0.9);
    expect(scales.left.domain[0]).toBeLessThanOrEqual(0.2);
    expect(scales.right!.domain[0]).toBeLessThanOrEqual(0.39);
    expect(scales.right!.domain[1]).toBeGreaterThanOrEqual(0.41);
    expect(scales.right!.domain[1]).toBeLessThan(0.5);
    // A value axis's ticks bracket its data, even on a fixed domain cut close to it.
    const zoomed = chartScales({ rows, xKey: "step", series: [{ key: "val" }], yDomain: [0.3871, 0.4129] });
    expect(zoomed.left.ticks[0]).toBeLessThanOrEqual(0.3871);
    expect(zoomed.left.ticks[zoomed.left.ticks.length - 1]).toBeGreaterThanOrEqual(0.4129);
    expect(chartScales({ rows, xKey: "step", series: [{ key: "loss" }] }).right).toBeNull();
  });
});

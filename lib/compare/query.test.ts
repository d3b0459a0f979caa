import { describe, expect, it } from "vitest";
import { compareEpochsHref, compareRunsHref, parseCompareRunsQuery } from "./query";

describe("parseCompareRunsQuery", () => {
  it("reads comma-separated ids with the default metric and axis", () => {
    expect(parseCompareRunsQuery({ runs: "a1,b2,c3" })).toEqual({ ok: true, query: { runIds: ["a1", "b2", "c3"], metric: "quality", x: "epoch" } });
  });
  it("reads repeated runs parameters (a form of checkboxes) and drops repeats", () => {
    expect(parseCompareRunsQuery({ runs: ["a1", "b2", "a1"], metric: "overfitRisk", x: "step" })).toEqual({
      ok: true,
      query: { runIds: ["a1", "b2"], metric: "overfitRisk", x: "step" },
    });
  });
  it("treats no runs as the empty state, not an error", () => {
    expect(parseCompareRunsQuery({})).toMatchObject({ ok: false, empty: true });
    expect(parseCompareRunsQuery({ runs: " , " })).toMatchObject({ ok: false, empty: true });
  });
  it("refuses one run or more than six", () => {
    expect(parseCompareRunsQuery({ runs: "a1" })).toEqual({ ok: false, empty: false, message: "Compare 2 to 6 runs at a time (1 chosen)." });
    expect(parseCompareRunsQuery({ runs: "a,b,c,d,e,f,g" })).toMatchObject({ ok: false, message: expect.stringContaining("(7 chosen)") });
  });
  it("names a bad id, metric or axis", () => {
    expect(parseCompareRunsQuery({ runs: "a1,<b>" })).toMatchObject({ ok: false, empty: false, message: expect.stringContaining("“<b>” is not a run id") });
    expect(parseCompareRunsQuery({ runs: "a1,b2", metric: "loss" })).toMatchObject({ ok: false, message: expect.stringContaining("metric must be one of quality") });
    expect(parseCompareRunsQuery({ runs: "a1,b2", x: "time" })).toEqual({ ok: false, empty: false, message: "x must be epoch or step." });
  });
});

describe("compareRunsHref", () => {
  it("writes the ids comma-separated and leaves defaults out", () => {
    expect(compareRunsHref(["a1", "b2"])).toBe("/compare?runs=a1,b2");
    expect(compareRunsHref(["a1", "b2"], { metric: "quality", x: "epoch" })).toBe("/compare?runs=a1,b2");
    expect(compareRunsHref(["a1", "b2"], { metric: "fidelity", x: "step" })).toBe("/compare?runs=a1,b2&metric=fidelity&x=step");
  });
  it("round-trips through the parser", () => {
    const href = compareRunsHref(["a1", "b2", "c3"], { metric: "validationLoss", x: "step" });
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseCompareRunsQuery(params)).toEqual({ ok: true, query: { runIds: ["a1", "b2", "c3"], metric: "validationLoss", x: "step" } });
  });
});

describe("compareEpochsHref", () => {
  it("links to a run's checkpoint comparison", () => {
    expect(compareEpochsHref("abc", [6, 8, 10])).toBe("/runs/abc/compare?epochs=6,8,10");
  });
});

import { describe, expect, it } from "vitest";
import { formatSampleView, parseSampleView, searchWithView } from "./view-param";

const runs = [
  { id: "run-a", epochs: 10 },
  { id: "run-b", epochs: 4 },
];

describe("parseSampleView", () => {
  it("reads a run, epoch and prompt on the page", () => {
    expect(parseSampleView("run-b:0:forest", runs)).toEqual({ runId: "run-b", epoch: 0, promptId: "forest" });
    expect(parseSampleView(formatSampleView({ runId: "run-a", epoch: 10, promptId: "portrait" }), runs)).toEqual({ runId: "run-a", epoch: 10, promptId: "portrait" });
  });

  it("ignores views that do not fit the page", () => {
    expect(parseSampleView(undefined, runs)).toBeNull();
    expect(parseSampleView("run-c:1:forest", runs)).toBeNull();
    expect(parseSampleView("run-b:5:forest", runs)).toBeNull();
    expect(parseSampleView("run-a:1:castle", runs)).toBeNull();
    expect(parseSampleView("run-a:-1:forest", runs)).toBeNull();
    expect(parseSampleView("nonsense", runs)).toBeNull();
  });
});

describe("searchWithView", () => {
  it("sets and removes the view, keeping the other parameters readable", () => {
    expect(searchWithView("?runs=a,b", { runId: "a", epoch: 2, promptId: "city" })).toBe("?runs=a,b&view=a:2:city");
    expect(searchWithView("?runs=a,b&view=a:2:city", null)).toBe("?runs=a,b");
    expect(searchWithView("", null)).toBe("");
  });
});

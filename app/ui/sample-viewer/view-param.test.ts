import { describe, expect, it } from "vitest";
import { formatSampleView, parseSampleView, searchWithView, viewTargetOf } from "./view-param";

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

describe("parseSampleView on a real run", () => {
  const real = viewTargetOf({ kind: "real", id: "real-1", lastEpoch: 6, epochs: [0, 2, 4, 6], prompts: [{ id: "p0" }, { id: "p1" }] });

  it("takes the epochs the trainer sampled, before training included, and the run's own prompts", () => {
    expect(parseSampleView("real-1:0:p1", [real])).toEqual({ runId: "real-1", epoch: 0, promptId: "p1" });
    expect(parseSampleView("real-1:4:p0", [real, ...runs])).toEqual({ runId: "real-1", epoch: 4, promptId: "p0" });
  });

  it("refuses an epoch without samples and a prompt the run does not have", () => {
    expect(parseSampleView("real-1:3:p0", [real])).toBeNull();
    expect(parseSampleView("real-1:8:p0", [real])).toBeNull();
    expect(parseSampleView("real-1:2:p2", [real])).toBeNull();
    expect(parseSampleView("real-1:2:forest", [real])).toBeNull();
  });

  it("keeps simulated runs on the simulator's prompts", () => {
    expect(parseSampleView("run-a:2:p0", [real, ...runs])).toBeNull();
    expect(viewTargetOf({ id: "run-a", checkpoints: [1, 2, 3] })).toEqual({ id: "run-a", epochs: 3 });
  });
});

describe("searchWithView", () => {
  it("sets and removes the view, keeping the other parameters readable", () => {
    expect(searchWithView("?runs=a,b", { runId: "a", epoch: 2, promptId: "city" })).toBe("?runs=a,b&view=a:2:city");
    expect(searchWithView("?runs=a,b&view=a:2:city", null)).toBe("?runs=a,b");
    expect(searchWithView("", null)).toBe("");
  });
});

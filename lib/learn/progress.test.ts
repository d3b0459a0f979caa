import { describe, expect, it } from "vitest";
import { countDone, EMPTY_PROGRESS, parseProgress, recordAnswer } from "./progress";

const ids = ["steps", "best-epoch"];

describe("parseProgress", () => {
  it("reads nothing stored, malformed JSON and non-objects as no progress", () => {
    expect(parseProgress(null, ids)).toEqual({});
    expect(parseProgress("{oops", ids)).toEqual({});
    expect(parseProgress("[1]", ids)).toEqual({});
    expect(parseProgress("42", ids)).toEqual({});
  });

  it("keeps well-formed entries of known lessons only", () => {
    const raw = JSON.stringify({ steps: { choice: "1000", correct: true }, "best-epoch": { choice: 3 }, gone: { choice: "a", correct: true } });
    expect(parseProgress(raw, ids)).toEqual({ steps: { choice: "1000", correct: true } });
  });
});

describe("recordAnswer", () => {
  it("stores the answer without changing the old progress", () => {
    const next = recordAnswer(EMPTY_PROGRESS, "steps", { choice: "500", correct: false });
    expect(next).toEqual({ steps: { choice: "500", correct: false } });
    expect(EMPTY_PROGRESS).toEqual({});
  });

  it("keeps a lesson done once it was answered correctly", () => {
    const done = recordAnswer({}, "steps", { choice: "1000", correct: true });
    expect(recordAnswer(done, "steps", { choice: "500", correct: false }).steps).toEqual({ choice: "500", correct: true });
  });
});

describe("countDone", () => {
  it("counts correctly answered lessons", () => {
    expect(countDone({ steps: { choice: "1000", correct: true }, "best-epoch": { choice: "last", correct: false } }, ids)).toBe(1);
  });
});

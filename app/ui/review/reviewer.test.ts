import { describe, expect, it } from "vitest";
import { parseReviewer } from "./reviewer";

describe("parseReviewer", () => {
  it("reads the name as stored now (JSON) and as stored before (the bare name)", () => {
    expect(parseReviewer('"Ana"')).toBe("Ana");
    expect(parseReviewer("Ana")).toBe("Ana");
    expect(parseReviewer('""')).toBe("");
  });

  it("is empty without a stored name, and keeps text that parses as something other than a string", () => {
    expect(parseReviewer(null)).toBe("");
    expect(parseReviewer("42")).toBe("42");
    expect(parseReviewer("null")).toBe("null");
  });
});

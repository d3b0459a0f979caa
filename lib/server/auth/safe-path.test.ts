import { describe, expect, it } from "vitest";
import { safeInSitePath } from "./safe-path";

describe("safeInSitePath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    for (const path of ["/", "/runs/abc", "/runs/new?images=10&name=copy%20of%20a", "/compare?runs=a,b#chart", "/learn/best-epoch", "/a%20b"]) {
      expect(safeInSitePath(path)).toBe(path);
    }
  });

  it("refuses protocol-relative and backslash paths that browsers send to another site", () => {
    for (const path of ["//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "/runs\\..\\x", "\\/evil.example"]) {
      expect(safeInSitePath(path)).toBe("/");
    }
  });

  it("refuses control characters, which browsers strip (/<tab>/evil is //evil)", () => {
    for (const path of ["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/runs\u0000", "/x\u007f", "/x\u0085"]) {
      expect(safeInSitePath(path)).toBe("/");
    }
  });

  it("refuses schemes and anything that is not a path", () => {
    for (const value of ["https://evil.example", "javascript:alert(1)", "data:text/html,x", "evil.example", "runs/abc", "", " /runs", null, undefined, 42, ["/runs"]]) {
      expect(safeInSitePath(value)).toBe("/");
    }
  });

  it("refuses percent-encoded forms of the same, however deeply encoded", () => {
    for (const path of [
      "/%2F/evil.example",
      "/%2f%2fevil.example",
      "/%5Cevil.example",
      "/%5cevil.example",
      "/%09/evil.example",
      "/%0A/evil.example",
      "/%00",
      "/%252F/evil.example",
      "/%25252F%25252Fevil.example",
      "/%E0%A4%A",
    ]) {
      expect(safeInSitePath(path)).toBe("/");
    }
  });

  it("refuses very long values and uses the given fallback", () => {
    expect(safeInSitePath(`/${"a".repeat(3000)}`)).toBe("/");
    expect(safeInSitePath("//evil.example", "/sign-in")).toBe("/sign-in");
  });
});

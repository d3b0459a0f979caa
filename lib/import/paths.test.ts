import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseName, checkRelativePath } from "./paths";

describe("checkRelativePath", () => {
  it("normalises backslashes and dot parts", () => {
    expect(checkRelativePath("model\\sample\\.\\sksdog_e000001_00_20251101120000.png")).toEqual({
      ok: true,
      path: "model/sample/sksdog_e000001_00_20251101120000.png",
      parts: ["model", "sample", "sksdog_e000001_00_20251101120000.png"],
    });
  });
  it('refuses paths that climb out with ".."', () => {
    expect(checkRelativePath("model/../../etc/passwd")).toEqual({ ok: false, message: 'The path climbs out of the chosen folder ("..")' });
    expect(checkRelativePath("..\\secret.txt")).toMatchObject({ ok: false });
  });
  it("refuses absolute paths and drive letters", () => {
    expect(checkRelativePath("/etc/passwd")).toMatchObject({ ok: false, message: expect.stringContaining("absolute") });
    expect(checkRelativePath("C:\\Users\\me\\lora.safetensors")).toMatchObject({ ok: false, message: expect.stringContaining("absolute") });
  });
  it("refuses control characters, including a newline or NUL hidden in a name", () => {
    expect(checkRelativePath("model/a\nb.png")).toEqual({ ok: false, message: "The path contains control characters" });
    expect(checkRelativePath("model/a\u0000.png")).toMatchObject({ ok: false });
    expect(checkRelativePath("model/a\u009b.png")).toMatchObject({ ok: false });
  });
  it("refuses empty names", () => {
    expect(checkRelativePath("")).toMatchObject({ ok: false });
    expect(checkRelativePath("./")).toMatchObject({ ok: false });
  });
  it("never accepts a path whose normalised form leaves the folder", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "..", ".", "", "b\\..", "c"), { maxLength: 8 }), (parts) => {
        const result = checkRelativePath(parts.join("/"));
        if (result.ok) {
          expect(result.parts).not.toContain("..");
          expect(result.path.startsWith("/")).toBe(false);
        }
      }),
    );
  });
});

describe("baseName", () => {
  it("gives the last part", () => {
    expect(baseName("model/sample/x.png")).toBe("x.png");
    expect(baseName("x.png")).toBe("x.png");
  });
});

import { describe, expect, it } from "vitest";
import { readListQuery } from "./list-query";

describe("readListQuery", () => {
  it("validates the page's parameters with the API's schema", () => {
    expect(readListQuery({ q: "cat", imagesMin: "5", sort: "bestQuality", dir: "asc", picked: "yes" })).toEqual({
      ok: true,
      params: { q: "cat", imagesMin: "5", sort: "bestQuality", dir: "asc", picked: "yes" },
      query: { q: "cat", imagesMin: 5, sort: "bestQuality", dir: "asc", picked: "yes" },
    });
  });
  it("ignores parameters that are not the list's", () => {
    expect(readListQuery({ utm_source: "mail" })).toEqual({ ok: true, params: {}, query: {} });
  });
  it("names each bad parameter in one message", () => {
    const result = readListQuery({ imagesMin: "lots", sort: "secret" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toEqual({ imagesMin: "imagesMin must be a whole number", sort: expect.stringContaining("sort must be one of") });
    expect(result.message).toMatch(/^This link has a parameter the runs list cannot use: imagesMin must be a whole number; sort must be one of/);
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_PREFS, parsePrefs } from "./estimate-prefs";

describe("parsePrefs", () => {
  it("starts from SDXL on an RTX 3090 with no typed prices", () => {
    expect(parsePrefs(null)).toEqual({ family: "sdxl", gpu: "rtx-3090", prices: {} });
    expect(DEFAULT_PREFS).toEqual(parsePrefs(null));
  });

  it("reads back what was stored", () => {
    const stored = { family: "flux-dev", gpu: "a40", prices: { a40: 0.6, "rtx-3090": 0.3 } };
    expect(parsePrefs(JSON.stringify(stored))).toEqual(stored);
  });

  it("repairs what it cannot use: broken JSON, unknown ids, a GPU not measured for the family, bad prices", () => {
    expect(parsePrefs("{not json")).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('"text"')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs(JSON.stringify({ family: "sd15", gpu: "h100" }))).toEqual({ family: "sd15", gpu: "rtx-3070-ti", prices: {} });
    expect(parsePrefs(JSON.stringify({ family: "nope", gpu: "t4", prices: { t4: -1, h100: "2", a40: 1e9, "rtx-3090": 0.5, fake: 1 } }))).toEqual({
      family: "sdxl",
      gpu: "t4",
      prices: { "rtx-3090": 0.5 },
    });
  });
});

import { describe, expect, it } from "vitest";
import { chosenCheckpoint } from "./choice";

describe("chosenCheckpoint", () => {
  it("maps the side chosen to the checkpoint shown there, whichever side A was drawn on", () => {
    expect(chosenCheckpoint({ a: 3, b: 5, aOnLeft: true }, "left")).toBe(3);
    expect(chosenCheckpoint({ a: 3, b: 5, aOnLeft: true }, "right")).toBe(5);
    expect(chosenCheckpoint({ a: 3, b: 5, aOnLeft: false }, "left")).toBe(5);
    expect(chosenCheckpoint({ a: 3, b: 5, aOnLeft: false }, "right")).toBe(3);
  });

  it("is null for can't tell", () => {
    expect(chosenCheckpoint({ a: "x", b: "y", aOnLeft: true }, "tie")).toBeNull();
  });
});

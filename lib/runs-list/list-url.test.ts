import { describe, expect, it } from "vitest";
import { clearedFilters, hasFilters, listHref, pickListParams, sortLink } from "./list-url";

describe("pickListParams", () => {
  it("keeps only the list's parameters, first value each, empty ones dropped", () => {
    expect(pickListParams({ q: " cat ", verdict: ["overfit", "balanced"], imagesMin: "", utm_source: "mail" })).toEqual({ q: "cat", verdict: "overfit" });
    expect(pickListParams(new URLSearchParams("sort=images&dir=asc&x=1"))).toEqual({ sort: "images", dir: "asc" });
  });
});

describe("listHref", () => {
  it("drops the cursor on any change but paging", () => {
    expect(listHref({ q: "cat", cursor: "abc" }, { sort: "images" })).toBe("/?q=cat&sort=images");
    expect(listHref({ q: "cat" }, { cursor: "abc" })).toBe("/?q=cat&cursor=abc");
  });
  it("removes parameters set to empty or undefined, and writes / when none are left", () => {
    expect(listHref({ q: "cat", verdict: "overfit" }, { q: "" })).toBe("/?verdict=overfit");
    expect(listHref({ q: "cat" }, { q: undefined })).toBe("/");
  });
  it("writes parameters in a stable order and encodes them", () => {
    expect(listHref({ dir: "asc", q: "a&b", imagesMin: "5" })).toBe("/?q=a%26b&imagesMin=5&dir=asc");
  });
});

describe("sortLink", () => {
  it("sorts by a new column in its natural direction first", () => {
    expect(sortLink({}, "images")).toEqual({ href: "/?sort=images", ariaSort: "none" });
    expect(sortLink({ sort: "images" }, "name")).toEqual({ href: "/?sort=name", ariaSort: "none" });
  });
  it("reverses the active column", () => {
    expect(sortLink({ sort: "images" }, "images")).toEqual({ href: "/?sort=images&dir=asc", ariaSort: "descending" });
    expect(sortLink({ sort: "images", dir: "asc" }, "images")).toEqual({ href: "/?sort=images", ariaSort: "ascending" });
    expect(sortLink({ sort: "name" }, "name")).toEqual({ href: "/?sort=name&dir=desc", ariaSort: "ascending" });
  });
  it("treats the default sort (newest first) as active when none is named", () => {
    expect(sortLink({}, "createdAt")).toEqual({ href: "/?dir=asc", ariaSort: "descending" });
    expect(sortLink({ dir: "asc" }, "createdAt")).toEqual({ href: "/", ariaSort: "ascending" });
  });
  it("keeps filters and drops the cursor", () => {
    expect(sortLink({ q: "cat", cursor: "abc" }, "bestQuality").href).toBe("/?q=cat&sort=bestQuality");
  });
});

describe("hasFilters", () => {
  it("is true for search and filters, not for sort or paging", () => {
    expect(hasFilters({ sort: "images", cursor: "x" })).toBe(false);
    expect(hasFilters({ picked: "yes" })).toBe(true);
  });
});

describe("clearedFilters", () => {
  it("clears every filter, tag and source included, and keeps the sort", () => {
    expect(listHref({ q: "cat", imagesMin: "5", picked: "yes", verdict: "overfit", tag: "style", source: "imported", sort: "images", dir: "asc" }, clearedFilters())).toBe("/?sort=images&dir=asc");
  });
});

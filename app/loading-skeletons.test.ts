// Loading skeletons render while the page streams in, next to the page's own
// h1: they must not add a second page heading.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

function loadingFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? loadingFiles(full) : name === "loading.tsx" ? [full] : [];
  });
}

describe("loading skeletons", () => {
  const files = loadingFiles("app");

  it("exist (the runs list and compare stream in)", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file} renders no h1 and is marked busy`, async () => {
      const { default: Loading } = (await import(`@/${file}`)) as { default: ComponentType };
      const html = renderToStaticMarkup(createElement(Loading));
      expect(html).not.toMatch(/<h1[\s>]/);
      expect(html).not.toMatch(/role="heading"[^>]*aria-level="1"/);
      expect(html).toContain('aria-busy="true"');
    });
  }
});

import { describe, expect, it } from "vitest";
import { PARALLEL_AXES } from "@/lib/analysis/axes";
import { axisX, HEIGHT, linesMarkup, matchingRows, PLOT_HEIGHT, scalesOf, TOP, WIDTH } from "./parallel-geometry";

const QUALITY = PARALLEL_AXES.findIndex((axis) => axis.key === "bestQuality");
const IMAGES = PARALLEL_AXES.findIndex((axis) => axis.key === "images");

/** A row with every axis at `base`, images and best quality as given. */
function row(images: number, quality: number): number[] {
  return PARALLEL_AXES.map((axis, i) => (i === IMAGES ? images : i === QUALITY ? quality : axis.categories ? 0 : 4));
}

describe("parallel-coordinates geometry", () => {
  const rows = [row(10, 0.2), row(40, 0.9), row(20, 0.5)];
  const scales = scalesOf(rows);

  it("spreads the axes across the width and maps each axis's range onto the plot's height", () => {
    expect(axisX(0)).toBeGreaterThan(0);
    expect(axisX(PARALLEL_AXES.length - 1)).toBeLessThan(WIDTH);
    expect(scales[IMAGES].toY(40)).toBeCloseTo(TOP);
    expect(scales[IMAGES].toY(10)).toBeCloseTo(TOP + PLOT_HEIGHT);
    expect(scales[IMAGES].fromY(scales[IMAGES].toY(20))).toBeCloseTo(20);
    expect(TOP + PLOT_HEIGHT).toBeLessThan(HEIGHT);
  });

  it("keeps the rows inside every range of a brush", () => {
    expect(matchingRows(rows, {})).toEqual([true, true, true]);
    expect(matchingRows(rows, { images: { from: 15, to: 40 } })).toEqual([false, true, true]);
    expect(matchingRows(rows, { images: { from: 15, to: 40 }, bestQuality: { from: 0, to: 0.6 } })).toEqual([false, false, true]);
  });

  it("draws one path per row: the rows outside the brush muted and first, the kept ones coloured on top", () => {
    const markup = linesMarkup(rows, scales, [false, true, true], "muted");
    const [muted, kept] = markup.split("</g>");
    expect(muted.match(/<path /g)).toHaveLength(1);
    expect(muted).toMatch(/^<g class="muted"><path d="M[\d. L]+"\/>$/);
    expect(kept.match(/<path /g)).toHaveLength(2);
    // Coloured by best quality: the best row is viridis yellow, the other one darker.
    expect(kept).toContain('stroke="rgb(253 231 37)"');
    // Every path visits every axis once.
    for (const path of markup.match(/d="[^"]+"/g)!) expect(path.match(/[ML]/g)).toHaveLength(PARALLEL_AXES.length);
  });
});

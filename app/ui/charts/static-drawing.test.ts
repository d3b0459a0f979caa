// The server-rendered chart: what it draws from a chart's rows and series.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { chartScales } from "@/lib/charts/chart-scale";
import type { ChartDrawingProps } from "./chart-drawing";
import { StaticDrawing } from "./static-drawing";

function draw(props: Omit<ChartDrawingProps, "scales" | "height" | "zones"> & Partial<Pick<ChartDrawingProps, "zones">>) {
  const full = { height: 280, zones: [], ...props };
  const html = renderToStaticMarkup(createElement(StaticDrawing, { ...full, scales: chartScales(full) }));
  return {
    html,
    text: html.replace(/<[^>]+>/g, " "),
    /** Each element's attributes, for the elements that carry `name`. */
    withAttribute: (name: string) =>
      [...html.matchAll(new RegExp(`<\\w+ [^>]*${name}="[^"]*"[^>]*>`, "g"))].map((match) => Object.fromEntries([...match[0].matchAll(/([\w-]+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]))),
  };
}

const rows = Array.from({ length: 10 }, (_, i) => ({ epoch: i + 1, quality: 0.2 + i * 0.05, risk: i < 5 ? null : i * 0.04 }));

describe("StaticDrawing", () => {
  it("draws one path per series, a dot per value, the legend and the formatted ticks", () => {
    const { html, text, withAttribute } = draw({
      rows,
      xKey: "epoch",
      xLabel: "Epoch",
      series: [
        { key: "quality", label: "Quality", color: "var(--series-1)", dots: true },
        { key: "risk", label: "Overfit risk", color: "var(--series-2)", dashed: true, dots: true },
      ],
      yDomain: [0, 1],
      formatY: (value) => value.toFixed(2),
    });
    const paths = withAttribute("data-series");
    expect(paths.map((path) => path["data-series"])).toEqual(["quality", "risk"]);
    expect(paths[0].d).toMatch(/^M[\d.]+,[\d.]+C/);
    expect(paths[1]["stroke-dasharray"]).toBe("6 4");
    expect(withAttribute("data-dots").map((dots) => [dots["data-dots"], dots["data-points"]])).toEqual([
      ["quality", "10"],
      ["risk", "5"],
    ]);
    const legend = html.slice(html.indexOf("data-chart-legend"));
    expect([...legend.matchAll(/<li>(.*?)<\/li>/g)].map((item) => item[1].replace(/<[^>]+>/g, ""))).toEqual(["Quality", "Overfit risk"]);
    expect(text).toContain("1.00");
    expect(text).toContain("0.00");
    expect(text).toContain("Epoch");
    expect(withAttribute("data-chart-drawing")[0]["aria-hidden"]).toBe("true");
  });

  it("breaks a line at a missing (or not finite) value unless told to connect across it", () => {
    const gappy = [
      { step: 0, loss: 1 },
      { step: 1, loss: Number.NaN },
      { step: 2, loss: 0.5 },
      { step: 3, loss: 0.4 },
    ];
    const series = { key: "loss", label: "Loss", color: "red" };
    const broken = draw({ rows: gappy, xKey: "step", xLabel: "Step", series: [series] }).withAttribute("data-series")[0].d;
    const joined = draw({ rows: gappy, xKey: "step", xLabel: "Step", series: [{ ...series, connectNulls: true }] }).withAttribute("data-series")[0].d;
    expect(broken.match(/M/g)).toHaveLength(2);
    expect(joined.match(/M/g)).toHaveLength(1);
  });

  it("draws zones, markers and rings only where they fall on the x axis", () => {
    const { text, withAttribute } = draw({
      rows,
      xKey: "epoch",
      xLabel: "Epoch",
      series: [{ key: "quality", label: "Quality", color: "blue" }],
      xDomain: [0.5, 10.5],
      zones: [
        { from: 0.5, to: 4.5, label: "Underfit", color: "tan" },
        { from: 20, to: 30, label: "Far away", color: "red" },
      ],
      markers: [
        { x: 6, label: "Recommended 6" },
        { x: 99, label: "Off the chart" },
      ],
      points: [{ x: 6, y: 0.45, color: "blue", label: "Best" }],
    });
    expect(withAttribute("data-zone").map((zone) => zone["data-zone"])).toEqual(["Underfit"]);
    expect(text).toContain("Recommended 6");
    expect(text).not.toContain("Off the chart");
    expect(withAttribute("data-ring")).toHaveLength(1);
    expect(text).toContain("Best");
  });

  it("draws a second axis for right-hand series", () => {
    const { text, withAttribute } = draw({
      rows: rows.map((row) => ({ ...row, val: 0.39 + row.epoch * 0.001 })),
      xKey: "epoch",
      xLabel: "Epoch",
      series: [
        { key: "quality", label: "Quality", color: "blue" },
        { key: "val", label: "Validation loss", color: "red", axis: "right" },
      ],
      rightLabel: "Validation loss",
      formatRight: (value) => value.toFixed(3),
    });
    expect(text).toContain("0.392");
    const val = withAttribute("data-series").find((path) => path["data-series"] === "val")!.d;
    // On its own axis the validation loss spans the plot's height instead of lying flat.
    const ys = [...val.matchAll(/[MLC ,]?([\d.]+),([\d.]+)/g)].map((match) => Number(match[2]));
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(500);
  });
});

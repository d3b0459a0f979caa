// The shapes on and beside the subject: the trained mark on its head (hood,
// horns, hat) and the prompt's object in its hand.
import { round } from "./math";
import type { Subject } from "./look";
import type { Hsl, PromptObject, PreviewShape } from "./types";

export function markShape(mark: Subject["mark"], x: number, headY: number, s: number, fill: string, opacity: number): PreviewShape {
  const o = round(opacity);
  switch (mark) {
    case "hood":
      return {
        kind: "path",
        d: `M${round(x - 11 * s)} ${round(headY + 4 * s)} Q${round(x - 12 * s)} ${round(headY - 13 * s)} ${round(x)} ${round(headY - 13 * s)} Q${round(x + 12 * s)} ${round(headY - 13 * s)} ${round(x + 11 * s)} ${round(headY + 4 * s)} Q${round(x)} ${round(headY - 8 * s)} ${round(x - 11 * s)} ${round(headY + 4 * s)} Z`,
        fill,
        opacity: o,
      };
    case "horns":
      return {
        kind: "path",
        d: `M${round(x - 6 * s)} ${round(headY - 6 * s)} L${round(x - 10 * s)} ${round(headY - 17 * s)} L${round(x - 2 * s)} ${round(headY - 8 * s)} Z M${round(x + 6 * s)} ${round(headY - 6 * s)} L${round(x + 10 * s)} ${round(headY - 17 * s)} L${round(x + 2 * s)} ${round(headY - 8 * s)} Z`,
        fill,
        opacity: o,
      };
    case "hat":
      return {
        kind: "path",
        d: `M${round(x - 12 * s)} ${round(headY - 6 * s)} L${round(x + 12 * s)} ${round(headY - 6 * s)} L${round(x + 2 * s)} ${round(headY - 22 * s)} Z`,
        fill,
        opacity: o,
      };
  }
}

export function objectShapes(object: PromptObject, x: number, y: number, s: number, opacity: number, color: (hsl: Hsl) => string): PreviewShape[] {
  const hx = x + 13 * s;
  const hy = y - 18 * s;
  switch (object) {
    case "flower":
      return [
        { kind: "path", d: `M${round(hx)} ${round(hy)} L${round(hx)} ${round(hy - 12 * s)}`, fill: "none", stroke: color({ h: 120, s: 50, l: 35 }), strokeWidth: round(1.2 * s), opacity },
        { kind: "circle", cx: round(hx), cy: round(hy - 14 * s), r: round(3.2 * s), fill: color({ h: 340, s: 75, l: 62 }), opacity },
        { kind: "circle", cx: round(hx), cy: round(hy - 14 * s), r: round(1.2 * s), fill: color({ h: 50, s: 90, l: 60 }), opacity },
      ];
    case "lantern":
      return [
        { kind: "circle", cx: round(hx), cy: round(hy + 2 * s), r: round(6 * s), fill: color({ h: 48, s: 95, l: 70 }), opacity: round(opacity * 0.35) },
        { kind: "rect", x: round(hx - 2.5 * s), y: round(hy - 1 * s), width: round(5 * s), height: round(6 * s), rx: 1, fill: color({ h: 45, s: 95, l: 60 }), opacity },
      ];
    case "sword":
      return [
        { kind: "path", d: `M${round(hx)} ${round(hy)} L${round(hx + 4 * s)} ${round(hy - 24 * s)}`, fill: "none", stroke: color({ h: 210, s: 15, l: 82 }), strokeWidth: round(1.8 * s), opacity },
        {
          kind: "path",
          d: `M${round(hx - 3 * s)} ${round(hy - 3 * s)} L${round(hx + 3.5 * s)} ${round(hy - 2 * s)}`,
          fill: "none",
          stroke: color({ h: 40, s: 60, l: 45 }),
          strokeWidth: round(1.6 * s),
          opacity,
        },
      ];
    case "kite":
      return [
        { kind: "path", d: `M${round(hx)} ${round(hy)} L${round(hx + 14 * s)} ${round(hy - 40 * s)}`, fill: "none", stroke: color({ h: 0, s: 0, l: 30 }), strokeWidth: 0.5, opacity },
        {
          kind: "path",
          d: `M${round(hx + 14 * s)} ${round(hy - 48 * s)} L${round(hx + 19 * s)} ${round(hy - 41 * s)} L${round(hx + 14 * s)} ${round(hy - 34 * s)} L${round(hx + 9 * s)} ${round(hy - 41 * s)} Z`,
          fill: color({ h: 200, s: 80, l: 50 }),
          opacity,
        },
      ];
  }
}

// Draws one preview: the backdrop and the prompt's scene props, the subject
// in its trained colours, its prompt object, and a haze for vagueness.
import { clamp, lerp, round } from "./math";
import { describePreview, previewLookOf, subjectOf, trainingImageOf } from "./look";
import { markShape, objectShapes } from "./subject-shapes";
import type { Hsl, PreviewLook, PreviewShape, SamplePreviewImage, SamplePreviewInput, SamplePrompt } from "./types";

/** An HSL colour as CSS, with saturation scaled and, when over-saturated, contrast pushed away from mid grey. */
function paint(color: Hsl, look: PreviewLook, overfitRisk: number): string {
  const s = clamp(color.s * look.saturation, 0, 100);
  const contrast = 1 + 0.35 * clamp(overfitRisk);
  const l = clamp(50 + (color.l - 50) * contrast, 4, 96);
  return `hsl(${Math.round(color.h)} ${Math.round(s)}% ${Math.round(l)}%)`;
}

function mixHsl(a: Hsl, b: Hsl, t: number): Hsl {
  // Hue along the shorter arc.
  const delta = ((b.h - a.h + 540) % 360) - 180;
  return { h: (a.h + delta * t + 360) % 360, s: lerp(a.s, b.s, t), l: lerp(a.l, b.l, t) };
}

const GENERIC: Hsl = { h: 220, s: 6, l: 58 };

/**
 * Draws the preview of one checkpoint for one prompt: background scene, the
 * prompt's props, the subject, its prompt object, then a haze for vagueness.
 * @example buildSamplePreview({ checkpoint, seed: 1101, prompt: SAMPLE_PROMPTS[0] }).shapes.length // → ~20
 */
export function buildSamplePreview({ checkpoint, seed, prompt }: SamplePreviewInput): SamplePreviewImage {
  const look = previewLookOf(checkpoint, prompt, seed);
  const risk = clamp(checkpoint.overfitRisk);
  const subject = subjectOf(seed);
  const training = trainingImageOf(seed);
  const follow = look.promptFollow;
  const color = (hsl: Hsl) => paint(hsl, look, risk);
  const shapes: PreviewShape[] = [];

  // Background: the prompt's scene, or the memorised training backdrop.
  const sky = mixHsl(training.sky, prompt.sky, follow);
  const ground = mixHsl(training.ground, prompt.ground, follow);
  const horizon = lerp(70, prompt.scene === "studio" ? 78 : 66, follow);
  shapes.push({ kind: "rect", x: 0, y: 0, width: 100, height: 100, fill: color(sky) });
  shapes.push({ kind: "rect", x: 0, y: round(horizon), width: 100, height: round(100 - horizon), fill: color(ground) });
  // The training image's backdrop (a halo behind the subject) shows through as the model memorises.
  if (follow < 0.95) {
    shapes.push({ kind: "circle", cx: 50, cy: 48, r: 30, fill: color({ ...training.sky, l: training.sky.l + 14 }), opacity: round(1 - follow) });
  }
  shapes.push(...sceneProps(prompt, follow, color));

  // The subject: generic grey when little is learned, the trained character when fidelity is high.
  const { x, y, scale } = look.subject;
  const body = color(mixHsl(GENERIC, subject.body, look.detail));
  const skin = color(mixHsl(GENERIC, subject.skin, look.detail));
  const accent = color(mixHsl(GENERIC, subject.accent, look.detail));
  const s = scale;
  shapes.push({ kind: "ellipse", cx: round(x), cy: round(y), rx: round(16 * s), ry: round(2.5 * s), fill: "hsl(0 0% 0%)", opacity: 0.18 });
  shapes.push({
    kind: "path",
    d: `M${round(x - 14 * s)} ${round(y)} L${round(x - 8 * s)} ${round(y - 26 * s)} Q${round(x)} ${round(y - 31 * s)} ${round(x + 8 * s)} ${round(y - 26 * s)} L${round(x + 14 * s)} ${round(y)} Z`,
    fill: body,
  });
  const headY = y - 35 * s;
  shapes.push({ kind: "circle", cx: round(x), cy: round(headY), r: round(9 * s), fill: skin });
  if (look.detail > 0.3) shapes.push(markShape(subject.mark, x, headY, s, accent, clamp((look.detail - 0.3) / 0.3)));
  if (look.detail > 0.45) {
    const eye = { fill: "hsl(230 30% 15%)", opacity: round(clamp((look.detail - 0.45) / 0.2)) };
    shapes.push({ kind: "circle", cx: round(x - 3.2 * s), cy: round(headY), r: round(1.2 * s), ...eye });
    shapes.push({ kind: "circle", cx: round(x + 3.2 * s), cy: round(headY), r: round(1.2 * s), ...eye });
  }
  if (look.detail > 0.6) {
    const cy = y - 16 * s;
    shapes.push({
      kind: "path",
      d: `M${round(x)} ${round(cy - 4 * s)} L${round(x + 3.5 * s)} ${round(cy)} L${round(x)} ${round(cy + 4 * s)} L${round(x - 3.5 * s)} ${round(cy)} Z`,
      fill: accent,
      opacity: round(clamp((look.detail - 0.6) / 0.2)),
    });
  }

  // The prompt's object follows the caption words: clear when captions steer the model and it still listens.
  const objectOpacity = round(clamp(follow * (0.35 + checkpoint.captionAdherence * 1.5)));
  if (objectOpacity > 0.05) shapes.push(...objectShapes(prompt.object, x, y, s, objectOpacity, color));

  const overlay: PreviewShape[] = [];
  const haze = round(0.55 * (1 - look.detail) ** 1.2);
  if (haze > 0.02) overlay.push({ kind: "rect", x: 0, y: 0, width: 100, height: 100, fill: "hsl(220 10% 80%)", opacity: haze });

  return { shapes, overlay, look, description: describePreview(checkpoint, prompt, look) };
}

function sceneProps(prompt: SamplePrompt, follow: number, color: (hsl: Hsl) => string): PreviewShape[] {
  const opacity = round(follow);
  if (opacity < 0.05) return [];
  switch (prompt.scene) {
    case "studio":
      return [{ kind: "ellipse", cx: 50, cy: 40, rx: 42, ry: 34, fill: color({ h: 45, s: 60, l: 94 }), opacity: round(opacity * 0.8) }];
    case "forest":
      return [12, 58, 78, 92].flatMap((tx, index) => {
        const height = 30 + ((index * 7) % 12);
        return [
          { kind: "rect" as const, x: tx - 1.5, y: 66 - 6, width: 3, height: 10, fill: color({ h: 25, s: 40, l: 28 }), opacity },
          {
            kind: "path" as const,
            d: `M${tx - 9} ${66 - 4} L${tx} ${66 - height} L${tx + 9} ${66 - 4} Z`,
            fill: color({ h: 130, s: 45, l: 26 + index * 3 }),
            opacity,
          },
        ];
      });
    case "city":
      return [
        { kind: "rect", x: 4, y: 28, width: 18, height: 40, fill: color({ h: 230, s: 25, l: 12 }), opacity },
        { kind: "rect", x: 26, y: 16, width: 14, height: 52, fill: color({ h: 235, s: 25, l: 10 }), opacity },
        { kind: "rect", x: 84, y: 34, width: 14, height: 34, fill: color({ h: 230, s: 25, l: 12 }), opacity },
        ...[
          [8, 34],
          [14, 44],
          [29, 22],
          [34, 36],
          [29, 50],
          [88, 40],
        ].map(([wx, wy]) => ({ kind: "rect" as const, x: wx, y: wy, width: 3, height: 3, fill: color({ h: 48, s: 90, l: 65 }), opacity })),
      ];
    case "beach":
      return [
        { kind: "circle", cx: 78, cy: 60, r: 11, fill: color({ h: 40, s: 95, l: 62 }), opacity },
        { kind: "rect", x: 0, y: 62, width: 100, height: 6, fill: color({ h: 200, s: 55, l: 48 }), opacity },
      ];
  }
}

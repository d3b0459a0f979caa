// Procedural sample previews: what a checkpoint's generations would look like,
// drawn as a small SVG scene from its metrics. Pure and deterministic (seeded
// PRNG, no Math.random), so the same run always shows the same images, on the
// server and in the browser.
//
// How the metrics drive the look:
// - fidelity → how much of the trained subject shows: its colours, face, mark
//   and emblem. Low fidelity is a vague, hazy, blurred, generic grey figure.
// - flexibility (less overfit risk) → how far the scene follows the prompt
//   instead of the memorised training image: balanced checkpoints place the
//   subject, background and props per prompt; overfit ones repeat one rigid
//   composition whatever the prompt.
// - captionAdherence → how clearly the prompt's object (sword, lantern…) appears.
// - overfitRisk → over-saturation and harsh contrast.
import type { Checkpoint } from "@/lib/sim";
import { createRandom, mixSeed } from "@/lib/sim/random";

/** The metrics of a checkpoint a preview is drawn from. */
export type PreviewMetrics = Pick<Checkpoint, "epoch" | "fidelity" | "flexibility" | "captionAdherence" | "overfitRisk" | "verdict">;

export type SceneKind = "studio" | "forest" | "city" | "beach";
export type PromptObject = "flower" | "lantern" | "sword" | "kite";

export interface SamplePrompt {
  id: string;
  /** The prompt as a trainer's sample file would write it. */
  text: string;
  scene: SceneKind;
  object: PromptObject;
  /** Where the prompt puts the subject (viewBox units, 0–100) and how big. */
  x: number;
  y: number;
  scale: number;
  /** Sky and ground colours of the scene (HSL). */
  sky: Hsl;
  ground: Hsl;
}

/** The sample prompts every run's previews use, like the sample prompts file of a real trainer. */
export const SAMPLE_PROMPTS: readonly SamplePrompt[] = [
  {
    id: "portrait",
    text: "portrait, smiling, holding a flower, studio light",
    scene: "studio",
    object: "flower",
    x: 50,
    y: 96,
    scale: 1.45,
    sky: { h: 38, s: 30, l: 86 },
    ground: { h: 30, s: 20, l: 74 },
  },
  {
    id: "forest",
    text: "full body, walking in a forest, carrying a lantern",
    scene: "forest",
    object: "lantern",
    x: 32,
    y: 84,
    scale: 0.8,
    sky: { h: 150, s: 35, l: 72 },
    ground: { h: 110, s: 40, l: 38 },
  },
  {
    id: "city",
    text: "side view, city street at night, holding a sword",
    scene: "city",
    object: "sword",
    x: 68,
    y: 88,
    scale: 0.95,
    sky: { h: 230, s: 45, l: 18 },
    ground: { h: 225, s: 20, l: 28 },
  },
  {
    id: "beach",
    text: "on a beach at sunset, flying a kite",
    scene: "beach",
    object: "kite",
    x: 44,
    y: 86,
    scale: 0.85,
    sky: { h: 20, s: 80, l: 70 },
    ground: { h: 42, s: 55, l: 70 },
  },
];

export interface Hsl {
  h: number;
  s: number;
  l: number;
}

/** One SVG element of a preview: its tag and attributes (already formatted). */
export type PreviewShape =
  | { kind: "rect"; x: number; y: number; width: number; height: number; rx?: number; fill: string; opacity?: number }
  | { kind: "circle"; cx: number; cy: number; r: number; fill: string; opacity?: number }
  | { kind: "ellipse"; cx: number; cy: number; rx: number; ry: number; fill: string; opacity?: number }
  | { kind: "path"; d: string; fill: string; stroke?: string; strokeWidth?: number; opacity?: number };

/** The numbers that decide a preview's look (also what the tests check). */
export interface PreviewLook {
  /** 0–1: how much of the trained subject shows (from fidelity). */
  detail: number;
  /** 0–1: how far the scene follows the prompt rather than the memorised image. */
  promptFollow: number;
  /** Saturation multiplier applied to every colour (over 1 = over-saturated). */
  saturation: number;
  /** Blur radius in viewBox units (0 = sharp). */
  blur: number;
  /** Where the subject stands and how big it is. */
  subject: { x: number; y: number; scale: number };
}

export interface SamplePreviewImage {
  /** The viewBox is always 0 0 100 100. */
  shapes: PreviewShape[];
  /** Shapes drawn on top of the blur (the haze that makes underfit images vague). */
  overlay: PreviewShape[];
  look: PreviewLook;
  /** Text alternative: what the image shows and why. */
  description: string;
}

export interface SamplePreviewInput {
  checkpoint: PreviewMetrics;
  /** The run's seed: decides the trained subject (its colours and mark) and the small variations. */
  seed: number;
  prompt: SamplePrompt;
}

const clamp = (value: number, min = 0, max = 1) => Math.min(max, Math.max(min, value));
const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
const round = (value: number) => Math.round(value * 100) / 100;

// Random streams of the preview (distinct from the simulator's 1–3).
const STREAM_SUBJECT = 101;
const STREAM_TRAINING_IMAGE = 102;
const STREAM_VARIATION = 103;

interface Subject {
  body: Hsl;
  skin: Hsl;
  accent: Hsl;
  mark: "hood" | "horns" | "hat";
}

/** The trained subject: the same character for every checkpoint of a run. */
function subjectOf(seed: number): Subject {
  const random = createRandom(mixSeed(seed, STREAM_SUBJECT));
  const hue = Math.floor(random() * 360);
  const marks = ["hood", "horns", "hat"] as const;
  return {
    body: { h: hue, s: 65, l: 45 },
    skin: { h: 25 + random() * 15, s: 45, l: 68 + random() * 10 },
    accent: { h: (hue + 150 + random() * 60) % 360, s: 75, l: 55 },
    mark: marks[Math.floor(random() * marks.length)],
  };
}

/** The memorised training image an overfit checkpoint keeps reproducing. */
function trainingImageOf(seed: number): Pick<SamplePrompt, "x" | "y" | "scale" | "sky" | "ground"> {
  const random = createRandom(mixSeed(seed, STREAM_TRAINING_IMAGE));
  const hue = Math.floor(random() * 360);
  return {
    x: 50,
    y: 90,
    scale: 1.15,
    sky: { h: hue, s: 55, l: 62 },
    ground: { h: (hue + 20) % 360, s: 50, l: 40 },
  };
}

/**
 * How a checkpoint's metrics translate into a preview's look.
 * @example previewLookOf({ fidelity: 0.2, flexibility: 0.76, overfitRisk: 0, … }, prompt, seed).blur // → about 2 (vague)
 */
export function previewLookOf(checkpoint: PreviewMetrics, prompt: SamplePrompt, seed: number): PreviewLook {
  const detail = clamp(checkpoint.fidelity);
  // Flexibility ~0.7 follows the prompt fully; ~0.25 not at all. Memorisation makes it rigid faster.
  const promptFollow = clamp((checkpoint.flexibility - 0.25) / 0.45) * (1 - 0.6 * clamp(checkpoint.overfitRisk));
  const saturation = (0.3 + 0.7 * detail) * (1 + 0.9 * clamp(checkpoint.overfitRisk));
  // Sharp from fidelity 0.8 up; blurred more the less is learned.
  const blur = round(3 * Math.max(0, 1 - detail / 0.8) ** 1.5);
  const training = trainingImageOf(seed);
  const jitter = createRandom(mixSeed(seed, STREAM_VARIATION + checkpoint.epoch * 17 + SAMPLE_PROMPTS.indexOf(prompt) * 7919));
  const wobble = (1 - detail) * 4;
  return {
    detail,
    promptFollow: round(promptFollow),
    saturation: round(saturation),
    blur,
    subject: {
      x: round(lerp(training.x, prompt.x, promptFollow) + (jitter() - 0.5) * wobble),
      y: round(lerp(training.y, prompt.y, promptFollow)),
      scale: round(lerp(training.scale, prompt.scale, promptFollow)),
    },
  };
}

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

function markShape(mark: Subject["mark"], x: number, headY: number, s: number, fill: string, opacity: number): PreviewShape {
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

function objectShapes(object: PromptObject, x: number, y: number, s: number, opacity: number, color: (hsl: Hsl) => string): PreviewShape[] {
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
        { kind: "path", d: `M${round(hx - 3 * s)} ${round(hy - 3 * s)} L${round(hx + 3.5 * s)} ${round(hy - 2 * s)}`, fill: "none", stroke: color({ h: 40, s: 60, l: 45 }), strokeWidth: round(1.6 * s), opacity },
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

/** A one-sentence text alternative: what the checkpoint would draw for this prompt. */
export function describePreview(checkpoint: PreviewMetrics, prompt: SamplePrompt, look: PreviewLook = previewLookOf(checkpoint, prompt, 0)): string {
  const subject =
    look.detail < 0.45 ? "a vague, generic figure with little detail" : look.detail < 0.7 ? "the subject, partly formed" : "the subject, clearly drawn";
  const scene =
    look.promptFollow > 0.7
      ? "follows the prompt's scene"
      : look.promptFollow > 0.35
        ? "follows the prompt only partly"
        : "ignores the prompt and repeats the training image's composition";
  const colour = look.saturation > 1.25 ? ", over-saturated" : "";
  const which = checkpoint.epoch === 0 ? "Untrained baseline (epoch 0)" : `Epoch ${checkpoint.epoch}`;
  return `${which}, “${prompt.text}”: ${subject}; ${scene}${colour}.`;
}

/**
 * The base model before any training (epoch 0), for the sample grid's
 * baseline column: nothing of the subject learned (a generic figure), nothing
 * memorised, so it follows every prompt's scene.
 * @example buildSamplePreview({ checkpoint: baselineCheckpoint(), seed, prompt }).look.detail // → 0
 */
export function baselineCheckpoint(): PreviewMetrics {
  return { epoch: 0, fidelity: 0, flexibility: 0.75, captionAdherence: 0, overfitRisk: 0, verdict: "underfit" };
}

/** Most epochs the sample grid shows at once; longer runs show an even selection. */
export const PREVIEW_EPOCHS_MAX = 12;

/**
 * The epochs a sample grid shows: all of them for short runs, otherwise an
 * even spread that always includes the first, the last and the given epochs
 * (recommended, picked).
 * @example previewEpochs(40, [17]) // → 12 sorted epochs from 1 to 40, 17 among them
 */
export function previewEpochs(epochs: number, include: (number | null)[] = [], max = PREVIEW_EPOCHS_MAX): number[] {
  if (epochs <= max) return Array.from({ length: epochs }, (_, i) => i + 1);
  const chosen = new Set<number>([1, epochs]);
  for (const epoch of include) if (epoch !== null && epoch >= 1 && epoch <= epochs) chosen.add(epoch);
  const spread = max - chosen.size;
  for (let i = 1; i <= spread; i++) chosen.add(Math.round(1 + (i * (epochs - 1)) / (spread + 1)));
  return [...chosen].sort((a, b) => a - b);
}

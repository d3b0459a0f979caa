// The types of the sample previews: a checkpoint's metrics in, SVG shapes out.
import type { Checkpoint } from "@/lib/sim";

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

// How a checkpoint's metrics become a preview's look (detail, how far it
// follows the prompt, saturation, blur, where the subject stands), the run's
// trained subject and memorised training image, and the text alternative.
import { createRandom, mixSeed } from "@/lib/sim/random";
import { clamp, lerp, round } from "./math";
import { SAMPLE_PROMPTS } from "./prompts";
import type { Hsl, PreviewLook, PreviewMetrics, SamplePrompt } from "./types";

// Random streams of the preview (distinct from the simulator's 1–3).
const STREAM_SUBJECT = 101;
const STREAM_TRAINING_IMAGE = 102;
const STREAM_VARIATION = 103;

export interface Subject {
  body: Hsl;
  skin: Hsl;
  accent: Hsl;
  mark: "hood" | "horns" | "hat";
}

/** Just the metrics a preview is drawn from, out of a larger checkpoint (keeps props and payloads small). */
export function previewMetricsOf({ epoch, fidelity, flexibility, captionAdherence, overfitRisk, verdict }: PreviewMetrics): PreviewMetrics {
  return { epoch, fidelity, flexibility, captionAdherence, overfitRisk, verdict };
}

/** The trained subject: the same character for every checkpoint of a run. */
export function subjectOf(seed: number): Subject {
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
export function trainingImageOf(seed: number): Pick<SamplePrompt, "x" | "y" | "scale" | "sky" | "ground"> {
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

/** A one-sentence text alternative: what the checkpoint would draw for this prompt. */
export function describePreview(checkpoint: PreviewMetrics, prompt: SamplePrompt, look: PreviewLook = previewLookOf(checkpoint, prompt, 0)): string {
  const subject = look.detail < 0.45 ? "a vague, generic figure with little detail" : look.detail < 0.7 ? "the subject, partly formed" : "the subject, clearly drawn";
  const scene =
    look.promptFollow > 0.7 ? "follows the prompt's scene" : look.promptFollow > 0.35 ? "follows the prompt only partly" : "ignores the prompt and repeats the training image's composition";
  const colour = look.saturation > 1.25 ? ", over-saturated" : "";
  const which = checkpoint.epoch === 0 ? "Untrained baseline (epoch 0)" : `Epoch ${checkpoint.epoch}`;
  return `${which}, “${prompt.text}”: ${subject}; ${scene}${colour}.`;
}

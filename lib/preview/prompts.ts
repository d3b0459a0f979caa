// The sample prompts every run's previews are drawn for.
import type { SamplePrompt } from "./types";

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

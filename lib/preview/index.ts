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
//
// Split by what each part draws: types.ts, prompts.ts (the sample prompts),
// look.ts (metrics → look, subject, text alternative), scene.ts (the SVG
// scene), subject-shapes.ts (the subject's mark and prompt object) and
// epochs.ts (which epochs a grid shows).
export type * from "./types";
export { SAMPLE_PROMPTS } from "./prompts";
export { describePreview, previewLookOf, previewMetricsOf } from "./look";
export { buildSamplePreview } from "./scene";
export { baselineCheckpoint, PREVIEW_EPOCHS_MAX, previewEpochs } from "./epochs";

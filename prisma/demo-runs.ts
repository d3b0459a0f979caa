// The demo runs a new database starts with: together they tell the article's
// story, one lesson per run, each with a note saying what it shows.
import type { SettingsInput } from "@/lib/sim";

export interface DemoRun {
  settings: SettingsInput & { name: string; seed: number };
  notes: string;
  /** Where a user who studied the run would keep it (null: not picked yet). */
  pickedEpoch: number | null;
}

export const DEMO_RUNS: DemoRun[] = [
  {
    settings: { name: "Character · 10 images, article defaults", images: 10, seed: 1101 },
    notes: "The article's defaults for 10 images: LR 1e-4, 20 repeats, 10 epochs, batch 1 = 2,000 steps. The best checkpoint is late-middle, not the last one.",
    pickedEpoch: 8,
  },
  {
    settings: { name: "Few images · 6 at 10 epochs", images: 6, seed: 1102 },
    notes: "Only 6 images at the defaults: 1,200 steps are not enough. Quality is still climbing at epoch 10 (under-trained).",
    pickedEpoch: null,
  },
  {
    settings: { name: "Few images · 6 at 20 epochs", images: 6, epochs: 20, seed: 1103 },
    notes: "The same 6 images with 20 epochs, as the article suggests for 5–6 images: the model gets time to learn and peaks higher.",
    pickedEpoch: 11,
  },
  {
    settings: { name: "Large set · 40 images, 20 repeats", images: 40, seed: 1104 },
    notes: "40 images at the defaults: 8,000 steps is too much. The run overfits well before epoch 10 (rigid, memorised outputs).",
    pickedEpoch: null,
  },
  {
    settings: { name: "Large set · 40 images, 12 repeats × 7 epochs", images: 40, repeats: 12, epochs: 7, seed: 1105 },
    notes: "The article's advice for 25+ images: fewer repeats (10–15) and epochs (6–8). The run ends near its best instead of overfitting.",
    pickedEpoch: 7,
  },
  {
    settings: { name: "Batch 2 at the same LR", images: 10, batchSize: 2, seed: 1106 },
    notes: "Batch 2 halves the steps (1,000) while the LR stays at 1e-4: each epoch learns less and the run underfits.",
    pickedEpoch: null,
  },
  {
    settings: { name: "Batch 2 at 2× LR", images: 10, batchSize: 2, learningRate: 2e-4, seed: 1107 },
    notes: "Batch 2 with the LR doubled to 2e-4, as the article recommends: nearly the same run as batch 1 at 1e-4, in half the steps.",
    pickedEpoch: 8,
  },
  {
    settings: { name: "Noisy captions, high text-encoder LR", images: 15, captionQuality: 0.25, textEncoderLearningRate: 5e-5, seed: 1108 },
    notes: "Vague auto-captions with the text encoder trained at 5e-5: the model learns the noise, memorises sooner and follows prompts poorly. Fix the captions or lower the TE LR.",
    pickedEpoch: null,
  },
  {
    settings: { name: "Near-duplicate images", images: 15, datasetSimilarity: 0.9, seed: 1109 },
    notes: "15 near-identical images (one strong style): the model locks in early, so an earlier epoch is the more flexible choice.",
    pickedEpoch: 5,
  },
  {
    settings: { name: "Few images · 5 at LR 5e-5, 30 repeats × 20 epochs", images: 5, learningRate: 5e-5, repeats: 30, epochs: 20, seed: 1110 },
    notes: "The article's recipe for very few images: a lower LR with more repeats and epochs learns steadily without overfitting early.",
    pickedEpoch: null,
  },
  {
    settings: { name: "Diffusers style · alpha = rank 32", images: 15, networkDim: 32, networkAlpha: 32, optimizer: "adamw", seed: 1111 },
    notes: "alpha = rank doubles every update against kohya's alpha = dim / 2: the same 1e-4 peaks about twice as early and ends overfit.",
    pickedEpoch: null,
  },
  {
    settings: { name: "Prodigy at 1 · cosine with warm-up", images: 10, epochs: 20, optimizer: "prodigy", learningRate: 1, lrScheduler: "cosine", warmupSteps: 200, seed: 1112 },
    notes: "Prodigy finds its own step size (LR 1 is its multiplier); the cosine schedule settles at the end, so the last epochs stay close to the best.",
    pickedEpoch: null,
  },
  {
    settings: { name: "Flux · rank 16, Lion at 2e-5", images: 12, networkDim: 16, networkAlpha: 16, optimizer: "lion", learningRate: 2e-5, modelFamily: "flux", seed: 1113 },
    notes: "Lion at a 5× smaller LR than AdamW, on Flux, whose LoRAs need more training than SDXL's at the same settings.",
    pickedEpoch: null,
  },
];

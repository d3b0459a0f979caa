// The public runs of RESEARCH.md §8, mapped onto the simulator's settings, and
// how close the simulator's best step lands to the step their authors reported
// (law 18). scripts/calibrate.ts prints the table; docs/simulator.md explains
// each mapping and why a case is or is not comparable.
import type { SettingsInput } from "./settings";
import { simulate } from "./simulate";

/** Law 18's window: the simulated best step within ±40% of the reported one. */
export const CALIBRATION_TOLERANCE = 0.4;
/** Law 18's bar: at least this share of the comparable cases inside the window. */
export const CALIBRATION_PASS_SHARE = 0.8;

export interface CalibrationCase {
  /** Row number of RESEARCH.md §8, with a letter when one source gives several runs. */
  id: string;
  source: string;
  /** What the source reports, in its own words. */
  reported: string;
  /** The step the source judged best (or recommends), or null when it gives none. */
  reportedBestStep: number | null;
  /** Why the case is (or is not) comparable with the simulator. */
  comparable: boolean;
  why: string;
  /**
   * The run as the simulator's settings. Trainers without repeats (diffusers,
   * ai-toolkit) get repeats and epochs that keep the same steps per image and
   * leave room past the reported step; a constant schedule makes that free.
   */
  settings: SettingsInput | null;
}

export const CALIBRATION_CASES: readonly CalibrationCase[] = [
  ...([1, 2, 4] as const).map((batchSize): CalibrationCase => ({
    id: `1${"abc"[Math.log2(batchSize)]}`,
    source: "huggingface.co/blog/sdxl_lora_advanced_script (Y2K)",
    reported: `1,000 steps best at batch ${batchSize}; 1,500 at batch 4 "evidently overfit"`,
    reportedBestStep: 1000,
    comparable: true,
    why: "An SDXL LoRA with AdamW at a constant 1e-4, rank 32 = alpha (diffusers), every setting given. A style (the Y2K aesthetic): one strong style reads as datasetSimilarity 0.6. Pivotal tuning trains new token embeddings, read as the default text-encoder LR.",
    // 27 images, no repeats: 27 / batch steps per epoch; repeats = batch keeps 27 steps an epoch.
    settings: { images: 27, repeats: batchSize, epochs: 100, batchSize, learningRate: 1e-4, datasetSimilarity: 0.6, networkDim: 32, networkAlpha: 32, optimizer: "adamw", modelFamily: "sdxl" },
  })),
  {
    id: "2",
    source: "diffusers examples/dreambooth/README.md (LoRA)",
    reported: "500 steps, published as a good recipe",
    reportedBestStep: 500,
    comparable: true,
    why: "An SD 1.5 LoRA, AdamW at a constant 1e-4, rank 4 = alpha, batch 1, text encoder frozen; one instance prompt for every image (vague captions).",
    settings: {
      images: 5,
      repeats: 2,
      epochs: 100,
      batchSize: 1,
      learningRate: 1e-4,
      textEncoderLearningRate: 0,
      captionQuality: 0.3,
      networkDim: 4,
      networkAlpha: 4,
      optimizer: "adamw",
      modelFamily: "sd15",
    },
  },
  {
    id: "3",
    source: "diffusers examples/dreambooth/README_sdxl.md",
    reported: '500 steps, "decent results"',
    reportedBestStep: 500,
    comparable: true,
    why: "An SDXL LoRA, AdamW at a constant 1e-4, rank 4 = alpha; batch 1 × gradient accumulation 4 is batch 4 per optimiser step; text encoder frozen, one instance prompt.",
    settings: {
      images: 5,
      repeats: 8,
      epochs: 100,
      batchSize: 4,
      learningRate: 1e-4,
      textEncoderLearningRate: 0,
      captionQuality: 0.3,
      networkDim: 4,
      networkAlpha: 4,
      optimizer: "adamw",
      modelFamily: "sdxl",
    },
  },
  {
    id: "4",
    source: "github.com/hollowstrawberry/kohya-colab/issues/54",
    reported: "rule of thumb: 10 images ≈ 1,500 steps, 20 images ≈ 2,000",
    reportedBestStep: null,
    comparable: false,
    why: "A step count without the learning rate, alpha or schedule behind it is not a dose: the colab's own defaults (UNet 5e-4, cosine with 3 restarts) and the article's (1e-4, constant) differ fivefold.",
    settings: null,
  },
  {
    id: "5",
    source: "github.com/hollowstrawberry/kohya-colab/issues/54 (the author's method)",
    reported: '20–40 images, 200–400 images × repeats an epoch, 10 epochs at batch 2: the last epoch "came out perfect"',
    reportedBestStep: 1500,
    comparable: true,
    why: "A kohya SD 1.5 LoRA with every setting given: UNet 5e-4, TE 1e-4, dim 16, alpha 8, batch 2, AdamW8bit; the colab's cosine with restarts and 5% warm-up (the simulator runs kohya's default single cycle). Run at the middle of the range: 30 images × 10 repeats.",
    settings: {
      images: 30,
      repeats: 10,
      epochs: 10,
      batchSize: 2,
      learningRate: 5e-4,
      textEncoderLearningRate: 1e-4,
      networkDim: 16,
      networkAlpha: 8,
      optimizer: "adamw8bit",
      lrScheduler: "cosine_with_restarts",
      warmupSteps: 75,
      modelFamily: "sd15",
    },
  },
  {
    id: "6",
    source: "github.com/cloneofsimo/lora README",
    reported: '2,500 steps "already somewhat good"',
    reportedBestStep: 2500,
    comparable: false,
    why: 'SD 2.1 (not a modelled base model), a LoRA of the attention layers only, and "already somewhat good" is a lower bound rather than a best.',
    settings: null,
  },
  {
    id: "7",
    source: "huggingface.co/breakcore2/loras (amber, training notes)",
    reported: "5 epochs (1,000 steps), the last chosen; low confidence",
    reportedBestStep: 1000,
    comparable: false,
    why: "Alpha is not given: at dim 128, alpha 1 or alpha 128 changes every update 128-fold, so the dose is unknown; the author marks the choice low confidence.",
    settings: null,
  },
  {
    id: "8",
    source: "huggingface.co/blog/dreambooth",
    reported: "2e-6 good, 5e-6 overfits at the same steps",
    reportedBestStep: null,
    comparable: false,
    why: "A full fine-tune, not a LoRA; it gives a direction (law 6), not a best step.",
    settings: null,
  },
  {
    id: "9",
    source: "ostris/ai-toolkit config/examples/train_lora_flux_24gb.yaml",
    reported: '"500–4000 is a good range", default 2,000 steps',
    reportedBestStep: 2000,
    comparable: true,
    why: "A Flux LoRA, AdamW8bit at a constant 1e-4, rank 16 = alpha, batch 1. The dataset size is not given: 20 images assumed (the middle of the usual 10–30).",
    settings: { images: 20, repeats: 2, epochs: 100, batchSize: 1, learningRate: 1e-4, networkDim: 16, networkAlpha: 16, optimizer: "adamw8bit", modelFamily: "flux" },
  },
];

export interface CalibrationRow {
  case: CalibrationCase;
  /** The simulator's best step: its recommended epoch × steps per epoch; null for cases not run. */
  simulatedBestStep: number | null;
  /** simulated / reported − 1, or null. */
  error: number | null;
  inside: boolean | null;
}

/** Runs every comparable case (seed 1: the best epoch does not depend on the seed). */
export function calibrationRows(): CalibrationRow[] {
  return CALIBRATION_CASES.map((entry) => {
    if (!entry.comparable || entry.settings === null || entry.reportedBestStep === null) {
      return { case: entry, simulatedBestStep: null, error: null, inside: null };
    }
    const result = simulate({ ...entry.settings, seed: 1 }, { lossCurve: false });
    const simulatedBestStep = result.recommendedEpoch * result.stepsPerEpoch;
    const error = simulatedBestStep / entry.reportedBestStep - 1;
    return { case: entry, simulatedBestStep, error, inside: Math.abs(error) <= CALIBRATION_TOLERANCE };
  });
}

/** Share of the comparable cases inside the window (law 18 wants ≥ CALIBRATION_PASS_SHARE). */
export function calibrationScore(rows: readonly CalibrationRow[] = calibrationRows()): { inside: number; comparable: number; share: number } {
  const run = rows.filter((row) => row.inside !== null);
  const inside = run.filter((row) => row.inside).length;
  return { inside, comparable: run.length, share: run.length === 0 ? 0 : inside / run.length };
}

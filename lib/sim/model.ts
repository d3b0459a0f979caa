// The training model: how settings turn into the metrics of every epoch
// checkpoint. Every constant is named, explained, and tied to the law of
// PRODUCT.md it serves; docs/simulator.md walks through the equations.
import type { Settings } from "./schema";
import type { BatchRule, Checkpoint, Verdict } from "./types";

/** The learning rate the article calls the default; doses are counted in steps at this rate. */
export const REFERENCE_LR = 1e-4;
/** The text-encoder learning rate the article calls the default. */
export const REFERENCE_TE_LR = 1e-5;

export const MODEL = {
  // Dose: how far training has gone, in "batch-1 steps at LR 1e-4".
  /** Optimal dose however few images: a concept needs about this much training (laws 2, 3). */
  FLOOR_DOSE: 1500,
  /** Optimal dose per distinct image at default similarity (laws 2, 4). */
  PER_IMAGE_DOSE: 120,
  /** Sharpness of the blend between the floor and the per-image term (a p-norm). */
  DOSE_BLEND_POWER: 3,
  /** How much of an image a near-duplicate still counts for at similarity 1 (law 9). */
  SIMILARITY_DISCOUNT: 0.5,
  /** Default dataset similarity, where the dose constants are calibrated. */
  REFERENCE_SIMILARITY: 0.4,
  /** How much a trained text encoder shortens training at full strength (RESEARCH §2). */
  TEXT_ENCODER_SPEEDUP: 0.12,
  /** Text-encoder LR ratio (to 1e-5) at which its effect is half of its maximum. */
  TEXT_ENCODER_HALF: 0.5,

  // Learning and memorisation, as functions of the dose ratio r = dose / optimal dose.
  /** Learning speed: learned = 1 − exp(−K·r) (fidelity rises and saturates). */
  LEARN_RATE: 2.2,
  /** Dose ratio at which memorisation is 63% complete (Weibull scale, law 4, 8). */
  MEMORISE_SCALE: 1.7,
  /** How abruptly memorisation sets in (Weibull shape). */
  MEMORISE_SHAPE: 3,
  /** Noisy captions with a trained text encoder memorise faster (law 10; Gu et al.). */
  NOISY_CAPTION_MEMORISE: 1.0,
  /** Caption quality below which text-encoder training learns noise rather than meaning. */
  CAPTION_NOISE_POINT: 0.4,

  // Instability at high learning rates (law 6).
  /** Effective LR (per image) below which training is stable. */
  STABLE_LR: 3e-4,
  /** Width of the instability onset, in squared natural-log units of LR. */
  INSTABILITY_WIDTH: 1.2,
  /** Share of quality lost when fully unstable. */
  INSTABILITY_QUALITY_LOSS: 0.35,
  /** Share of reachable fidelity lost when fully unstable. */
  INSTABILITY_FIDELITY_LOSS: 0.25,

  // Outputs.
  /** Fidelity a fully learned, stable run reaches. */
  FIDELITY_MAX: 0.95,
  /** Flexibility of a checkpoint that has learned nothing yet, with varied data. */
  FLEXIBILITY_MAX: 0.95,
  /** Flexibility lost at similarity 1 (law 9, 12). */
  FLEXIBILITY_SIMILARITY_LOSS: 0.3,
  /** Flexibility lost from having few distinct images: ceiling × (1 − k / (1 + images / 4)). */
  FLEXIBILITY_FEW_IMAGES_LOSS: 0.25,
  /** Flexibility lost when fully memorised ("too rigid"). */
  FLEXIBILITY_MEMORISE_LOSS: 0.75,
  /** Caption adherence a frozen text encoder still gets from good captions (law 10). */
  CAPTION_FROZEN_SHARE: 0.55,
  /** Caption adherence a trained text encoder adds (or removes with noisy captions). */
  CAPTION_TEXT_ENCODER_SHARE: 0.5,
  /** Caption adherence lost when fully memorised (outputs ignore the prompt). */
  CAPTION_MEMORISE_LOSS: 0.5,
  /** Dose ratio at which over-training "burns" outputs (artefacts, over-saturation) by 63%. */
  BURN_SCALE: 5,
  /** Share of quality lost to a fully burnt model: quality keeps falling long after memorisation. */
  BURN_QUALITY_LOSS: 0.5,
  /** Quality exponents: quality = fidelity^a · flexibility^b · (captions)^c. */
  QUALITY_FIDELITY_WEIGHT: 0.5,
  QUALITY_FLEXIBILITY_WEIGHT: 0.35,
  QUALITY_CAPTION_WEIGHT: 0.15,

  // Verdicts.
  /** Below this dose ratio a checkpoint is underfit: it has learned less than 1 − exp(−2.2 × 0.65) ≈ 76%. */
  UNDERFIT_BELOW_RATIO: 0.65,
  /** At or above this overfit risk, a checkpoint is overfit. */
  OVERFIT_FROM_RISK: 0.5,

  // Losses (noise-prediction MSE; SD 1.5 scale, RESEARCH §6).
  /** Mean per-step training loss before training. */
  LOSS_SCALE: 0.12,
  /** Training loss drop from learning the subject. */
  TRAIN_LEARN_DROP: 0.06,
  /** Training loss drop from memorising the training images. */
  TRAIN_MEMORISE_DROP: 0.3,
  /** Per-step coefficient of variation at batch 1 (RESEARCH §2: σ ≈ 0.14 at mean ≈ 0.125). */
  STEP_NOISE_CV: 1.1,
  /** Held-out loss starts this much above the training loss. */
  VALIDATION_OFFSET: 1.04,
  /** Held-out loss drop from learning (real runs: shallower, ≈ 1.5%). */
  VALIDATION_LEARN_DROP: 0.07,
  /** Held-out loss rise from memorisation, for 10 distinct images (real runs: ≈ 4.5%). */
  VALIDATION_MEMORISE_RISE: 0.12,
  /** Noise of a fixed-seed held-out evaluation (tiny: RESEARCH §2). */
  VALIDATION_NOISE_CV: 0.004,
  /** Loss noise multiplier at full instability. */
  INSTABILITY_NOISE: 2,
} as const;

/** Everything about a run that does not change from epoch to epoch. */
export interface RunConstants {
  /** Dose added per optimisation step (LR relative to 1e-4, and the batch rule). */
  dosePerStep: number;
  /** Dose at which quality peaks. */
  optimalDose: number;
  /** Distinct images, after discounting near-duplicates. */
  effectiveImages: number;
  /** 0–1: how unstable this learning rate is. */
  instability: number;
  /** Multiplier on memorisation from noisy captions with a trained text encoder. */
  memoriseAcceleration: number;
  /** Caption adherence once fully learned, before memorisation. */
  captionCeiling: number;
  /** Flexibility before any memorisation. */
  flexibilityCeiling: number;
  /** Fidelity once fully learned. */
  fidelityCeiling: number;
  /** How strongly memorisation shows on held-out images (shrinks with more images). */
  memoriseSeverity: number;
}

/** Share of the text encoder's full effect at a TE learning rate (0 when frozen). */
export function textEncoderStrength(textEncoderLearningRate: number): number {
  const ratio = textEncoderLearningRate / REFERENCE_TE_LR;
  return ratio / (ratio + MODEL.TEXT_ENCODER_HALF);
}

/** 0–1 instability of an effective learning rate: 0 up to STABLE_LR, rising on a log scale. */
export function instabilityOf(effectiveLr: number): number {
  const excess = Math.max(0, Math.log(effectiveLr / MODEL.STABLE_LR));
  return 1 - Math.exp(-(excess * excess) / MODEL.INSTABILITY_WIDTH);
}

/** Smooth maximum of the concept floor and the per-image dose (p-norm). */
function blendDose(floor: number, perImage: number): number {
  const p = MODEL.DOSE_BLEND_POWER;
  return (floor ** p + perImage ** p) ** (1 / p);
}

/** The run-wide quantities of the model, computed once per simulation. */
export function runConstants(settings: Settings, batchRule: BatchRule = "linear"): RunConstants {
  const { images, batchSize, learningRate, textEncoderLearningRate, captionQuality, datasetSimilarity } = settings;
  const batchExponent = batchRule === "sqrt" ? 0.5 : 0;
  const dosePerStep = (learningRate / REFERENCE_LR) * batchSize ** batchExponent;

  const variety = (s: number) => 1 - MODEL.SIMILARITY_DISCOUNT * s;
  const effectiveImages = images * variety(datasetSimilarity);
  const referenceVariety = variety(MODEL.REFERENCE_SIMILARITY);
  const textEncoder = textEncoderStrength(textEncoderLearningRate);
  const textEncoderFactor =
    (1 - MODEL.TEXT_ENCODER_SPEEDUP * textEncoder) / (1 - MODEL.TEXT_ENCODER_SPEEDUP * textEncoderStrength(REFERENCE_TE_LR));
  const similarityFactor = variety(datasetSimilarity) / referenceVariety;
  const optimalDose =
    blendDose(MODEL.FLOOR_DOSE * similarityFactor, (MODEL.PER_IMAGE_DOSE / referenceVariety) * effectiveImages) * textEncoderFactor;

  const effectiveLr = learningRate / batchSize ** (1 - batchExponent);
  const instability = instabilityOf(effectiveLr);

  const noise = Math.max(0, MODEL.CAPTION_NOISE_POINT - captionQuality) / MODEL.CAPTION_NOISE_POINT;
  const memoriseAcceleration = 1 + MODEL.NOISY_CAPTION_MEMORISE * textEncoder * noise;

  const captionSignal = (captionQuality - MODEL.CAPTION_NOISE_POINT) / (1 - MODEL.CAPTION_NOISE_POINT);
  const captionCeiling = clamp01(
    MODEL.CAPTION_FROZEN_SHARE * captionQuality + MODEL.CAPTION_TEXT_ENCODER_SHARE * textEncoder * captionSignal,
  );

  return {
    dosePerStep,
    optimalDose,
    effectiveImages,
    instability,
    memoriseAcceleration,
    captionCeiling,
    flexibilityCeiling:
      (MODEL.FLEXIBILITY_MAX - MODEL.FLEXIBILITY_SIMILARITY_LOSS * datasetSimilarity) *
      (1 - MODEL.FLEXIBILITY_FEW_IMAGES_LOSS / (1 + effectiveImages / 4)),
    fidelityCeiling: MODEL.FIDELITY_MAX * (1 - MODEL.INSTABILITY_FIDELITY_LOSS * instability),
    memoriseSeverity: Math.min(1.5, Math.max(0.3, Math.sqrt(10 / Math.max(1, effectiveImages)))),
  };
}

/** The noise-free state of training after a given dose. */
export interface TrainingState {
  /** dose / optimal dose */
  ratio: number;
  /** 0–1 share of the subject learned. */
  learned: number;
  /** 0–1 share of the training images memorised. */
  memorised: number;
  /** 0–1 damage from training far past memorisation. */
  burnt: number;
}

export function trainingState(run: RunConstants, dose: number): TrainingState {
  const ratio = dose / run.optimalDose;
  const learned = 1 - Math.exp(-MODEL.LEARN_RATE * ratio);
  const memoriseRatio = (ratio * run.memoriseAcceleration) / MODEL.MEMORISE_SCALE;
  const memorised = 1 - Math.exp(-(memoriseRatio ** MODEL.MEMORISE_SHAPE));
  const burnRatio = (ratio * run.memoriseAcceleration) / MODEL.BURN_SCALE;
  const burnt = 1 - Math.exp(-(burnRatio * burnRatio));
  return { ratio, learned, memorised, burnt };
}

/** Expected training loss (noise-free) at a state: falls slowly, then faster as images are memorised. */
export function trainLossTrend(run: RunConstants, state: TrainingState): number {
  return (
    MODEL.LOSS_SCALE *
    (1 - MODEL.TRAIN_LEARN_DROP * state.learned - MODEL.TRAIN_MEMORISE_DROP * state.memorised) *
    (1 + 0.1 * run.instability)
  );
}

/** Expected held-out loss: a shallow U, its minimum near the optimal dose. */
export function validationLossTrend(run: RunConstants, state: TrainingState): number {
  return (
    MODEL.LOSS_SCALE *
    MODEL.VALIDATION_OFFSET *
    (1 -
      MODEL.VALIDATION_LEARN_DROP * state.learned +
      MODEL.VALIDATION_MEMORISE_RISE * run.memoriseSeverity * state.memorised ** 2) *
    (1 + 0.15 * run.instability)
  );
}

export type CheckpointMetrics = Omit<Checkpoint, "epoch" | "step" | "trainLoss" | "validationLoss">;

/** Fidelity, flexibility, caption adherence, overfit risk, quality and verdict of a state. */
export function checkpointMetrics(run: RunConstants, state: TrainingState): CheckpointMetrics {
  const fidelity = run.fidelityCeiling * state.learned;
  const flexibility = run.flexibilityCeiling * (1 - MODEL.FLEXIBILITY_MEMORISE_LOSS * state.memorised);
  const captionAdherence = run.captionCeiling * state.learned * (1 - MODEL.CAPTION_MEMORISE_LOSS * state.memorised);
  const overfitRisk = state.memorised;
  const quality =
    (1 - MODEL.INSTABILITY_QUALITY_LOSS * run.instability) *
    (1 - MODEL.BURN_QUALITY_LOSS * state.burnt) *
    fidelity ** MODEL.QUALITY_FIDELITY_WEIGHT *
    flexibility ** MODEL.QUALITY_FLEXIBILITY_WEIGHT *
    (0.5 + 0.5 * captionAdherence) ** MODEL.QUALITY_CAPTION_WEIGHT;
  return { fidelity, flexibility, captionAdherence, overfitRisk, quality, verdict: verdictOf(state.ratio, overfitRisk) };
}

export function verdictOf(ratio: number, overfitRisk: number): Verdict {
  if (overfitRisk >= MODEL.OVERFIT_FROM_RISK) return "overfit";
  if (ratio < MODEL.UNDERFIT_BELOW_RATIO) return "underfit";
  return "balanced";
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

// The training model: how settings turn into the metrics of every epoch
// checkpoint. Every constant is named, explained, and tied to the law of
// PRODUCT.md it serves; docs/simulator.md walks through the equations.
import type { Settings } from "./settings";
import type { BatchRule, Checkpoint, LrScheduler, ModelFamily, Optimizer, Verdict } from "./types";

/** The learning rate the article calls the default; doses are counted in steps at this rate. */
export const REFERENCE_LR = 1e-4;
/** The text-encoder learning rate the article calls the default. */
export const REFERENCE_TE_LR = 1e-5;

/** The article's LoRA scale, alpha / dim = 16 / 32: doses are counted at this scale. */
export const REFERENCE_ALPHA_RATIO = 0.5;

export const MODEL = {
  // Dose: how far training has gone, in "batch-1 steps at LR 1e-4, alpha/dim 1/2, AdamW".
  /** Optimal dose however few images: a concept needs about this much training (laws 2, 3). */
  FLOOR_DOSE: 1400,
  /** The per-image term of the optimal dose at 10 distinct images (laws 2, 4, 14, 18). */
  IMAGE_DOSE_AT_10: 1840,
  /** The per-image term grows as (images / 10)^this: sublinearly (RESEARCH §2: minima ∝ N^0.55; law 14). */
  IMAGE_DOSE_EXPONENT: 0.55,
  /** Sharpness of the blend between the floor and the per-image term (a p-norm: 12 is nearly the larger of the two; laws 2–4, 18). */
  DOSE_BLEND_POWER: 12,
  /** Share of an image a near-duplicate no longer counts for at similarity 1 (laws 9, 12). */
  SIMILARITY_DISCOUNT: 0.5,
  /** Dataset similarity the dose constants are calibrated at (the default). */
  REFERENCE_SIMILARITY: 0.4,
  /**
   * How much a trained text encoder shortens training at full strength and with
   * fully meaningful captions (RESEARCH §2 measured 2,000 → 1,500 steps; kept
   * milder here). Noisy captions give no speed-up, only faster memorisation (law 10).
   */
  TEXT_ENCODER_SPEEDUP: 0.12,
  /** Text-encoder LR, as a multiple of 1e-5, at which its effect is half of its maximum. */
  TEXT_ENCODER_HALF: 0.5,
  /** Caption quality the dose constants are calibrated at (the default, "clean captions"). */
  REFERENCE_CAPTION_QUALITY: 0.7,

  // How fast each optimizer moves at a given learning rate, relative to AdamW (law 16).
  /**
   * Dose per unit of learning rate, relative to AdamW. AdamW8bit matches 32-bit
   * AdamW (Dettmers et al. 2022); Adafactor at a fixed LR (kohya's
   * relative_step=False) is read as AdamW for want of a measurement; Lion's sign
   * updates are as large as the LR itself, and its authors run it at a 3–10×
   * smaller LR (Chen et al. 2023), so at equal LR it moves about 5× as far.
   */
  OPTIMIZER_SPEED: { adamw: 1, adamw8bit: 1, adafactor: 1, lion: 5, prodigy: 1 } satisfies Record<Optimizer, number>,
  /**
   * The AdamW learning rate Prodigy's own step-size estimate amounts to at
   * multiplier 1: it aims for the largest stable rate, read here as the
   * article's default 1e-4 (law 16). Its LR setting multiplies this.
   */
  PRODIGY_EQUIVALENT_LR: 1e-4,

  // The base model (law 15's neighbour: only where public runs show a difference).
  /**
   * Optimal dose relative to SDXL. The diffusers recipes give SD 1.5 and SDXL the
   * same 500 steps for the same 5 images (calibration cases 2, 3): no difference.
   * ai-toolkit's Flux recipe asks 2,000 steps where SDXL's blog peaks at 1,000 at
   * the same LR and alpha = rank (cases 9, 1): Flux is read as needing 1.5× the
   * dose (one recipe, so a weak fit; its own range is 500–4,000).
   */
  FAMILY_DOSE: { sd15: 1, sdxl: 1, flux: 1.5 } satisfies Record<ModelFamily, number>,

  // Learning and memorisation, as functions of the dose ratio r = dose / optimal dose.
  /** Learning speed: learned = 1 − exp(−LEARN_RATE · r): fidelity rises and saturates (laws 3, 5, 6). */
  LEARN_RATE: 2.2,
  /** Dose ratio at which memorisation is 63% complete (Weibull scale; laws 4, 7, 8). */
  MEMORISE_SCALE: 1.7,
  /** How abruptly memorisation sets in (Weibull shape): little before r ≈ 1, fast after. */
  MEMORISE_SHAPE: 3,
  /** Extra memorisation speed from meaningless captions with a fully trained text encoder (law 10; Gu et al.). */
  NOISY_CAPTION_MEMORISE: 1.0,
  /** Caption quality below which a trained text encoder learns noise rather than meaning (law 10). */
  CAPTION_NOISE_POINT: 0.4,

  // Instability at high learning rates (law 6).
  /** Effective LR (per image of the batch) up to which training is stable. */
  STABLE_LR: 3e-4,
  /** Width of the instability onset, in squared natural-log units of LR: 5e-4 is 35% unstable, 1e-3 91%. */
  INSTABILITY_WIDTH: 0.6,
  /** Share of quality lost when fully unstable: at ≥ 1e-3 even a 1-image run peaks below its 1e-4 run. */
  INSTABILITY_QUALITY_LOSS: 0.5,
  /** Share of reachable fidelity lost when fully unstable. */
  INSTABILITY_FIDELITY_LOSS: 0.25,

  // Outputs.
  /** Fidelity a fully learned, stable run reaches (a 0–1 scale of our own; laws 5, 6 read it). */
  FIDELITY_MAX: 0.95,
  /** Flexibility of a checkpoint that has memorised nothing, with very varied data (laws 9, 12). */
  FLEXIBILITY_MAX: 0.95,
  /** Flexibility lost at similarity 1: one strong style locks outputs in (law 9). */
  FLEXIBILITY_SIMILARITY_LOSS: 0.3,
  /** Flexibility lost with very few distinct images: ceiling × (1 − k / (1 + images / FEW_IMAGES_SCALE)) (laws 3, 12). */
  FLEXIBILITY_FEW_IMAGES_LOSS: 0.25,
  /** Distinct images at which half of the few-images flexibility loss is gone. */
  FEW_IMAGES_SCALE: 4,
  /** Flexibility lost when fully memorised ("too rigid, too close to the training images"; laws 2, 4). */
  FLEXIBILITY_MEMORISE_LOSS: 0.75,
  /** Caption adherence a frozen text encoder still gets from good captions (law 10). */
  CAPTION_FROZEN_SHARE: 0.55,
  /** Caption adherence a trained text encoder adds with good captions, or removes with noisy ones (law 10). */
  CAPTION_TEXT_ENCODER_SHARE: 0.5,
  /** Caption adherence lost when fully memorised: outputs ignore the prompt (law 10; Somepalli et al.). */
  CAPTION_MEMORISE_LOSS: 0.5,
  /**
   * Dose ratio at which over-training "burns" outputs (artefacts, over-saturation):
   * quality × exp(−(r·a/BURN_SCALE)²): 2% lost at r = 1, 8% at r = 2, 63% at r = 7.
   * It keeps quality falling once memorisation has saturated, down to exactly 0
   * for absurd doses, so a later, more over-trained epoch never wins (laws 6, 9).
   */
  BURN_SCALE: 7,
  // Quality = stability · burn · fidelity^a · flexibility^b · (floor + (1 − floor) · captionAdherence)^c,
  // a weighted geometric mean: the trade-off between learning and memorising puts its peak near r ≈ 0.9 (laws 2–4).
  /** a: weight of likeness, the reason to train at all. */
  QUALITY_FIDELITY_WEIGHT: 0.5,
  /** b: weight of following new prompts; its fall past the optimum is what makes later epochs worse. */
  QUALITY_FLEXIBILITY_WEIGHT: 0.35,
  /** c: weight of caption control (law 10). */
  QUALITY_CAPTION_WEIGHT: 0.15,
  /** Share of the caption term a model gets even when captions control nothing. */
  QUALITY_CAPTION_FLOOR: 0.5,

  // Verdicts.
  /**
   * Below this dose ratio a checkpoint is underfit: it has learned less than
   * 1 − exp(−2.2 × 0.85) ≈ 85% of the subject and its quality is still climbing
   * (law 3: 5–6 images at 10 epochs end underfit; law 5: so do 10–25 images at
   * batch 2 and the same LR; law 6: LR ≤ 1e-5 too).
   */
  UNDERFIT_BELOW_RATIO: 0.85,
  /** At or above this overfit risk a checkpoint is overfit: it has memorised most of its images (law 4). */
  OVERFIT_FROM_RISK: 0.5,

  // Losses (noise-prediction MSE; SD 1.5 scale, RESEARCH §6). They illustrate the run; no law
  // reads them except 11 (the seed changes only them) and the spec's "falls, then rises".
  /** Mean per-step training loss before training, by base model (RESEARCH §6: SD ≈ 0.1–0.15, Flux in kohya's logs 0.3–0.6). */
  LOSS_SCALE: { sd15: 0.12, sdxl: 0.12, flux: 0.4 } satisfies Record<ModelFamily, number>,
  /** Training loss drop from learning the subject. */
  TRAIN_LEARN_DROP: 0.06,
  /** Training loss drop from memorising the training images (RESEARCH §2: −34% when heavily over-trained). */
  TRAIN_MEMORISE_DROP: 0.3,
  /** Per-step coefficient of variation at batch 1 (RESEARCH §2: σ ≈ 0.14 at mean ≈ 0.125), shrinking as 1/√batch. */
  STEP_NOISE_CV: 1.1,
  /** Held-out loss starts this much above the training loss. */
  VALIDATION_OFFSET: 1.04,
  /** Held-out loss drop from learning (exaggerated: real runs show ≈ 1.5%). */
  VALIDATION_LEARN_DROP: 0.07,
  /** Held-out loss rise from memorisation, for 10 distinct images (exaggerated: real runs show ≈ 4.5%). */
  VALIDATION_MEMORISE_RISE: 0.12,
  /** Distinct images at which the held-out rise is VALIDATION_MEMORISE_RISE; it scales as √(this / images) (RESEARCH §2). */
  VALIDATION_SEVERITY_IMAGES: 10,
  /** Bounds of that scaling, so 1 image or 1,000 images stay readable. */
  VALIDATION_SEVERITY_MIN: 0.3,
  VALIDATION_SEVERITY_MAX: 1.5,
  /** Noise of a fixed-seed held-out evaluation (tiny: RESEARCH §2), well below the U's rise past the optimum. */
  VALIDATION_NOISE_CV: 0.0015,
  /** Training loss raised by full instability. */
  INSTABILITY_TRAIN_LOSS_RISE: 0.1,
  /** Held-out loss raised by full instability. */
  INSTABILITY_VALIDATION_LOSS_RISE: 0.15,
  /** Loss noise multiplier at full instability (spiky curves). */
  INSTABILITY_NOISE: 2,
  /** Noise draws are cut at ±3σ, so no single value is absurd. */
  NOISE_Z_LIMIT: 3,
  /**
   * Share of the independent-steps noise an epoch's mean training loss keeps
   * (readability: real 200-step means wobble ±8%, shown here ±2.7%, so the fall
   * from memorisation is visible epoch to epoch). The loss curve keeps full noise.
   */
  EPOCH_LOSS_NOISE_SHARE: 0.35,
  /** Coefficient of variation of an epoch's mean loss is at most this (only epochs of a few steps reach it). */
  EPOCH_LOSS_CV_MAX: 0.4,
  /** A loss-curve point deviates from its epoch's trend by at most ±2× this (before re-centring: ±this). */
  CURVE_DEVIATION_LIMIT: 0.45,
} as const;

/** Everything about a run that does not change from epoch to epoch. */
export interface RunConstants {
  /** Dose an epoch at the peak learning rate adds (images × repeats × LR scale, divided by the batch rule's factor). */
  dosePerEpoch: number;
  /** Dose a step at the peak learning rate adds: dosePerEpoch / stepsPerEpoch. */
  dosePerStep: number;
  /** The learning-rate schedule, to integrate over steps. */
  schedule: Schedule;
  /** Mean training loss before training (the base model's loss scale). */
  lossScale: number;
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

/** A learning-rate schedule over a run: its kind, warm-up and length in steps. */
export interface Schedule {
  kind: LrScheduler;
  warmupSteps: number;
  totalSteps: number;
}

/**
 * ∫₀ᵗ lr(τ)/peak dτ: the steps at the peak learning rate that the first t steps
 * amount to, in closed form (never step by step). A linear warm-up from 0 over
 * W steps, then over the remaining L = T − W steps, with u = (t − W) / L:
 *   constant (and constant_with_warmup):  L·u
 *   linear (to 0 at the end):             L·(u − u²/2)
 *   cosine (to 0 at the end):             L·(u/2 + sin(πu)/(2π))
 * cosine_with_restarts runs kohya's default of one cycle, so it is the cosine.
 * @example scheduledSteps({ kind: "cosine", warmupSteps: 0, totalSteps: 2000 }, 2000) // → 1000: half the steps' worth
 */
export function scheduledSteps(schedule: Schedule, t: number): number {
  const { kind, totalSteps } = schedule;
  const warmup = Math.min(schedule.warmupSteps, totalSteps);
  if (t <= warmup) return warmup === 0 ? 0 : (t * t) / (2 * warmup);
  const length = totalSteps - warmup;
  const u = Math.min(1, (t - warmup) / length);
  let share: number;
  if (kind === "constant" || kind === "constant_with_warmup") share = u;
  else if (kind === "linear") share = u - (u * u) / 2;
  else share = u / 2 + Math.sin(Math.PI * u) / (2 * Math.PI);
  return warmup / 2 + length * share;
}

/**
 * The learning rate as the model counts it, relative to the reference (LR 1e-4
 * at alpha/dim 1/2 with AdamW): LR × optimizer speed × (alpha/dim) / (1/2). With
 * Prodigy the LR is a multiplier on the step size Prodigy finds (laws 13, 16).
 */
export function learningRateScale(settings: Pick<Settings, "learningRate" | "optimizer" | "networkAlpha" | "networkDim">): number {
  const rate = settings.optimizer === "prodigy" ? settings.learningRate * MODEL.PRODIGY_EQUIVALENT_LR : settings.learningRate;
  return ((rate * MODEL.OPTIMIZER_SPEED[settings.optimizer]) / REFERENCE_LR) * (settings.networkAlpha / settings.networkDim / REFERENCE_ALPHA_RATIO);
}

/** Share of the text encoder's full effect at a TE learning rate (0 when frozen, 2/3 at 1e-5). */
export function textEncoderStrength(textEncoderLearningRate: number): number {
  const ratio = textEncoderLearningRate / REFERENCE_TE_LR;
  return ratio / (ratio + MODEL.TEXT_ENCODER_HALF);
}

/** −1…1: how much meaning captions carry for a trained text encoder (negative below CAPTION_NOISE_POINT). */
export function captionSignal(captionQuality: number): number {
  return captionQuality >= MODEL.CAPTION_NOISE_POINT
    ? (captionQuality - MODEL.CAPTION_NOISE_POINT) / (1 - MODEL.CAPTION_NOISE_POINT)
    : (captionQuality - MODEL.CAPTION_NOISE_POINT) / MODEL.CAPTION_NOISE_POINT;
}

/** 0–1 instability of an effective learning rate: 0 up to STABLE_LR, rising on a log scale. */
export function instabilityOf(effectiveLr: number): number {
  const excess = Math.max(0, Math.log(effectiveLr / MODEL.STABLE_LR));
  return 1 - Math.exp(-(excess * excess) / MODEL.INSTABILITY_WIDTH);
}

/** 0–1 of the image count a dataset is worth once near-duplicates are discounted. */
export function varietyOf(datasetSimilarity: number): number {
  return 1 - MODEL.SIMILARITY_DISCOUNT * datasetSimilarity;
}

/** Share by which a trained text encoder with meaningful captions shortens training. */
function textEncoderSpeedup(textEncoderLearningRate: number, captionQuality: number): number {
  return MODEL.TEXT_ENCODER_SPEEDUP * textEncoderStrength(textEncoderLearningRate) * Math.max(0, captionSignal(captionQuality));
}

const REFERENCE_SPEEDUP = textEncoderSpeedup(REFERENCE_TE_LR, MODEL.REFERENCE_CAPTION_QUALITY);
const REFERENCE_VARIETY = varietyOf(MODEL.REFERENCE_SIMILARITY);

/**
 * The dose at which quality peaks: a floor for any concept blended with a cost
 * per image (a soft maximum), shorter for similar images and a helpful text encoder.
 * @example optimalDoseOf(10, 0.4, 1e-5, 0.7) // → 1722: 10 images at the defaults peak near step 1,722 at LR 1e-4
 */
export function optimalDoseOf(images: number, datasetSimilarity: number, textEncoderLearningRate: number, captionQuality: number, modelFamily: ModelFamily = "sdxl"): number {
  const p = MODEL.DOSE_BLEND_POWER;
  const imageTerm = MODEL.IMAGE_DOSE_AT_10 * (images / 10) ** MODEL.IMAGE_DOSE_EXPONENT;
  const blended = (MODEL.FLOOR_DOSE ** p + imageTerm ** p) ** (1 / p);
  const similarityFactor = varietyOf(datasetSimilarity) / REFERENCE_VARIETY;
  const textEncoderFactor = (1 - textEncoderSpeedup(textEncoderLearningRate, captionQuality)) / (1 - REFERENCE_SPEEDUP);
  return blended * similarityFactor * textEncoderFactor * MODEL.FAMILY_DOSE[modelFamily];
}

/**
 * Dose added by one epoch: every image shown adds LR/1e-4 divided by the batch
 * (linear rule: a batch averages its images, so each counts 1/B; the article) or
 * by √batch (Adam: the averaged direction is better, so each counts 1/√B;
 * RESEARCH §4). Counted per image shown, not per step, so B × LR at batch B is
 * exactly the batch-1 dose even when the last batch of an epoch is partial (law 5).
 */
export function dosePerEpochOf(settings: Pick<Settings, "images" | "repeats" | "batchSize" | "learningRate" | "optimizer" | "networkAlpha" | "networkDim">, batchRule: BatchRule = "linear"): number {
  const perImage = batchRule === "sqrt" ? 1 / Math.sqrt(settings.batchSize) : 1 / settings.batchSize;
  return settings.images * settings.repeats * learningRateScale(settings) * perImage;
}

/**
 * The run-wide quantities of the model, computed once per simulation.
 * `learningSpeed` multiplies the dose (1: the model as documented; a team
 * calibration's fitted scale otherwise); stability still reads the real LR.
 */
export function runConstants(settings: Settings, batchRule: BatchRule = "linear", learningSpeed = 1): RunConstants {
  if (!(Number.isFinite(learningSpeed) && learningSpeed > 0)) throw new RangeError(`learningSpeed must be a positive number, not ${learningSpeed}`);
  const { images, batchSize, textEncoderLearningRate, captionQuality, datasetSimilarity } = settings;
  const stepsPerEpoch = Math.ceil((images * settings.repeats) / batchSize);
  const dosePerEpoch = dosePerEpochOf(settings, batchRule) * learningSpeed;
  // The peak LR each image effectively gets, in AdamW terms at alpha/dim 1/2, decides stability: ÷ B (linear) or ÷ √B (√ rule).
  const scaledLr = learningRateScale(settings) * REFERENCE_LR;
  const effectiveLr = batchRule === "sqrt" ? scaledLr / Math.sqrt(batchSize) : scaledLr / batchSize;
  const effectiveImages = images * varietyOf(datasetSimilarity);
  const instability = instabilityOf(effectiveLr);
  const textEncoder = textEncoderStrength(textEncoderLearningRate);
  const signal = captionSignal(captionQuality);

  return {
    dosePerEpoch,
    dosePerStep: dosePerEpoch / stepsPerEpoch,
    schedule: { kind: settings.lrScheduler, warmupSteps: settings.warmupSteps, totalSteps: stepsPerEpoch * settings.epochs },
    lossScale: MODEL.LOSS_SCALE[settings.modelFamily],
    optimalDose: optimalDoseOf(images, datasetSimilarity, textEncoderLearningRate, captionQuality, settings.modelFamily),
    effectiveImages,
    instability,
    memoriseAcceleration: 1 + MODEL.NOISY_CAPTION_MEMORISE * textEncoder * Math.max(0, -signal),
    captionCeiling: clamp01(MODEL.CAPTION_FROZEN_SHARE * captionQuality + MODEL.CAPTION_TEXT_ENCODER_SHARE * textEncoder * signal),
    flexibilityCeiling: (MODEL.FLEXIBILITY_MAX - MODEL.FLEXIBILITY_SIMILARITY_LOSS * datasetSimilarity) * (1 - MODEL.FLEXIBILITY_FEW_IMAGES_LOSS / (1 + effectiveImages / MODEL.FEW_IMAGES_SCALE)),
    fidelityCeiling: MODEL.FIDELITY_MAX * (1 - MODEL.INSTABILITY_FIDELITY_LOSS * instability),
    memoriseSeverity: Math.min(MODEL.VALIDATION_SEVERITY_MAX, Math.max(MODEL.VALIDATION_SEVERITY_MIN, Math.sqrt(MODEL.VALIDATION_SEVERITY_IMAGES / Math.max(1, effectiveImages)))),
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
  /** 0–1 share of quality kept despite burning (1 until far past the optimum). */
  unburnt: number;
}

/** The dose after `step` optimisation steps, the schedule and warm-up integrated in closed form. */
export function doseAtStep(run: RunConstants, step: number): number {
  return run.dosePerStep * scheduledSteps(run.schedule, step);
}

export function trainingState(run: RunConstants, dose: number): TrainingState {
  const ratio = dose / run.optimalDose;
  const learned = 1 - Math.exp(-MODEL.LEARN_RATE * ratio);
  const memoriseRatio = (ratio * run.memoriseAcceleration) / MODEL.MEMORISE_SCALE;
  const memorised = 1 - Math.exp(-(memoriseRatio ** MODEL.MEMORISE_SHAPE));
  const burnRatio = (ratio * run.memoriseAcceleration) / MODEL.BURN_SCALE;
  return { ratio, learned, memorised, unburnt: Math.exp(-(burnRatio * burnRatio)) };
}

/** Expected training loss (noise-free): falls slowly while learning, then faster as images are memorised. */
export function trainLossTrend(run: RunConstants, state: TrainingState): number {
  return run.lossScale * (1 - MODEL.TRAIN_LEARN_DROP * state.learned - MODEL.TRAIN_MEMORISE_DROP * state.memorised) * (1 + MODEL.INSTABILITY_TRAIN_LOSS_RISE * run.instability);
}

/** Expected held-out loss: a shallow U, its minimum near the optimal dose. */
export function validationLossTrend(run: RunConstants, state: TrainingState): number {
  return (
    run.lossScale *
    MODEL.VALIDATION_OFFSET *
    (1 - MODEL.VALIDATION_LEARN_DROP * state.learned + MODEL.VALIDATION_MEMORISE_RISE * run.memoriseSeverity * state.memorised ** 2) *
    (1 + MODEL.INSTABILITY_VALIDATION_LOSS_RISE * run.instability)
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
    state.unburnt *
    fidelity ** MODEL.QUALITY_FIDELITY_WEIGHT *
    flexibility ** MODEL.QUALITY_FLEXIBILITY_WEIGHT *
    (MODEL.QUALITY_CAPTION_FLOOR + (1 - MODEL.QUALITY_CAPTION_FLOOR) * captionAdherence) ** MODEL.QUALITY_CAPTION_WEIGHT;
  return { fidelity, flexibility, captionAdherence, overfitRisk, quality, verdict: verdictOf(state.ratio, overfitRisk) };
}

/** Overfit once most images are memorised; underfit while too little has been learned; balanced between. */
export function verdictOf(ratio: number, overfitRisk: number): Verdict {
  if (overfitRisk >= MODEL.OVERFIT_FROM_RISK) return "overfit";
  if (ratio < MODEL.UNDERFIT_BELOW_RATIO) return "underfit";
  return "balanced";
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

// The guided lessons, one rule of the article each, as data. Every answer and
// every number in the feedback is read off the simulator at run time;
// lessons.test.ts checks each lesson's claims so a model change cannot make one false.
import { ARTICLE, formatRate, simulate } from "@/lib/sim";
import { best, last, runById, runWithHighest, runWithLowest, score } from "./runs";
import type { Lesson, LessonChoice, LessonRun, LessonVariant } from "./types";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Choices that are the lesson's own variants. */
function variantChoices(variants: LessonVariant[]): LessonChoice[] {
  return variants.map((variant) => ({ id: variant.id, label: variant.label }));
}

/** The range an epoch falls in, for "which epoch would you keep?" questions over a 10-epoch run. */
function epochBand(epoch: number, epochs: number): "early" | "middle" | "last" {
  if (epoch === epochs) return "last";
  return epoch <= 3 ? "early" : "middle";
}

const steps: Lesson = {
  id: "steps",
  title: "Steps = images × repeats × epochs (÷ batch)",
  sentences: [ARTICLE.steps],
  intro:
    "Steps are not set directly: they follow from images, repeats and epochs, and a batch of 2 makes one update from two images, so it halves the steps. The chart puts each checkpoint at the step it was saved.",
  variants: [
    { id: "article", label: "10 images × 20 × 10, batch 1", settings: { images: 10 } },
    { id: "batch2", label: "10 images × 20 × 10, batch 2", settings: { images: 10, batchSize: 2, learningRate: 2e-4 } },
    { id: "twenty", label: "20 images × 15 × 10, batch 1", settings: { images: 20, repeats: 15 } },
  ],
  metric: "quality",
  xAxis: "step",
  question: {
    prompt: "How many steps does the batch-2 run take in all?",
    choices: [500, 1000, 2000, 4000].map((n) => ({ id: String(n), label: `${integer.format(n)} steps` })),
    answer: (runs) => String(runById(runs, "batch2").result.totalSteps),
    explain: (runs) => {
      const single = runById(runs, "article").result;
      const batched = runById(runs, "batch2").result;
      return `10 × 20 = ${single.stepsPerEpoch} images per epoch; at batch 2 that is ${batched.stepsPerEpoch} updates, so 10 epochs take ${integer.format(batched.totalSteps)} steps instead of ${integer.format(single.totalSteps)}. With its LR doubled it still ends where batch 1 does.`;
    },
  },
  expectedAnswer: "1000",
  claims: [
    { statement: "the article's example is 2,000 steps", holds: (runs) => runById(runs, "article").result.totalSteps === 2000 },
    {
      statement: "batch 2 halves the steps",
      holds: (runs) => runById(runs, "batch2").result.totalSteps === 1000,
      shown: { column: "steps", greater: "article", lesser: "batch2" },
    },
    { statement: "20 images × 15 × 10 is 3,000 steps", holds: (runs) => runById(runs, "twenty").result.totalSteps === 3000 },
  ],
};

const bestEpoch: Lesson = {
  id: "best-epoch",
  title: "The best epoch is often in the middle",
  sentences: [ARTICLE.bestEpoch],
  intro: "Every epoch is a usable LoRA. Quality climbs while the model learns, then falls as it memorises its images. Follow each line to its highest point.",
  variants: [
    { id: "ten", label: "10 images, defaults", settings: { images: 10 } },
    { id: "twenty", label: "20 images, defaults", settings: { images: 20 } },
  ],
  metric: "quality",
  xAxis: "epoch",
  question: {
    prompt: "Which epoch of the 20-image run would you keep?",
    choices: [
      { id: "early", label: "An early one (epoch 1–3)" },
      { id: "middle", label: "One in the middle (epoch 4–9)" },
      { id: "last", label: "The last one (epoch 10)" },
    ],
    answer: (runs) => {
      const result = runById(runs, "twenty").result;
      return epochBand(result.recommendedEpoch, result.settings.epochs);
    },
    explain: (runs) => {
      const result = runById(runs, "twenty").result;
      const top = best(result);
      const end = last(result);
      return `Its quality peaks at epoch ${top.epoch} (${score(top.quality)}); by epoch ${end.epoch} it has fallen to ${score(end.quality)} with an overfit risk of ${score(end.overfitRisk)}. Don't assume the last version is the best.`;
    },
  },
  expectedAnswer: "middle",
  claims: [
    {
      statement: "both runs peak between epochs 4 and 9",
      holds: (runs) => runs.every((run) => run.result.recommendedEpoch >= 4 && run.result.recommendedEpoch <= 9),
    },
    { statement: "the last epoch is worse than the best", holds: (runs) => runs.every((run) => last(run.result).quality < best(run.result).quality) },
    {
      statement: "twice the images at the same repeats and epochs end with more overfit risk",
      holds: (runs) => last(runById(runs, "twenty").result).overfitRisk > last(runById(runs, "ten").result).overfitRisk,
      shown: { column: "lastOverfitRisk", greater: "twenty", lesser: "ten" },
    },
  ],
};

const batchScalingVariants: LessonVariant[] = [
  { id: "batch1", label: "batch 1, LR 1e-4", settings: { images: 10 } },
  { id: "batch2-same", label: "batch 2, LR 1e-4", settings: { images: 10, batchSize: 2 } },
  { id: "batch2-scaled", label: "batch 2, LR 2e-4", settings: { images: 10, batchSize: 2, learningRate: 2e-4 } },
];

const batchScaling: Lesson = {
  id: "batch-size",
  title: "A bigger batch needs a higher learning rate",
  sentences: [ARTICLE.batchScaling, ARTICLE.batchSize],
  intro: "A batch of 2 averages two images into one update, so each image moves the model half as far. Compare how far each run has learned (fidelity) epoch by epoch.",
  variants: batchScalingVariants,
  metric: "fidelity",
  xAxis: "epoch",
  question: {
    prompt: "Which run has learned the least by its last epoch?",
    choices: variantChoices(batchScalingVariants),
    answer: (runs) => runWithLowest(runs, (result) => last(result).fidelity).variant.id,
    explain: (runs) => {
      const single = runById(runs, "batch1").result;
      const same = runById(runs, "batch2-same").result;
      const scaled = runById(runs, "batch2-scaled").result;
      return `At the same LR, batch 2 ends at fidelity ${score(last(same).fidelity)} against ${score(last(single).fidelity)} for batch 1, and its last epoch is still ${last(same).verdict}. Doubling the LR with the batch gives back the batch-1 run: best epoch ${scaled.recommendedEpoch} against ${single.recommendedEpoch}, quality ${score(best(scaled).quality)} against ${score(best(single).quality)}.`;
    },
  },
  expectedAnswer: "batch2-same",
  claims: [
    {
      statement: "batch 2 at the same LR learns less than batch 1 at every epoch",
      holds: (runs) => {
        const single = runById(runs, "batch1").result;
        return runById(runs, "batch2-same").result.checkpoints.every((c, i) => c.fidelity < single.checkpoints[i].fidelity);
      },
    },
    { statement: "batch 2 at the same LR ends underfit", holds: (runs) => last(runById(runs, "batch2-same").result).verdict === "underfit" },
    {
      statement: "batch 2 at the same LR peaks lower than batch 1",
      holds: (runs) => best(runById(runs, "batch1").result).quality > best(runById(runs, "batch2-same").result).quality,
      shown: { column: "bestQuality", greater: "batch1", lesser: "batch2-same" },
    },
    {
      statement: "batch 2 at 2e-4 is nearly the batch-1 run",
      holds: (runs) => {
        const single = runById(runs, "batch1").result;
        const scaled = runById(runs, "batch2-scaled").result;
        return Math.abs(scaled.recommendedEpoch - single.recommendedEpoch) <= 1 && Math.abs(best(scaled).quality - best(single).quality) <= 0.01;
      },
    },
  ],
  note: "The article scales the LR in proportion to the batch. Measurements with the Adam optimiser fit a square-root rule better (batch 2 needs about 1.4× the LR); switch on “Adam √batch” in the playground to see it.",
};

const fewImagesVariants: LessonVariant[] = [
  { id: "short", label: "6 images, 10 epochs, LR 1e-4", settings: { images: 6 } },
  { id: "long", label: "6 images, 20 epochs, LR 1e-4", settings: { images: 6, epochs: 20 } },
  { id: "gentle", label: "6 images, 20 epochs, 30 repeats, LR 5e-5", settings: { images: 6, epochs: 20, repeats: 30, learningRate: 5e-5 } },
];

const fewImages: Lesson = {
  id: "few-images",
  title: "Few images need more epochs and a lower LR",
  sentences: [ARTICLE.epochsFew, ARTICLE.learningRateFew],
  intro:
    "Six images give only 120 steps per epoch at 20 repeats: after ten epochs the run is still climbing, its last epoch its best and still underfit. Twenty epochs at LR 1e-4 get past the peak and then memorise (see the last overfit risk); LR 5e-5 with 30 repeats peaks later and ends with far less risk. The 10-epoch line lies under the 20-epoch one: same settings and seed, stopped earlier.",
  variants: fewImagesVariants,
  metric: "quality",
  xAxis: "epoch",
  question: {
    prompt: "Which run is still improving when it stops?",
    choices: [...variantChoices(fewImagesVariants), { id: "none", label: "None of them" }],
    answer: (runs) => {
      // Still improving: its best checkpoint is its last and quality rose into it.
      const climbing = runs.filter((run) => {
        const [before, end] = run.result.checkpoints.slice(-2);
        return run.result.recommendedEpoch === run.result.settings.epochs && end.quality > before.quality;
      });
      return climbing.length === 1 ? climbing[0].variant.id : "none";
    },
    explain: (runs) => {
      const short = runById(runs, "short").result;
      const long = runById(runs, "long").result;
      const gentle = runById(runs, "gentle").result;
      return `The 10-epoch run's best is its last epoch (${score(best(short).quality)}), still ${last(short).verdict}. Twenty epochs reach ${score(best(long).quality)} at epoch ${long.recommendedEpoch}, but end with an overfit risk of ${score(last(long).overfitRisk)}; at LR 5e-5 the last epoch's risk is only ${score(last(gentle).overfitRisk)}.`;
    },
  },
  expectedAnswer: "short",
  claims: [
    {
      statement: "10 epochs stop while still improving: the last epoch is the best and underfit",
      holds: (runs) => {
        const short = runById(runs, "short").result;
        return last(short).verdict === "underfit" && short.recommendedEpoch === short.settings.epochs;
      },
    },
    {
      statement: "20 epochs at LR 1e-4 pass their peak and end with more overfit risk than 10",
      holds: (runs) => {
        const long = runById(runs, "long").result;
        return long.recommendedEpoch < long.settings.epochs && last(long).overfitRisk > last(runById(runs, "short").result).overfitRisk;
      },
      shown: { column: "lastOverfitRisk", greater: "long", lesser: "short" },
    },
    {
      statement: "the longer runs reach at least the 10-epoch run's best quality",
      holds: (runs) => ["long", "gentle"].every((id) => best(runById(runs, id).result).quality >= best(runById(runs, "short").result).quality),
    },
    {
      statement: "LR 5e-5 with 30 repeats peaks later than LR 1e-4",
      holds: (runs) => runById(runs, "gentle").result.recommendedEpoch > runById(runs, "long").result.recommendedEpoch,
      shown: { column: "bestEpoch", greater: "gentle", lesser: "long" },
    },
    {
      statement: "LR 5e-5 overfits less by the end than 1e-4 over the same epochs",
      holds: (runs) => last(runById(runs, "gentle").result).overfitRisk < last(runById(runs, "long").result).overfitRisk,
      shown: { column: "lastOverfitRisk", greater: "long", lesser: "gentle" },
    },
  ],
};

const manyImagesVariants: LessonVariant[] = [
  { id: "defaults", label: "30 images, 20 repeats × 10 epochs", settings: { images: 30 } },
  { id: "fewer", label: "30 images, 15 repeats × 8 epochs", settings: { images: 30, repeats: 15, epochs: 8 } },
  { id: "article", label: "30 images, 10 × 6, LR 2e-4", settings: { images: 30, repeats: 10, epochs: 6, learningRate: 2e-4 } },
];

const manyImages: Lesson = {
  id: "many-images",
  title: "Many images need fewer epochs and repeats",
  sentences: [ARTICLE.epochsLarge, ARTICLE.repeatsLarge],
  intro:
    "Thirty images at 20 repeats show the model 600 images an epoch: the default 10 epochs overshoot. Watch where each run's overfit risk ends. 10 repeats at LR 2e-4 learn per epoch what 20 repeats at 1e-4 do, so that line lies under the 20 × 10 line and simply stops at epoch 6, before the overfit.",
  variants: manyImagesVariants,
  metric: "overfitRisk",
  xAxis: "epoch",
  question: {
    prompt: "Which run's last epoch has overfit?",
    choices: [...variantChoices(manyImagesVariants), { id: "none", label: "None of them" }],
    answer: (runs) => {
      const overfit = runs.filter((run) => last(run.result).verdict === "overfit");
      return overfit.length === 1 ? overfit[0].variant.id : "none";
    },
    explain: (runs) => {
      const defaults = runById(runs, "defaults").result;
      const fewer = runById(runs, "fewer").result;
      const article = runById(runs, "article").result;
      return `At 20 × 10 the best epoch is ${defaults.recommendedEpoch} and the last one is ${last(defaults).verdict} (risk ${score(last(defaults).overfitRisk)}). 15 × 8 ends ${last(fewer).verdict} at risk ${score(last(fewer).overfitRisk)} and 10 × 6 at 2e-4 ends ${last(article).verdict}: just as good (${score(best(fewer).quality)}, ${score(best(article).quality)} against ${score(best(defaults).quality)}) in far fewer steps.`;
    },
  },
  expectedAnswer: "defaults",
  claims: [
    { statement: "20 × 10 ends overfit, before its best", holds: (runs) => runById(runs, "defaults").result.recommendedEpoch < 10 },
    {
      statement: "20 × 10 ends with more overfit risk than 15 × 8",
      holds: (runs) => last(runById(runs, "defaults").result).overfitRisk > last(runById(runs, "fewer").result).overfitRisk,
      shown: { column: "lastOverfitRisk", greater: "defaults", lesser: "fewer" },
    },
    {
      statement: "the shorter runs end near their best and not overfit",
      holds: (runs) =>
        ["fewer", "article"].every((id) => {
          const result = runById(runs, id).result;
          return last(result).verdict !== "overfit" && last(result).quality >= best(result).quality - 0.01;
        }),
    },
    {
      statement: "the shorter runs reach nearly the same best quality",
      holds: (runs) => {
        const top = best(runById(runs, "defaults").result).quality;
        return ["fewer", "article"].every((id) => best(runById(runs, id).result).quality >= top - 0.01);
      },
    },
  ],
};

const repeatsEpochsVariants: LessonVariant[] = [
  { id: "r15", label: "12 images, 15 repeats × 10", settings: { images: 12, repeats: 15 } },
  { id: "r20", label: "12 images, 20 repeats × 10", settings: { images: 12 } },
  { id: "r30", label: "12 images, 30 repeats × 10", settings: { images: 12, repeats: 30 } },
];

const repeatsEpochs: Lesson = {
  id: "repeats-epochs",
  title: "Repeats × epochs decide how far the model memorises",
  sentences: [ARTICLE.rigid],
  intro: "Repeats and epochs multiply: 30 repeats × 10 epochs shows each image 300 times. The overfit risk measures how far a checkpoint has memorised its images, which is what looks rigid.",
  variants: repeatsEpochsVariants,
  metric: "overfitRisk",
  xAxis: "epoch",
  question: {
    prompt: "Whose last checkpoint is most likely to look too rigid?",
    choices: variantChoices(repeatsEpochsVariants),
    answer: (runs) => runWithHighest(runs, (result) => last(result).overfitRisk).variant.id,
    explain: (runs) => {
      const parts = runs.map((run) => `${run.variant.settings.repeats ?? 20} repeats: ${score(last(run.result).overfitRisk)}`);
      const r30 = runById(runs, "r30").result;
      return `The last epoch's overfit risk grows with the repeats (${parts.join(", ")}). At 30 repeats the best checkpoint is already epoch ${r30.recommendedEpoch}: lower repeats or epochs, or keep an earlier epoch.`;
    },
  },
  expectedAnswer: "r30",
  claims: [
    {
      statement: "more repeats never lower the last epoch's overfit risk",
      holds: (runs) => {
        const risks = ["r15", "r20", "r30"].map((id) => last(runById(runs, id).result).overfitRisk);
        return risks[0] <= risks[1] && risks[1] <= risks[2];
      },
      shown: { column: "lastOverfitRisk", greater: "r30", lesser: "r15" },
    },
    { statement: "30 repeats end overfit", holds: (runs) => last(runById(runs, "r30").result).verdict === "overfit" },
    {
      statement: "more repeats bring the best epoch earlier",
      holds: (runs) => runById(runs, "r30").result.recommendedEpoch < runById(runs, "r15").result.recommendedEpoch,
      shown: { column: "bestEpoch", greater: "r15", lesser: "r30" },
    },
  ],
};

const captionsVariants: LessonVariant[] = [
  { id: "clean", label: "clean captions, TE LR 1e-5", settings: { images: 15, captionQuality: 0.9 } },
  { id: "frozen", label: "clean captions, text encoder frozen", settings: { images: 15, captionQuality: 0.9, textEncoderLearningRate: 0 } },
  { id: "noisy", label: "noisy captions, TE LR 5e-5", settings: { images: 15, captionQuality: 0.2, textEncoderLearningRate: 5e-5 } },
];

const captions: Lesson = {
  id: "captions",
  title: "Captions and the text-encoder learning rate",
  sentences: [ARTICLE.textEncoder, ARTICLE.textEncoderDefault],
  intro:
    "A trained text encoder links caption words (pose, clothing, style) to what they show, so prompts can control them later. With vague or noisy captions it learns noise instead. Compare caption adherence.",
  variants: captionsVariants,
  metric: "captionAdherence",
  xAxis: "epoch",
  question: {
    prompt: "Which run lets caption words control the output best?",
    choices: variantChoices(captionsVariants),
    answer: (runs) => runWithHighest(runs, (result) => best(result).captionAdherence).variant.id,
    explain: (runs) => {
      const clean = runById(runs, "clean").result;
      const frozen = runById(runs, "frozen").result;
      const noisy = runById(runs, "noisy").result;
      return `At their best epochs, caption adherence is ${score(best(clean).captionAdherence)} with clean captions at 1e-5, ${score(best(frozen).captionAdherence)} with the text encoder frozen and ${score(best(noisy).captionAdherence)} with noisy captions at 5e-5, whose best quality also drops to ${score(best(noisy).quality)} (against ${score(best(clean).quality)}): fixing the captions beats any LR.`;
    },
  },
  expectedAnswer: "clean",
  claims: [
    {
      statement: "clean captions at TE LR 1e-5 follow captions better than a frozen text encoder",
      holds: (runs) => best(runById(runs, "clean").result).captionAdherence > best(runById(runs, "frozen").result).captionAdherence,
      shown: { column: "metricAtBest", greater: "clean", lesser: "frozen" },
    },
    {
      statement: "noisy captions at a high TE LR give the lowest quality",
      holds: (runs) => runWithLowest(runs, (result) => best(result).quality).variant.id === "noisy",
      shown: { column: "bestQuality", greater: "frozen", lesser: "noisy" },
    },
  ],
};

const similarImagesVariants: LessonVariant[] = [
  { id: "varied", label: "15 varied images (similarity 0.1)", settings: { images: 15, datasetSimilarity: 0.1 } },
  { id: "similar", label: "15 very similar images (similarity 0.9)", settings: { images: 15, datasetSimilarity: 0.9 } },
];

const similarImages: Lesson = {
  id: "similar-images",
  title: "Very similar images mean an earlier epoch",
  sentences: [ARTICLE.similar],
  intro: "Near-duplicate images or one very strong style teach the same thing again and again, so the model locks in sooner. Compare where each quality curve peaks, then look at flexibility.",
  variants: similarImagesVariants,
  metric: "quality",
  xAxis: "epoch",
  question: {
    prompt: "Which dataset's best epoch comes first?",
    choices: [...variantChoices(similarImagesVariants), { id: "same", label: "They peak at the same epoch" }],
    answer: (runs) => {
      const [a, b] = runs.map((run) => run.result.recommendedEpoch);
      if (a === b) return "same";
      return runWithLowest(runs, (result) => result.recommendedEpoch).variant.id;
    },
    explain: (runs) => {
      const varied = runById(runs, "varied").result;
      const similar = runById(runs, "similar").result;
      return `The similar set peaks at epoch ${similar.recommendedEpoch}, the varied one at epoch ${varied.recommendedEpoch}. Its flexibility at the best epoch is lower too (${score(best(similar).flexibility)} against ${score(best(varied).flexibility)}), and its last epoch is ${last(similar).verdict}.`;
    },
  },
  expectedAnswer: "similar",
  claims: [
    {
      statement: "similar images peak earlier",
      holds: (runs) => runById(runs, "similar").result.recommendedEpoch < runById(runs, "varied").result.recommendedEpoch,
      shown: { column: "bestEpoch", greater: "varied", lesser: "similar" },
    },
    {
      statement: "similar images are less flexible at their best",
      holds: (runs) => best(runById(runs, "similar").result).flexibility < best(runById(runs, "varied").result).flexibility,
    },
  ],
};

const learningRateVariants: LessonVariant[] = [
  { id: "low", label: `LR ${formatRate(3e-5)}`, settings: { images: 10, learningRate: 3e-5 } },
  { id: "default", label: `LR ${formatRate(1e-4)} (default)`, settings: { images: 10 } },
  { id: "high", label: `LR ${formatRate(5e-4)}`, settings: { images: 10, learningRate: 5e-4 } },
];

const learningRate: Lesson = {
  id: "learning-rate",
  title: "The learning rate is a sensitivity dial",
  sentences: [ARTICLE.learningRateDefault],
  intro: "Turn the learning rate up and the model learns faster but can become unstable; turn it down and learning is slower but more controlled. Compare three rates on 10 images.",
  variants: learningRateVariants,
  metric: "quality",
  xAxis: "epoch",
  question: {
    prompt: "Which learning rate peaks earliest and then falls away?",
    choices: variantChoices(learningRateVariants),
    answer: (runs) => runWithLowest(runs, (result) => result.recommendedEpoch).variant.id,
    explain: (runs) => {
      const low = runById(runs, "low").result;
      const def = runById(runs, "default").result;
      const high = runById(runs, "high").result;
      return `5e-4 peaks at epoch ${high.recommendedEpoch} at only ${score(best(high).quality)} and ends ${last(high).verdict}; 3e-5 is still ${last(low).verdict} at epoch ${low.settings.epochs} (${score(best(low).quality)}); the default 1e-4 peaks at epoch ${def.recommendedEpoch} with ${score(best(def).quality)}.`;
    },
  },
  expectedAnswer: "high",
  claims: [
    { statement: "a too-low LR underfits in 10 epochs", holds: (runs) => last(runById(runs, "low").result).verdict === "underfit" },
    {
      statement: "a too-high LR peaks lower than the default",
      holds: (runs) => best(runById(runs, "high").result).quality < best(runById(runs, "default").result).quality,
      shown: { column: "bestQuality", greater: "default", lesser: "high" },
    },
    {
      statement: "the default reaches the highest quality",
      holds: (runs) => runWithHighest(runs, (result) => best(result).quality).variant.id === "default",
    },
  ],
};

/**
 * Sentences of Epoch Lab's research notes (RESEARCH.md §8), word for word: what
 * public runs and trainers' documentation say about the settings the article
 * leaves out. The three lessons below quote them.
 */
export const RESEARCH_NOTES = {
  source: "Epoch Lab's research notes on public LoRA runs",
  alpha: "The article's recipes (§1) are kohya/Civitai style (alpha = dim/2 or lower); many of the cases below are diffusers style (alpha = rank, so updates are twice as large at the same LR).",
  schedules: "Schedules: a cosine schedule's average LR is half of its peak.",
  optimizers: "Prodigy (github.com/konstmish/prodigy) estimates its own step size and is run at lr = 1.0; Lion (arXiv 2302.06675) is run at a 3–10× smaller LR than AdamW.",
} as const;

/** 15 images over 20 epochs: enough epochs to see where each variant peaks. */
const WIDE = { images: 15, epochs: 20 } as const;

const rankAlphaVariants: LessonVariant[] = [
  { id: "kohya", label: "dim 32, alpha 16 (kohya habit)", settings: { ...WIDE } },
  { id: "diffusers", label: "dim 32, alpha 32 (alpha = rank)", settings: { ...WIDE, networkAlpha: 32 } },
  { id: "low", label: "dim 32, alpha 8", settings: { ...WIDE, networkAlpha: 8 } },
];

const rankAlpha: Lesson = {
  id: "rank-alpha",
  title: "Rank and alpha: alpha / dim scales every update",
  sentences: [RESEARCH_NOTES.alpha],
  source: "research",
  intro:
    "kohya scales a LoRA's updates by alpha / dim. The kohya habit is alpha = dim / 2 (here dim 32, alpha 16); diffusers sets alpha = rank, which doubles every update at the same learning rate. Rank alone (16 or 32) changes how much the LoRA can hold, not how fast it learns. Follow where each run peaks.",
  variants: rankAlphaVariants,
  metric: "quality",
  xAxis: "step",
  question: {
    prompt: "Which run reaches its best checkpoint first?",
    choices: variantChoices(rankAlphaVariants),
    answer: (runs) => runWithLowest(runs, (result) => best(result).step).variant.id,
    explain: (runs) => {
      const kohya = runById(runs, "kohya").result;
      const diffusers = runById(runs, "diffusers").result;
      const low = runById(runs, "low").result;
      return `Alpha = dim doubles every update, so it peaks at step ${integer.format(best(diffusers).step)} instead of ${integer.format(best(kohya).step)}, at about the same quality (${score(best(diffusers).quality)} against ${score(best(kohya).quality)}); alpha 8 halves them and peaks at step ${integer.format(best(low).step)}. Only the ratio counts: dim 16 with alpha 8 trains exactly like 32 / 16. A diffusers recipe copied into kohya at alpha = dim / 2 needs twice its LR, or alpha = dim.`;
    },
  },
  expectedAnswer: "diffusers",
  claims: [
    {
      statement: "alpha = dim peaks at about half the steps of alpha = dim / 2",
      holds: (runs) => {
        const ratio = best(runById(runs, "diffusers").result).step / best(runById(runs, "kohya").result).step;
        return ratio >= 0.4 && ratio <= 0.65;
      },
    },
    {
      statement: "only the ratio matters: dim 16 / alpha 8 peaks where dim 32 / alpha 16 does",
      holds: (runs) => {
        const small = simulate({ ...runById(runs, "kohya").result.settings, networkDim: 16, networkAlpha: 8 }, { lossCurve: false });
        return small.recommendedEpoch === runById(runs, "kohya").result.recommendedEpoch;
      },
    },
    {
      statement: "alpha = dim / 4 peaks later than alpha = dim / 2",
      shown: { column: "bestEpoch", greater: "low", lesser: "kohya" },
      holds: (runs) => runById(runs, "low").result.recommendedEpoch > runById(runs, "kohya").result.recommendedEpoch,
    },
    {
      statement: "alpha = dim at half the LR trains like the kohya habit",
      holds: (runs) => {
        const halved = simulate({ ...runById(runs, "diffusers").result.settings, learningRate: 5e-5 }, { lossCurve: false });
        return halved.recommendedEpoch === runById(runs, "kohya").result.recommendedEpoch;
      },
    },
  ],
};

const schedulesVariants: LessonVariant[] = [
  { id: "constant", label: "constant", settings: { ...WIDE } },
  { id: "cosine", label: "cosine", settings: { ...WIDE, lrScheduler: "cosine" } },
  { id: "warmup", label: "constant, 600 warm-up steps", settings: { ...WIDE, lrScheduler: "constant_with_warmup", warmupSteps: 600 } },
];

const schedules: Lesson = {
  id: "schedules",
  title: "Schedules and warm-up: cosine settles, warm-up delays",
  sentences: [RESEARCH_NOTES.schedules],
  source: "research",
  intro:
    "A constant schedule trains at full rate to the end. Cosine (and linear) decay the rate to zero, so they deliver less training over the same steps, peak a little later and change little in their last epochs: the late checkpoints stay usable. Warm-up ramps the rate up from zero first, which delays everything slightly. Watch the overfit risk at the end.",
  variants: schedulesVariants,
  metric: "overfitRisk",
  xAxis: "epoch",
  question: {
    prompt: "Which run ends least overfit after the same 6,000 steps?",
    choices: variantChoices(schedulesVariants),
    answer: (runs) => runWithLowest(runs, (result) => last(result).overfitRisk).variant.id,
    explain: (runs) => {
      const constant = runById(runs, "constant").result;
      const cosine = runById(runs, "cosine").result;
      const warmup = runById(runs, "warmup").result;
      return `Cosine delivers half of constant's training over the run, so it ends at overfit risk ${score(last(cosine).overfitRisk)} against ${score(last(constant).overfitRisk)}, peaking at epoch ${cosine.recommendedEpoch} instead of ${constant.recommendedEpoch} with the same best quality (${score(best(cosine).quality)}). The warm-up moves the best epoch from ${constant.recommendedEpoch} to ${warmup.recommendedEpoch}: a delay of about half the warm-up.`;
    },
  },
  expectedAnswer: "cosine",
  claims: [
    {
      statement: "cosine peaks no earlier than constant",
      shown: { column: "bestEpoch", greater: "cosine", lesser: "constant" },
      holds: (runs) => runById(runs, "cosine").result.recommendedEpoch >= runById(runs, "constant").result.recommendedEpoch,
    },
    {
      statement: "cosine reaches about the same best quality",
      holds: (runs) => best(runById(runs, "cosine").result).quality >= best(runById(runs, "constant").result).quality - 0.01,
    },
    {
      statement: "cosine's last epoch changes fidelity less than constant's",
      holds: (runs) => {
        const change = (id: string) => {
          const { checkpoints } = runById(runs, id).result;
          return Math.abs(checkpoints[checkpoints.length - 1].fidelity - checkpoints[checkpoints.length - 2].fidelity);
        };
        return change("cosine") < change("constant");
      },
    },
    {
      statement: "warm-up delays the best epoch by at most one epoch",
      holds: (runs) => {
        const delay = runById(runs, "warmup").result.recommendedEpoch - runById(runs, "constant").result.recommendedEpoch;
        return delay >= 0 && delay <= 1;
      },
    },
  ],
};

const optimizersVariants: LessonVariant[] = [
  { id: "adamw", label: "AdamW8bit, LR 1e-4", settings: { ...WIDE } },
  { id: "prodigy", label: "Prodigy, LR 0.5 (multiplier)", settings: { ...WIDE, optimizer: "prodigy", learningRate: 0.5 } },
  { id: "lion", label: "Lion, LR 1e-4", settings: { ...WIDE, optimizer: "lion" } },
];

const optimizers: Lesson = {
  id: "optimizers",
  title: "Optimizers: each reads the learning rate differently",
  sentences: [RESEARCH_NOTES.optimizers],
  source: "research",
  intro:
    "AdamW8bit at 1e-4 is the kohya default. Prodigy finds its own step size: its learning rate is a multiplier, and 1 is the usual value (at 1 it trains like AdamW8bit at 1e-4; here it runs at half). Lion's updates are as large as the rate itself, so at an AdamW learning rate it moves several times too far. Compare the three at their first epochs.",
  variants: optimizersVariants,
  metric: "quality",
  xAxis: "epoch",
  question: {
    prompt: "Which run overshoots: peaks earliest and lowest?",
    choices: variantChoices(optimizersVariants),
    answer: (runs) => runWithLowest(runs, (result) => best(result).quality).variant.id,
    explain: (runs) => {
      const adamw = runById(runs, "adamw").result;
      const prodigy = runById(runs, "prodigy").result;
      const lion = runById(runs, "lion").result;
      return `Lion at AdamW's 1e-4 peaks at epoch ${lion.recommendedEpoch} with only ${score(best(lion).quality)}: too fast and unstable. Its users run a 3–10× smaller rate. Prodigy at half its usual multiplier learns half as fast: it peaks at epoch ${prodigy.recommendedEpoch} (${score(best(prodigy).quality)}) where AdamW8bit at 1e-4 peaks at epoch ${adamw.recommendedEpoch} (${score(best(adamw).quality)}).`;
    },
  },
  expectedAnswer: "lion",
  claims: [
    { statement: "Lion at 1e-4 peaks earlier than AdamW at 1e-4", holds: (runs) => runById(runs, "lion").result.recommendedEpoch < runById(runs, "adamw").result.recommendedEpoch },
    {
      statement: "Prodigy at 1 peaks where AdamW at 1e-4 does",
      holds: (runs) => {
        const usual = simulate({ ...runById(runs, "prodigy").result.settings, learningRate: 1 }, { lossCurve: false });
        return usual.recommendedEpoch === runById(runs, "adamw").result.recommendedEpoch;
      },
    },
    {
      statement: "Lion at a 5× smaller LR trains like AdamW at 1e-4",
      holds: (runs) => {
        const gentle = simulate({ ...runById(runs, "lion").result.settings, learningRate: 2e-5 }, { lossCurve: false });
        const adamw = runById(runs, "adamw").result;
        return gentle.recommendedEpoch === adamw.recommendedEpoch && Math.abs(best(gentle).quality - best(adamw).quality) < 0.01;
      },
    },
    {
      statement: "Prodigy at 0.5 learns slower than AdamW at 1e-4 (so slower than Prodigy at 1)",
      shown: { column: "bestEpoch", greater: "prodigy", lesser: "adamw" },
      holds: (runs) => runById(runs, "prodigy").result.recommendedEpoch > runById(runs, "adamw").result.recommendedEpoch,
    },
  ],
};

/** Every lesson, in teaching order. */
export const LESSONS: readonly Lesson[] = [steps, bestEpoch, batchScaling, fewImages, manyImages, repeatsEpochs, captions, similarImages, learningRate, rankAlpha, schedules, optimizers];

export function getLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

/** The lesson before and after one, for previous/next links. */
export function neighbours(id: string): { previous?: Lesson; next?: Lesson } {
  const index = LESSONS.findIndex((lesson) => lesson.id === id);
  return { previous: index > 0 ? LESSONS[index - 1] : undefined, next: index >= 0 ? LESSONS[index + 1] : undefined };
}

export type { LessonRun };

// Prints the simulator's calibration tables as Markdown: the tables in
// docs/simulator.md are this script's output. Run: npx tsx scripts/calibrate.ts
// Every metric but the two losses is noise-free, so one seed shows the model.
import { adviseSettings, formatRate, MODEL, optimalDoseOf, simulate } from "../lib/sim";
import type { Checkpoint, SettingsInput, SimulateOptions, SimulationResult } from "../lib/sim";
import { CALIBRATION_PASS_SHARE, CALIBRATION_TOLERANCE, calibrationRows, calibrationScore } from "../lib/sim/calibration";

const SEED = 1;

function run(settings: Omit<SettingsInput, "seed">, options: SimulateOptions = {}): SimulationResult {
  return simulate({ ...settings, seed: SEED }, { ...options, lossCurve: false });
}

function best(result: SimulationResult): Checkpoint {
  return result.checkpoints[result.recommendedEpoch - 1];
}

function last(result: SimulationResult): Checkpoint {
  return result.checkpoints[result.checkpoints.length - 1];
}

/** One letter per epoch: u underfit, b balanced, o overfit; the recommended epoch in brackets. */
function verdictStrip(result: SimulationResult): string {
  return result.checkpoints.map((c) => (c.epoch === result.recommendedEpoch ? `[${c.verdict[0]}]` : c.verdict[0])).join("");
}

function table(title: string, note: string, header: string[], rows: Array<Array<string | number>>): string {
  const lines = [`### ${title}`, "", note, "", `| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return `${lines.join("\n")}\n`;
}

const q = (value: number) => value.toFixed(3);

function oneRun(): string {
  const result = simulate({ images: 10, seed: SEED }, { lossCurve: false });
  const optimalDose = optimalDoseOf(10, MODEL.REFERENCE_SIMILARITY, 1e-5, MODEL.REFERENCE_CAPTION_QUALITY);
  const rows = result.checkpoints.map((c) => [
    c.epoch === result.recommendedEpoch ? `**${c.epoch}**` : c.epoch,
    c.step,
    (c.step / optimalDose).toFixed(2),
    c.trainLoss.toFixed(4),
    c.validationLoss.toFixed(4),
    q(c.fidelity),
    q(c.flexibility),
    q(c.captionAdherence),
    q(c.overfitRisk),
    q(c.quality),
    c.verdict,
  ]);
  return table(
    "One run, every number",
    `10 images at the defaults, seed ${SEED}: ${result.totalSteps} steps, optimal dose ${Math.round(optimalDose)}. r is the dose ratio; the recommended epoch is in bold.`,
    ["epoch", "step", "r", "train loss", "held-out loss", "fidelity", "flexibility", "caption adh.", "overfit risk", "quality", "verdict"],
    rows,
  );
}

function bestEpochByImagesAndEpochs(): string {
  const epochsList = [6, 8, 10, 15, 20];
  const rows = [1, 3, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 60, 100, 300, 1000].map((images) => [
    images,
    ...epochsList.map((epochs) => {
      const result = run({ images, epochs });
      return `${result.recommendedEpoch} ${last(result).verdict[0]}`;
    }),
  ]);
  return table(
    "Best epoch by images × epochs (laws 2, 3, 4)",
    "The article's defaults otherwise (20 repeats, LR 1e-4, batch 1). Each cell: recommended epoch, then the last epoch's verdict (u underfit, b balanced, o overfit).",
    ["images", ...epochsList.map((e) => `${e} epochs`)],
    rows,
  );
}

function defaultRuns(): string {
  const rows = [1, 5, 6, 8, 10, 15, 20, 25, 40, 100, 1000].map((images) => {
    const result = run({ images });
    return [images, result.totalSteps, `\`${verdictStrip(result)}\``, q(best(result).quality), q(last(result).quality), q(last(result).overfitRisk)];
  });
  return table(
    "Epoch by epoch at the defaults (laws 2, 4)",
    "20 repeats × 10 epochs, LR 1e-4, batch 1. Verdicts per epoch, the recommended epoch in brackets.",
    ["images", "steps", "verdicts", "best quality", "last quality", "last overfit risk"],
    rows,
  );
}

function fewImages(): string {
  const rows: Array<Array<string | number>> = [];
  for (const images of [5, 6]) {
    for (const epochs of [10, 15, 20]) {
      const result = run({ images, epochs });
      const [beforeLast, final] = result.checkpoints.slice(-2);
      rows.push([images, epochs, result.recommendedEpoch, q(best(result).quality), final.quality > beforeLast.quality ? "yes" : "no", last(result).verdict]);
    }
  }
  return table("Few images need more epochs (law 3)", "20 repeats, LR 1e-4.", ["images", "epochs", "best epoch", "best quality", "still rising at the end", "last verdict"], rows);
}

function largeDatasets(): string {
  const recipes: Array<[number, number]> = [
    [10, 6],
    [12, 7],
    [15, 8],
    [20, 10],
  ];
  const rows = [25, 40, 100, 1000].map((images) => [
    images,
    ...recipes.map(([repeats, epochs]) => {
      const result = run({ images, repeats, epochs });
      return `${result.recommendedEpoch}/${epochs} ${last(result).verdict[0]} ${q(best(result).quality)}`;
    }),
  ]);
  return table(
    "25+ images: fewer epochs and repeats (law 4)",
    "LR 1e-4. Each cell: best epoch / epochs, last verdict, best quality. 20 × 10 overfits before the end; 6–8 epochs × 10–15 repeats end at or next to their best (10 × 6 still underfit at 1e-4: the article pairs it with 2e-4).",
    ["images", ...recipes.map(([r, e]) => `${r} rep × ${e} ep`)],
    rows,
  );
}

function batchAndLearningRate(): string {
  const rows: Array<Array<string | number>> = [];
  for (const images of [10, 20]) {
    for (const batchSize of [1, 2, 4, 8]) {
      const cells = [1e-4, 1e-4 * Math.sqrt(batchSize), 1e-4 * batchSize].map((learningRate) => {
        const linear = run({ images, batchSize, learningRate });
        const sqrt = run({ images, batchSize, learningRate }, { batchRule: "sqrt" });
        return `${linear.recommendedEpoch} ${last(linear).verdict[0]} ${q(best(linear).quality)} · ${sqrt.recommendedEpoch} ${last(sqrt).verdict[0]} ${q(best(sqrt).quality)}`;
      });
      rows.push([images, batchSize, ...cells]);
    }
  }
  return table(
    "Batch size and learning rate (law 5)",
    '20 repeats × 10 epochs. Each cell: best epoch, last verdict, best quality under the linear rule (the default) · the same under `batchRule: "sqrt"`.',
    ["images", "batch", "LR 1e-4", "LR √B × 1e-4", "LR B × 1e-4"],
    rows,
  );
}

function learningRates(): string {
  const rows = [1e-6, 1e-5, 3e-5, 5e-5, 1e-4, 2e-4, 3e-4, 5e-4, 1e-3, 3e-3, 1e-2].map((learningRate) => {
    const result = run({ images: 10, learningRate });
    return [formatRate(learningRate), result.recommendedEpoch, q(best(result).quality), q(best(result).fidelity), `\`${verdictStrip(result)}\``];
  });
  return table("Learning rate (laws 6, 7)", "10 images, 20 repeats × 10 epochs, batch 1.", ["LR", "best epoch", "best quality", "fidelity at best", "verdicts"], rows);
}

function fewImagesLearningRate(): string {
  const rows: Array<Array<string | number>> = [];
  for (const images of [5, 8]) {
    for (const [repeats, epochs] of [
      [20, 10],
      [30, 20],
    ] as const) {
      const cells = [5e-5, 1e-4].map((learningRate) => q(last(run({ images, repeats, epochs, learningRate })).overfitRisk));
      rows.push([images, `${repeats} × ${epochs}`, ...cells]);
    }
  }
  return table("Few images: LR 5e-5 overfits less (law 7)", "Overfit risk of the last checkpoint.", ["images", "repeats × epochs", "LR 5e-5", "LR 1e-4"], rows);
}

function similarity(): string {
  const rows = [0, 0.2, 0.4, 0.6, 0.8, 1].map((datasetSimilarity) => {
    const result = run({ images: 15, epochs: 20, datasetSimilarity });
    return [datasetSimilarity, result.recommendedEpoch, q(best(result).quality), q(best(result).flexibility), q(result.checkpoints[9].flexibility), `\`${verdictStrip(result)}\``];
  });
  return table(
    "Dataset similarity (laws 9, 12)",
    "15 images, 20 repeats × 20 epochs, LR 1e-4.",
    ["similarity", "best epoch", "best quality", "flexibility at best", "flexibility at epoch 10", "verdicts"],
    rows,
  );
}

function captions(): string {
  const rows: Array<Array<string | number>> = [];
  for (const captionQuality of [0, 0.3, 0.7, 1]) {
    for (const textEncoderLearningRate of [0, 1e-5, 5e-5]) {
      const result = run({ images: 15, captionQuality, textEncoderLearningRate });
      rows.push([
        captionQuality,
        textEncoderLearningRate === 0 ? "frozen" : formatRate(textEncoderLearningRate),
        result.recommendedEpoch,
        q(best(result).quality),
        q(best(result).captionAdherence),
        q(last(result).overfitRisk),
      ]);
    }
  }
  return table(
    "Captions and the text encoder (law 10)",
    "15 images, 20 repeats × 10 epochs, LR 1e-4.",
    ["caption quality", "TE LR", "best epoch", "best quality", "caption adherence at best", "last overfit risk"],
    rows,
  );
}

function optimalDoses(): string {
  const rows = [1, 5, 10, 15, 25, 50, 100, 1000].map((images) => {
    const dose = optimalDoseOf(images, MODEL.REFERENCE_SIMILARITY, 1e-5, MODEL.REFERENCE_CAPTION_QUALITY);
    return [images, Math.round(dose), (dose / images).toFixed(0), (dose / (images * 20)).toFixed(1)];
  });
  return table(
    "Optimal dose by dataset size",
    "Defaults otherwise. The dose is counted in batch-1 steps at LR 1e-4; the last column is the epoch (of 20 repeats) where it falls.",
    ["images", "optimal dose", "per image", "epochs at 20 repeats"],
    rows,
  );
}

function advice(): string {
  const rows = [4, 5, 6, 7, 8, 9, 10, 15, 24, 25, 100].map((images) => {
    const a = adviseSettings(images);
    const result = run({ images, learningRate: a.learningRate.value, repeats: a.repeats.value, epochs: a.epochs.value, batchSize: a.batchSize.value });
    return [images, a.band, formatRate(a.learningRate.value), a.repeats.value, a.epochs.value, `${result.recommendedEpoch}/${a.epochs.value}`, `\`${verdictStrip(result)}\``];
  });
  return table(
    "Following the article's advice (adviseSettings)",
    "Batch 1. Best epoch / epochs and the verdicts per epoch.",
    ["images", "band", "LR", "repeats", "epochs", "best epoch", "verdicts"],
    rows,
  );
}

/** The settings of a case as trainers write them, e.g. "27 img × 1 rep, batch 1, AdamW 1e-4, dim 32 / alpha 32, constant, SDXL". */
function mappedSettings(settings: SettingsInput): string {
  const parts = [`${settings.images} img × ${settings.repeats ?? 20} rep × ${settings.epochs ?? 10} ep`, `batch ${settings.batchSize ?? 1}`];
  parts.push(`${settings.optimizer ?? "adamw8bit"} ${formatRate(settings.learningRate ?? 1e-4)}`);
  parts.push(`TE ${settings.textEncoderLearningRate === 0 ? "frozen" : formatRate(settings.textEncoderLearningRate ?? 1e-5)}`);
  parts.push(`dim ${settings.networkDim ?? 32} / alpha ${settings.networkAlpha ?? 16}`);
  parts.push(`${settings.lrScheduler ?? "constant"}${settings.warmupSteps ? ` + ${settings.warmupSteps} warm-up` : ""}`);
  parts.push(settings.modelFamily ?? "sdxl");
  if (settings.captionQuality !== undefined) parts.push(`captions ${settings.captionQuality}`);
  if (settings.datasetSimilarity !== undefined) parts.push(`similarity ${settings.datasetSimilarity}`);
  return parts.join(", ");
}

function publicRuns(): string {
  const rows = calibrationRows().map((row) => [
    row.case.id,
    row.case.source,
    row.case.settings ? mappedSettings(row.case.settings) : "—",
    row.case.reported,
    row.case.reportedBestStep?.toLocaleString("en-US") ?? "—",
    row.simulatedBestStep?.toLocaleString("en-US") ?? "—",
    row.error === null ? "—" : `${row.error >= 0 ? "+" : ""}${Math.round(row.error * 100)}%`,
    row.inside === null ? "not comparable" : row.inside ? "inside" : "**outside**",
  ]);
  const score = calibrationScore();
  return table(
    "Public runs (law 18)",
    `RESEARCH.md §8, mapped onto the simulator's settings (why each case is or is not comparable: §17). Inside = the simulated best step within ±${CALIBRATION_TOLERANCE * 100}% of the reported one. ` +
      `Comparable cases inside: ${score.inside} of ${score.comparable} (${Math.round(score.share * 100)}%; law 18 needs ${CALIBRATION_PASS_SHARE * 100}%): ${score.share >= CALIBRATION_PASS_SHARE ? "met" : "NOT met"}.`,
    ["case", "source", "settings as mapped", "reported", "reported best", "simulated best", "error", "verdict"],
    rows,
  );
}

function newSettings(): string {
  const rows: Array<Array<string | number>> = [];
  const base = { images: 15, epochs: 20 } as const;
  const variants: Array<[string, Omit<SettingsInput, "images">]> = [
    ["defaults (dim 32, alpha 16, AdamW8bit, constant)", {}],
    ["alpha = dim (32 / 32)", { networkAlpha: 32 }],
    ["alpha 1 (dim 32)", { networkAlpha: 1 }],
    ["dim 8 / alpha 4 (same ratio)", { networkDim: 8, networkAlpha: 4 }],
    ["cosine", { lrScheduler: "cosine" }],
    ["linear", { lrScheduler: "linear" }],
    ["constant + 10% warm-up", { lrScheduler: "constant_with_warmup", warmupSteps: 600 }],
    ["cosine + 10% warm-up", { lrScheduler: "cosine", warmupSteps: 600 }],
    ["Prodigy at 1", { optimizer: "prodigy", learningRate: 1 }],
    ["Prodigy at 0.5", { optimizer: "prodigy", learningRate: 0.5 }],
    ["Lion at 1e-4", { optimizer: "lion" }],
    ["Lion at 2e-5", { optimizer: "lion", learningRate: 2e-5 }],
    ["Adafactor at 1e-4", { optimizer: "adafactor" }],
    ["SD 1.5", { modelFamily: "sd15" }],
    ["Flux", { modelFamily: "flux" }],
  ];
  for (const [label, settings] of variants) {
    const result = run({ ...base, ...settings });
    rows.push([label, result.recommendedEpoch, best(result).step, q(best(result).quality), q(last(result).overfitRisk), `\`${verdictStrip(result)}\``]);
  }
  return table(
    "Rank, alpha, schedule, optimizer and base model (laws 13, 15, 16)",
    "15 images, 20 repeats × 20 epochs (6,000 steps), LR 1e-4 unless named.",
    ["variant", "best epoch", "best step", "best quality", "last overfit risk", "verdicts"],
    rows,
  );
}

const sections = [
  publicRuns,
  newSettings,
  oneRun,
  optimalDoses,
  bestEpochByImagesAndEpochs,
  defaultRuns,
  fewImages,
  largeDatasets,
  batchAndLearningRate,
  learningRates,
  fewImagesLearningRate,
  similarity,
  captions,
  advice,
];
process.stdout.write(sections.map((section) => section()).join("\n"));

// The steps formula spelled out, as the new-run form and the exports show it.
import { countSteps, type Settings } from "@/lib/sim";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * "10 images × 20 repeats ÷ batch 1 = 200 steps/epoch × 10 epochs = 2,000 steps";
 * when the batch does not divide the images, the rounding up is said.
 * @example describeSteps({ images: 10, repeats: 20, epochs: 10, batchSize: 3 })
 * // → "10 images × 20 repeats ÷ batch 3 = 66.7, rounded up to 67 steps/epoch × 10 epochs = 670 steps"
 */
export function describeSteps(settings: Pick<Settings, "images" | "repeats" | "epochs" | "batchSize">): string {
  const { stepsPerEpoch, totalSteps } = countSteps(settings);
  const exact = (settings.images * settings.repeats) / settings.batchSize;
  const perEpoch = Number.isInteger(exact)
    ? `${integer.format(stepsPerEpoch)} ${stepsPerEpoch === 1 ? "step" : "steps"}/epoch`
    : `${Number(exact.toFixed(1)).toLocaleString("en-US")}, rounded up to ${integer.format(stepsPerEpoch)} steps/epoch`;
  const plural = (n: number, word: string) => `${integer.format(n)} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(settings.images, "image")} × ${plural(settings.repeats, "repeat")} ÷ batch ${settings.batchSize} = ${perEpoch} × ${plural(settings.epochs, "epoch")} = ${plural(totalSteps, "step")}`;
}

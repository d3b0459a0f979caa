// The compact steps readout: the article's formula with this run's numbers.
import { countSteps } from "@/lib/sim";
import type { PlaygroundSettings } from "./state";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * The steps formula written out, kohya's convention (each epoch rounds up to whole batches).
 * @example stepsFormula({ images: 10, repeats: 20, epochs: 10, batchSize: 1 }) // → "10 images × 20 repeats × 10 epochs = 2,000 steps"
 */
export function stepsFormula(settings: Pick<PlaygroundSettings, "images" | "repeats" | "epochs" | "batchSize">): string {
  const { stepsPerEpoch, totalSteps } = countSteps(settings);
  const product = `${settings.images} images × ${settings.repeats} repeats × ${settings.epochs} epochs`;
  if (settings.batchSize === 1) return `${product} = ${integer.format(totalSteps)} steps`;
  return `${product} ÷ batch ${settings.batchSize} = ${integer.format(totalSteps)} steps (${integer.format(stepsPerEpoch)} per epoch)`;
}

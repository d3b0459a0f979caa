// Inference-time LoRA strength: the multiplier a LoRA is loaded with (A1111's
// <lora:name:0.7>, ComfyUI's strength_model, kohya's `multiplier`, diffusers'
// cross_attention_kwargs={"scale": s}). It scales the learned weight update
// linearly, W' = W + s·ΔW, so 0 is the base model and 1 is the checkpoint as
// trained. This module reads only a checkpoint's outputs, so it holds for any
// version of the training model. docs/simulator.md explains the equations.
import type { Checkpoint } from "./types";

export const STRENGTH = {
  /** Lowest and highest strength accepted (UIs offer −2…2; below 0 inverts the LoRA, which we do not model). */
  MIN: 0,
  MAX: 2,
  /** The strengths of the epoch × strength grid, the range people plot in X/Y grids. */
  GRID: [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2] as readonly number[],
  /** Fidelity a fully learned subject reaches (the training model's fidelity ceiling). */
  FIDELITY_CEILING: 0.95,
  /** Flexibility of the base model: it follows new prompts as well as anything on our 0–1 scale. */
  BASE_FLEXIBILITY: 0.95,
  /**
   * How much faster than the strength itself rigidity comes back: the
   * flexibility lost at strength s is 1 − (1 − loss)^(s^k). Memorised detail
   * needs most of the update to show, so it fades first when strength drops
   * (what users see: lowering a fried LoRA to 0.7 frees the pose and background
   * long before the likeness goes).
   */
  RIGIDITY_POWER: 2,
  /** Weights of fidelity and flexibility in quality (the training model's geometric-mean weights). */
  QUALITY_FIDELITY_WEIGHT: 0.5,
  QUALITY_FLEXIBILITY_WEIGHT: 0.35,
} as const;

export type CheckpointOutputs = Pick<Checkpoint, "fidelity" | "flexibility" | "quality">;

export interface StrengthOutputs {
  strength: number;
  fidelity: number;
  flexibility: number;
  quality: number;
}

/**
 * A checkpoint's fidelity, flexibility and quality when loaded at a strength.
 * Learning saturates (fidelity = ceiling·(1 − e^(−k·dose))), so scaling the
 * update by s acts like scaling the learned share's exponent:
 * fidelity(s) = ceiling·(1 − (1 − fidelity/ceiling)^s). The flexibility the
 * checkpoint lost against the base model grows with s^RIGIDITY_POWER in the
 * same way. Quality moves with the geometric-mean terms those two feed; the
 * rest of it (caption control, stability, burn) is carried over unchanged.
 * @example outputsAtStrength({ fidelity: 0.9, flexibility: 0.4, quality: 0.5 }, 0.7) // → { strength: 0.7, fidelity: 0.83, flexibility: 0.62, quality: 0.56 }
 */
export function outputsAtStrength(checkpoint: CheckpointOutputs, strength: number): StrengthOutputs {
  const s = Math.min(STRENGTH.MAX, Math.max(STRENGTH.MIN, Number.isFinite(strength) ? strength : 1));
  const ceiling = STRENGTH.FIDELITY_CEILING;
  const learned = Math.min(1 - 1e-9, Math.max(0, checkpoint.fidelity / ceiling));
  const fidelity = ceiling * (1 - (1 - learned) ** s);

  const base = STRENGTH.BASE_FLEXIBILITY;
  const lost = Math.min(1 - 1e-9, Math.max(0, 1 - checkpoint.flexibility / base));
  const flexibility = base * (1 - lost) ** (s ** STRENGTH.RIGIDITY_POWER);

  let quality = 0;
  if (checkpoint.fidelity > 0 && checkpoint.flexibility > 0 && fidelity > 0) {
    quality = checkpoint.quality * (fidelity / checkpoint.fidelity) ** STRENGTH.QUALITY_FIDELITY_WEIGHT * (flexibility / checkpoint.flexibility) ** STRENGTH.QUALITY_FLEXIBILITY_WEIGHT;
  }
  return { strength: s, fidelity, flexibility, quality: Math.min(1, Math.max(0, quality)) };
}

export interface StrengthCell extends StrengthOutputs {
  epoch: number;
}

/**
 * The epoch × strength grid of a run: rows[i][j] is epoch i+1 at strengths[j].
 * @example strengthGrid(result.checkpoints)[9][3].quality // → the last of 10 epochs at 0.7
 */
export function strengthGrid(checkpoints: readonly (CheckpointOutputs & Pick<Checkpoint, "epoch">)[], strengths: readonly number[] = STRENGTH.GRID): StrengthCell[][] {
  return checkpoints.map((checkpoint) => strengths.map((strength) => ({ epoch: checkpoint.epoch, ...outputsAtStrength(checkpoint, strength) })));
}

/** The best cell of a grid (highest quality; the earliest epoch, then the strength nearest 1, on ties). */
export function bestStrengthCell(grid: readonly StrengthCell[][]): StrengthCell | null {
  let best: StrengthCell | null = null;
  for (const row of grid) {
    for (const cell of row) {
      if (!best || cell.quality > best.quality + 1e-12 || (Math.abs(cell.quality - best.quality) <= 1e-12 && cell.epoch === best.epoch && Math.abs(cell.strength - 1) < Math.abs(best.strength - 1)))
        best = cell;
    }
  }
  return best;
}

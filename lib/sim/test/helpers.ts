// Small readers of a SimulationResult, so the law tests say what they check.
import type { Checkpoint, SimulationResult } from "../types";

export function lastCheckpoint(result: SimulationResult): Checkpoint {
  return result.checkpoints[result.checkpoints.length - 1];
}

export function bestCheckpoint(result: SimulationResult): Checkpoint {
  return result.checkpoints[result.recommendedEpoch - 1];
}

/** The highest quality any checkpoint of the run reaches. */
export function bestQuality(result: SimulationResult): number {
  return bestCheckpoint(result).quality;
}

/** Every number in a value, with its path, for finiteness checks. */
export function numbersIn(value: unknown, path = "result"): Array<[string, number]> {
  if (typeof value === "number") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => numbersIn(item, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  }
  return [];
}

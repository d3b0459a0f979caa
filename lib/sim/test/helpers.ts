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
export function numbersIn(value: unknown, path = "result", found: Array<[string, number]> = []): Array<[string, number]> {
  if (typeof value === "number") {
    found.push([path, value]);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) numbersIn(value[i], `${path}[${i}]`, found);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) numbersIn(item, `${path}.${key}`, found);
  }
  return found;
}

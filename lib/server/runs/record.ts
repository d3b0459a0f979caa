// A simulation → the row and checkpoint rows a stored run is made of (pure).
import { SIMULATOR_VERSION, type SimulationResult } from "@/lib/sim";
import { encodeLossCurve } from "@/lib/server/runs/serialize";

export interface RunRecordExtras {
  notes?: string;
  pickedEpoch?: number | null;
  createdAt?: Date;
}

/** The Prisma create input for a run and all its checkpoints, written in one statement batch. */
export function runRecordFrom(id: string, simulation: SimulationResult, extras: RunRecordExtras = {}) {
  const { settings, checkpoints } = simulation;
  const best = checkpoints[simulation.recommendedEpoch - 1];
  const last = checkpoints[checkpoints.length - 1];
  const lowestValidation = checkpoints.reduce((lowest, c) => (c.validationLoss < lowest.validationLoss ? c : lowest));
  return {
    id,
    ...settings,
    notes: extras.notes ?? "",
    stepsPerEpoch: simulation.stepsPerEpoch,
    totalSteps: simulation.totalSteps,
    recommendedEpoch: simulation.recommendedEpoch,
    pickedEpoch: extras.pickedEpoch ?? null,
    bestQuality: best.quality,
    lastQuality: last.quality,
    qualityGap: best.quality - last.quality,
    finalVerdict: last.verdict,
    lowestValidationEpoch: lowestValidation.epoch,
    lossCurve: encodeLossCurve(simulation.lossCurve),
    simulatorVersion: SIMULATOR_VERSION,
    ...(extras.createdAt ? { createdAt: extras.createdAt } : {}),
    checkpoints: { create: checkpoints.map((checkpoint) => ({ ...checkpoint })) },
  };
}

export type RunRecord = ReturnType<typeof runRecordFrom>;

/** A new run id: 16 lowercase hex characters from the platform's CSPRNG. */
export function newRunId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

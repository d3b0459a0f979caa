import type { Checkpoint, LossPoint, Settings, Verdict } from "@/lib/sim";

export type RunSource = "simulated" | "imported";

/** A stored run as lists show it: settings and the figures that sort and filter, no checkpoints. */
export interface RunSummary extends Settings {
  id: string;
  notes: string;
  stepsPerEpoch: number;
  totalSteps: number;
  recommendedEpoch: number;
  pickedEpoch: number | null;
  /** Quality of the recommended epoch. */
  bestQuality: number;
  /** Quality of the last epoch. */
  lastQuality: number;
  /** bestQuality − lastQuality: what keeping the last epoch would cost. */
  qualityGap: number;
  finalVerdict: Verdict;
  /** The epoch with the lowest validation loss. */
  lowestValidationEpoch: number;
  /** "simulated", or "imported" from a trainer's folder: then the figures above are the prediction for its settings. */
  source: RunSource;
  /** The simulator model that computed this run's figures (lib/sim's SIMULATOR_VERSION when it was stored). */
  simulatorVersion: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * A stored run in full: the summary (its settings flattened, as in lists), every
 * checkpoint and the loss curve. pickSettings(run) gives the settings alone.
 */
export interface RunDetail extends RunSummary {
  checkpoints: Checkpoint[];
  lossCurve: LossPoint[];
}

export interface RunPage {
  runs: RunSummary[];
  nextCursor: string | null;
}

// Creates and stores the equal-steps twin of a stored run (server only: it
// goes through lib/runs' use cases like every other write).
import "server-only";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { createRun, getRunOrThrow, type RunDetail } from "@/lib/server/runs";
import { InputError } from "@/lib/errors";
import { pickSettings } from "@/lib/sim";
import { compareHref, equalStepsTwin, type TwinKind, type TwinOptions } from "./twins";

export interface CreatedTwin {
  original: RunDetail;
  twin: RunDetail;
  /** The compare page with both runs: /compare?runs=<original>,<twin>. */
  compareHref: string;
}

/**
 * Reads the run, derives its twin and stores it with the explanation as its
 * notes. Throws NotFoundError for an unknown run and InputError (422, with the
 * reason) when no twin keeps the total steps exactly.
 */
export async function createTwinRun(access: WriteAccess, runId: string, kind: TwinKind, options: TwinOptions = {}): Promise<CreatedTwin> {
  const original = await getRunOrThrow(runId);
  const result = equalStepsTwin(pickSettings(original), kind, options);
  if (!result.ok) throw new InputError(result.reason, { kind: result.reason });
  const twin = await createRun(access, result.settings, { notes: `Equal-steps twin of “${original.name}”. ${result.explanation}` });
  return { original, twin, compareHref: compareHref(original.id, twin.id) };
}

"use server";
// The UI's writes to runs: save from the playground, pick, rename and note,
// delete. Each is built with writeAction (the write lock is checked from the
// action's own request) and calls the same use cases as the REST routes under
// app/api/runs, which stay the public API. Every action answers with a result
// instead of throwing, so the caller can roll back and say why.
import { SIGN_IN_TO_WRITE, writeAction } from "@/lib/server/auth/write-action";
import { createRun, deleteRun, updateRun } from "@/lib/server/runs";
import { InputError, NotFoundError } from "@/lib/errors";

import type { RunChanges, WriteFailure, WriteResult } from "./write-result";

const refused = (): WriteFailure => ({ ok: false, message: SIGN_IN_TO_WRITE, fields: {} });

async function attempt<T>(what: string, failed: string, work: () => Promise<T>): Promise<WriteResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, message: error.message, fields: error.fields };
    if (error instanceof NotFoundError) return { ok: false, message: error.message, fields: {} };
    console.error(`${what} failed:`, error);
    return { ok: false, message: failed, fields: {} };
  }
}

/** Simulates and stores a run from settings (the playground's "Save as run"). */
export const saveRunAction = writeAction(
  (_settings: Record<string, unknown>) => refused(),
  async (access, settings: Record<string, unknown>): Promise<WriteResult<{ id: string; name: string }>> =>
    attempt("Saving a run", "The run could not be saved. Nothing was stored; try again.", async () => {
      const run = await createRun(access, settings);
      return { id: run.id, name: run.name };
    }),
);

/** Renames, writes notes, or picks/unpicks a checkpoint. */
export const updateRunAction = writeAction(
  (_runId: string, _changes: RunChanges) => refused(),
  async (access, runId: string, changes: RunChanges): Promise<WriteResult<Required<RunChanges>>> =>
    attempt("Updating a run", "the server could not save it. Try again.", async () => {
      const run = await updateRun(access, runId, changes);
      return { name: run.name, notes: run.notes, pickedEpoch: run.pickedEpoch };
    }),
);

/** Deletes a run with its checkpoints; a run already gone counts as deleted. */
export const deleteRunAction = writeAction(
  (_runId: string) => refused(),
  async (access, runId: string): Promise<WriteResult<null>> =>
    attempt("Deleting a run", "The run could not be deleted; try again.", async () => {
      try {
        await deleteRun(access, runId);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
      return null;
    }),
);

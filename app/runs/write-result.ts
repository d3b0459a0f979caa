// What the run actions (./run-actions.ts) answer, and how the browser calls
// them: a result instead of a throw, so a caller can roll back and say why.

/** A refused or failed write: a message fit to show, and the fields it is about (by API name). */
export type WriteFailure = { ok: false; message: string; fields: Record<string, string> };
export type WriteResult<T> = { ok: true; value: T } | WriteFailure;

/** The changes a run takes: rename, notes, pick or unpick. */
export interface RunChanges {
  name?: string;
  notes?: string;
  pickedEpoch?: number | null;
}

/** The message when the action's request itself failed (offline, or the server crashed). */
export const UNREACHED = "the request did not go through. Check the connection and try again.";

/** Calls a write action; a request that fails outright becomes a failure with UNREACHED. */
export async function settle<T>(call: () => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, message: UNREACHED, fields: {} };
  }
}

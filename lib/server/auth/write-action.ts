// Server actions that write: writeAction checks write access from the action's
// own request (its cookies and headers) before running it. A form posted
// without JavaScript reaches the action directly, so this check, not a proxy,
// is what keeps the write lock.
import "server-only";
import { headers } from "next/headers";
import { requireWriteAccess, UnauthorizedError, type WriteAccess } from "./write-access";

/** The message a refused form shows. */
export const SIGN_IN_TO_WRITE = "This server is write-protected: sign in to create or change runs.";

/**
 * Wraps a server action: `action` runs only when the request may write, with
 * the WriteAccess the data layer asks for; otherwise `refused` gives the
 * action's state for a refused write (nothing is touched).
 * @example export const saveAction = writeAction((_previous: State, _form: FormData): State => ({ message: SIGN_IN_TO_WRITE }), async (access, previous: State, form: FormData) => …);
 */
export function writeAction<Args extends unknown[], Result>(refused: (...args: Args) => Result, action: (access: WriteAccess, ...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    let access: WriteAccess;
    try {
      access = requireWriteAccess(await headers());
    } catch (error) {
      if (error instanceof UnauthorizedError) return refused(...args);
      throw error;
    }
    return action(access, ...args);
  };
}

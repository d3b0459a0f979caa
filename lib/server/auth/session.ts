// The write-lock state of the current request, for server components that show
// or hide write controls. Showing is not allowing: every write checks again
// where it happens (lib/server/auth/write-access.ts).
import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIE, sessionMatches, writeLockEnabled } from "./write-lock";

export interface WriteLockStatus {
  /** EPOCH_LAB_TOKEN is set on this server. */
  locked: boolean;
  /** This browser may write (no lock, or signed in). */
  canWrite: boolean;
}

export async function getWriteLockStatus(): Promise<WriteLockStatus> {
  if (!writeLockEnabled()) return { locked: false, canWrite: true };
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  return { locked: true, canWrite: sessionMatches(cookie) };
}

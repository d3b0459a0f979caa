// Write access: the one check every write goes through. A route handler or a
// server action turns its request into a WriteAccess with requireWriteAccess
// (or writeAction, for server actions); the data layer's write use cases
// (createRun, storeRun, updateRun, deleteRun, …) take that value as their first
// argument, so a write path that skips the check does not type-check.
import { canWrite, sessionCookieFrom } from "./write-lock";

declare const WRITE_ACCESS: unique symbol;

/**
 * Proof that the current request may write. Only this module hands one out:
 * requireWriteAccess for requests, localWriteAccess for code that runs on the
 * server's own machine outside any request (the demo seed, tests, benchmarks).
 */
export type WriteAccess = { readonly [WRITE_ACCESS]: true };

const GRANTED = Object.freeze({}) as WriteAccess;

/** A write refused by the write lock: 401 from the API, a "sign in" message from a form. */
export class UnauthorizedError extends Error {
  readonly status = 401;
  constructor() {
    super("This server is write-protected: sign in, or send Authorization: Bearer <token>.");
    this.name = "UnauthorizedError";
  }
}

/** The request headers the decision needs (a Request, a Headers, or next/headers' headers()). */
type HeaderSource = Request | Pick<Headers, "get">;

/**
 * The write access of a request: granted with no lock, a matching bearer token
 * or a signed-in session cookie; otherwise throws UnauthorizedError.
 */
export function requireWriteAccess(source: HeaderSource): WriteAccess {
  const headers = source instanceof Request ? source.headers : source;
  if (!canWrite(headers.get("authorization"), sessionCookieFrom(headers.get("cookie")))) throw new UnauthorizedError();
  return GRANTED;
}

/**
 * Write access for code that runs on the server's own machine outside any
 * request: the demo seed, tests and benchmarks. Never used under app/ (a unit
 * test checks): requests go through requireWriteAccess.
 */
export function localWriteAccess(): WriteAccess {
  return GRANTED;
}

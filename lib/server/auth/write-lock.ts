// The optional write lock of a shared team server: when EPOCH_LAB_TOKEN is set,
// every write needs the token (API: "Authorization: Bearer <token>"; browser: the
// http-only session cookie set by signing in). Reads stay open. Unset, nothing changes.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "epoch_lab_session";
/** How long a browser stays signed in. */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

export function writeLockEnabled(): boolean {
  return Boolean(process.env.EPOCH_LAB_TOKEN);
}

function digest(value: string): Buffer {
  return createHmac("sha256", "epoch-lab-write-lock").update(value).digest();
}

/** Constant-time comparison of a presented token with the configured one. */
export function tokenMatches(presented: string | null | undefined): boolean {
  const token = process.env.EPOCH_LAB_TOKEN;
  if (!token || !presented) return false;
  return timingSafeEqual(digest(presented), digest(token));
}

/** The cookie value for a signed-in browser: derived from the token, never the token itself. */
export function sessionValue(): string {
  const token = process.env.EPOCH_LAB_TOKEN ?? "";
  return createHmac("sha256", token).update("epoch-lab-session-v1").digest("base64url");
}

export function sessionMatches(cookie: string | null | undefined): boolean {
  if (!writeLockEnabled() || !cookie) return false;
  const expected = Buffer.from(sessionValue());
  const presented = Buffer.from(cookie);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/** True when a request may write: no lock, a matching bearer token, or a signed-in session cookie. */
export function canWrite(authorization: string | null, sessionCookie: string | null | undefined): boolean {
  if (!writeLockEnabled()) return true;
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  return tokenMatches(bearer) || sessionMatches(sessionCookie);
}

/** Reads the session cookie out of a Cookie header. */
export function sessionCookieFrom(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    const value = rest.join("=");
    try {
      return decodeURIComponent(value);
    } catch {
      return value; // malformed percent-encoding: compared as sent, so it simply does not match
    }
  }
  return null;
}

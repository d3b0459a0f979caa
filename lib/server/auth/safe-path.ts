// Where to send a browser after signing in or out: only a path on this site.
// Browsers read "//host", "/\host" and "/<tab>/host" as another site, and some
// servers and proxies decode "%2F", "%5C" before they route, so every form of
// those is refused, whether written plainly or percent-encoded.

/** Longest path accepted; longer ones fall back. */
export const SAFE_PATH_MAX_LENGTH = 2048;

// Control characters, including the tab and newlines browsers silently strip.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function isPlainSitePath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") && !CONTROL.test(path);
}

/**
 * The value when it is a path on this site, else the fallback ("/").
 * @example safeInSitePath("/runs/abc?x=1") // → "/runs/abc?x=1"
 * @example safeInSitePath("/\\evil.example") // → "/"
 * @example safeInSitePath("/%2F%2Fevil.example") // → "/"
 */
export function safeInSitePath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > SAFE_PATH_MAX_LENGTH) return fallback;
  // Check the value and every percent-decoding of it, until decoding changes nothing.
  let current = value;
  for (let round = 0; round < 5; round++) {
    if (!isPlainSitePath(current)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return fallback; // malformed percent-encoding
    }
    if (decoded === current) break;
    if (round === 4) return fallback; // encoded more deeply than any real link
    current = decoded;
  }
  // Last guard: the URL parser, as a browser resolves it, stays on this origin.
  const base = "http://in-site.invalid";
  try {
    if (new URL(value, base).origin !== base) return fallback;
  } catch {
    return fallback;
  }
  return value;
}

// JSON read back from storage (the browser's, a database column), which an
// older version may have written differently or someone may have edited: a
// text that does not parse reads as nothing, for the caller to fall back on.

/** The value of a JSON text; undefined when there is no text or it is not valid JSON. */
export function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

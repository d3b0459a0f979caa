// Relative paths as a browser's folder picker (`webkitRelativePath`) or a
// multipart filename gives them. An import never trusts them: a path that
// climbs out of the folder, is absolute, or hides control characters is refused.

/** Longest path accepted, in characters (Windows' classic MAX_PATH is 260; generous above it). */
export const MAX_PATH_LENGTH = 1024;

export type PathCheck = { ok: true; path: string; parts: string[] } | { ok: false; message: string };

const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * Checks and normalises one relative path: backslashes become slashes, "." parts
 * are dropped; "..", absolute paths, drive letters and control characters are refused.
 *
 * @example checkRelativePath("model\\sksdog-000003.safetensors") // { ok: true, path: "model/sksdog-000003.safetensors", ... }
 */
export function checkRelativePath(raw: string): PathCheck {
  if (raw.length === 0) return { ok: false, message: "The file has no name" };
  if (raw.length > MAX_PATH_LENGTH) return { ok: false, message: `The path is longer than ${MAX_PATH_LENGTH} characters` };
  if (CONTROL_CHARACTERS.test(raw)) return { ok: false, message: "The path contains control characters" };
  const slashed = raw.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed)) {
    return { ok: false, message: "The path is absolute; only paths inside the chosen folder are accepted" };
  }
  const parts = slashed.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.some((part) => part === "..")) {
    return { ok: false, message: 'The path climbs out of the chosen folder ("..")' };
  }
  if (parts.length === 0) return { ok: false, message: "The file has no name" };
  return { ok: true, path: parts.join("/"), parts };
}

/** The last part of a relative path. */
export function baseName(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? path : path.slice(slash + 1);
}

// Opaque keyset cursors for the runs list: the last row's sort value and id.
import { InputError } from "@/lib/errors";

export type CursorValue = string | number | null;

export function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { value: CursorValue; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[1] === "string" &&
      (parsed[0] === null || typeof parsed[0] === "string" || (typeof parsed[0] === "number" && Number.isFinite(parsed[0])))
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new InputError("cursor is not valid: use the nextCursor of a previous page", { cursor: "cursor is not valid" }, 400);
}

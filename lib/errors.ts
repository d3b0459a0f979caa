// Errors the data layer throws on purpose: each carries a status and a message
// fit to show a user, never a database error or a stack trace. The API turns
// them into 4xx JSON (lib/server/http.ts), server actions into form messages.
import type { ZodError } from "zod";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/sim/schema";

/** Bad input from the caller (4xx): `fields` names each bad field. */
export class InputError extends Error {
  readonly status: number;
  readonly fields: FieldErrors;
  constructor(message: string, fields: FieldErrors = {}, status = 422) {
    super(message);
    this.name = "InputError";
    this.status = status;
    this.fields = fields;
  }
}

/** A schema's refusal of the input as a 400 naming each bad field; its message is the first field's (else `fallback`). */
export function inputErrorFrom(error: ZodError, input: unknown, fallback: string): InputError {
  const fields = fieldErrorsFrom(error, input);
  return new InputError(Object.values(fields)[0] ?? fallback, fields, 400);
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = "No run with that id.") {
    super(message);
    this.name = "NotFoundError";
  }
}

// Errors the data layer throws on purpose: each carries a status and a message
// fit to show a user, never a database error or a stack trace. The API turns
// them into 4xx JSON (lib/server/http.ts), server actions into form messages.
import type { FieldErrors } from "@/lib/sim";

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

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = "No run with that id.") {
    super(message);
    this.name = "NotFoundError";
  }
}

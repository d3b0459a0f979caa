// JSON API plumbing: strict body reading and one error format for every route,
// { "error": { "message": "...", "fields": { "images": "..." } } }, never a stack trace.
import "server-only";
import { UnauthorizedError } from "@/lib/server/auth/write-access";
import { InputError, NotFoundError } from "@/lib/errors";
import type { FieldErrors } from "@/lib/sim";

export const MAX_BODY_BYTES = 64 * 1024;

export function errorResponse(status: number, message: string, fields: FieldErrors = {}): Response {
  return Response.json({ error: { message, fields } }, { status });
}

/** Reads a JSON object body: right content type, at most 64 KB, well-formed; otherwise an InputError. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType)) {
    throw new InputError("Send the body as JSON with the header Content-Type: application/json", { body: "expected application/json" }, 415);
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();

  const text = await readLimited(request, MAX_BODY_BYTES);
  if (text.trim() === "") throw new InputError("The request body is empty: send a JSON object", { body: "empty body" }, 400);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InputError("The request body is not valid JSON", { body: "malformed JSON" }, 400);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new InputError("The request body must be a JSON object", { body: "expected a JSON object" }, 400);
  }
  return body;
}

async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

function tooLarge(): InputError {
  return new InputError(`The request body is larger than ${MAX_BODY_BYTES / 1024} KB`, { body: "body too large" }, 413);
}

/** Runs a route's work and turns known errors into 4xx responses and anything else into a plain 500. */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError) return errorResponse(error.status, error.message, error.fields);
    if (error instanceof NotFoundError) return errorResponse(404, error.message);
    if (error instanceof UnauthorizedError) {
      const response = errorResponse(401, error.message);
      response.headers.set("WWW-Authenticate", 'Bearer realm="epoch-lab"');
      return response;
    }
    console.error("Unexpected API error:", error);
    return errorResponse(500, "Something went wrong on the server. Nothing was changed; try again.");
  }
}

/** URL search params as a plain object (the first value of each key). */
export function searchParamsObject(url: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(url).searchParams) params[key] ??= value;
  return params;
}

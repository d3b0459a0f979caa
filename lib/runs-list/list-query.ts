// The runs list page's URL → a validated list query, or a message naming the bad parameter.
import { runListQuerySchema, type RunListQuery } from "@/lib/runs/schemas";
import type { FieldErrors } from "@/lib/sim";
import { LIST_PARAM_KEYS, pickListParams, type ListParams } from "./list-url";

export type ListQueryResult = { ok: true; params: ListParams; query: RunListQuery } | { ok: false; params: ListParams; message: string; fields: FieldErrors };

/**
 * Reads the list's parameters (others, such as tracking tags, are ignored) and
 * validates them with the API's own schema, so the page and GET /api/runs agree.
 */
export function readListQuery(searchParams: Record<string, string | string[] | undefined>): ListQueryResult {
  const params = pickListParams(searchParams);
  const parsed = runListQuerySchema.safeParse(params);
  if (parsed.success) return { ok: true, params, query: parsed.data };
  // Each issue's own message: every parameter here was present, so none is "required".
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "_")] ??= issue.message;
  const message = LIST_PARAM_KEYS.flatMap((key) => fields[key] ?? []).join("; ");
  return { ok: false, params, message: `This link has a parameter the runs list cannot use: ${message}.`, fields };
}

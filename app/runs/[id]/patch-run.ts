// Client-side call of PATCH /api/runs/{id}: a result instead of a throw, with
// the API's message (or a plain one when the network or server failed).
export type PatchResult =
  | { ok: true; run: { name: string; notes: string; pickedEpoch: number | null } }
  | { ok: false; message: string; fields: Record<string, string> };

export async function patchRun(runId: string, body: { name?: string; notes?: string; pickedEpoch?: number | null }): Promise<PatchResult> {
  try {
    const response = await fetch(`/api/runs/${encodeURIComponent(runId)}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const data: unknown = await response.json().catch(() => null);
    if (response.ok && data && typeof data === "object") return { ok: true, run: data as { name: string; notes: string; pickedEpoch: number | null } };
    const error = (data as { error?: { message?: unknown; fields?: unknown } } | null)?.error;
    return {
      ok: false,
      message: typeof error?.message === "string" && response.status < 500 ? error.message : "the server could not save it. Try again.",
      fields: error?.fields && typeof error.fields === "object" ? (error.fields as Record<string, string>) : {},
    };
  } catch {
    return { ok: false, message: "the network request failed. Check the connection and try again.", fields: {} };
  }
}

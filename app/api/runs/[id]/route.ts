// GET /api/runs/{id}: the run. PATCH: rename, note, pick. DELETE: remove with its checkpoints.
import { handle, readJsonBody } from "@/lib/server/http";
import { requireWriteAccess } from "@/lib/server/auth/write-access";
import { deleteRun, getImportedRun, getRunJsonOrThrow, updateRun } from "@/lib/server/runs";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => {
    const run = await getRunJsonOrThrow((await params).id);
    // An imported run: its measured checkpoints with their samples, and the prediction for its settings.
    if (run.source === "imported") return Response.json(await getImportedRun(run.id));
    // The run's JSON is written by the data layer (no parse and re-serialise of the loss curve).
    return new Response(run.json, { headers: { "Content-Type": "application/json" } });
  });
}

export async function PATCH(request: Request, { params }: Context) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const { id } = await params;
    const body = await readJsonBody(request);
    const run = await updateRun(access, id, body);
    return Response.json(run.source === "imported" ? await getImportedRun(run.id) : run);
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    await deleteRun(access, (await params).id);
    return new Response(null, { status: 204 });
  });
}

// GET /api/runs/{id}: the run. PATCH: rename, note, pick. DELETE: remove with its checkpoints.
import { handle, readJsonBody, requireWriteAccess } from "@/lib/api/http";
import { deleteRun, getRunOrThrow, updateRun } from "@/lib/runs";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => Response.json(await getRunOrThrow((await params).id)));
}

export async function PATCH(request: Request, { params }: Context) {
  return handle(async () => {
    requireWriteAccess(request);
    const { id } = await params;
    const body = await readJsonBody(request);
    return Response.json(await updateRun(id, body));
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return handle(async () => {
    requireWriteAccess(request);
    await deleteRun((await params).id);
    return new Response(null, { status: 204 });
  });
}

// GET /api/runs/{id}: the run. PATCH: rename, note, pick. DELETE: remove with its checkpoints.
import { handle, readJsonBody } from "@/lib/api/http";
import { requireWriteAccess } from "@/lib/auth/write-access";
import { deleteRun, getRunOrThrow, updateRun } from "@/lib/runs";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => Response.json(await getRunOrThrow((await params).id)));
}

export async function PATCH(request: Request, { params }: Context) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const { id } = await params;
    const body = await readJsonBody(request);
    return Response.json(await updateRun(access, id, body));
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    await deleteRun(access, (await params).id);
    return new Response(null, { status: 204 });
  });
}

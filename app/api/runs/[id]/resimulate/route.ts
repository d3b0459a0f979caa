// POST /api/runs/{id}/resimulate: store a new run with the run's settings and seed, simulated by the current model.
import { handle, requireWriteAccess } from "@/lib/api/http";
import { resimulateRun } from "@/lib/runs";

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Context) {
  return handle(async () => {
    requireWriteAccess(request);
    const run = await resimulateRun((await params).id);
    return Response.json(run, { status: 201, headers: { Location: `/api/runs/${run.id}` } });
  });
}

// POST /api/runs/{id}/resimulate: store a new run with the run's settings and seed, simulated by the current model.
import { handle } from "@/lib/server/http";
import { requireWriteAccess } from "@/lib/server/auth/write-access";
import { resimulateRun } from "@/lib/server/runs";

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Context) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const run = await resimulateRun(access, (await params).id);
    return Response.json(run, { status: 201, headers: { Location: `/api/runs/${run.id}` } });
  });
}

// POST /api/runs/{id}/votes: one blind comparison's answer. GET: the run's votes, oldest first.
import { handle, readJsonBody } from "@/lib/server/http";
import { requireWriteAccess } from "@/lib/server/auth/write-access";
import { castVote, getRunOrThrow, listVotes } from "@/lib/server/runs";

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Context) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const { id } = await params;
    const body = await readJsonBody(request);
    return Response.json(await castVote(access, id, body), { status: 201 });
  });
}

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    await getRunOrThrow(id);
    return Response.json({ votes: await listVotes(id) });
  });
}

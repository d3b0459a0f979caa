// POST /api/reviews/{id}/votes: one blind comparison of two checkpoints of different runs. GET: the review's votes, oldest first.
import { handle, readJsonBody } from "@/lib/server/http";
import { requireWriteAccess } from "@/lib/server/auth/write-access";
import { NotFoundError } from "@/lib/server/runs";
import { castSetVote, getReviewSet, listSetVotes } from "@/lib/server/runs/review-sets";

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Context) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const { id } = await params;
    const body = await readJsonBody(request);
    return Response.json(await castSetVote(access, id, body), { status: 201 });
  });
}

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    if (!(await getReviewSet(id))) throw new NotFoundError("No review with that id.");
    return Response.json({ votes: await listSetVotes(id) });
  });
}

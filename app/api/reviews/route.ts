// POST /api/reviews { runs: [id, …] }: starts the blind review of a set of runs (201), or returns the one already started for the same runs (200).
import { handle, readJsonBody } from "@/lib/server/http";
import { requireWriteAccess } from "@/lib/server/auth/write-access";
import { startReviewSet } from "@/lib/server/runs/review-sets";

export async function POST(request: Request) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const body = await readJsonBody(request);
    const { set, created } = await startReviewSet(access, body);
    return Response.json(set, { status: created ? 201 : 200, headers: { Location: `/api/reviews/${set.id}` } });
  });
}

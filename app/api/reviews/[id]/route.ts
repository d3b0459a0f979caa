// GET /api/reviews/{id}: a review set, its runs in order and how many prompts it compares.
import { handle } from "@/lib/server/http";
import { NotFoundError } from "@/lib/server/runs";
import { getReviewSet } from "@/lib/server/runs/review-sets";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => {
    const set = await getReviewSet((await params).id);
    if (!set) throw new NotFoundError("No review with that id.");
    return Response.json(set);
  });
}

// GET /api/reviews/{id}/ratings: Bradley–Terry scores of every checkpoint across the runs, agreement, the most preferred checkpoint and each run's top one.
import { handle } from "@/lib/server/http";
import { getSetRatings } from "@/lib/server/runs/review-sets";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => Response.json(await getSetRatings((await params).id)));
}

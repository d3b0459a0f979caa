// GET /api/runs/{id}/ratings: Bradley–Terry scores with uncertainty, reviewer agreement, and the most preferred epoch beside the recommendation and the pick.
import { handle } from "@/lib/server/http";
import { getRatings } from "@/lib/server/runs";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => Response.json(await getRatings((await params).id)));
}

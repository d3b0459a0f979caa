// GET /api/health: 200 { ok: true, database: "sqlite" | "postgresql" } once the
// database answers a trivial query, 503 with the usual error body when it does
// not; for load balancers and uptime checks, and the baseline of `npm run bench`.
import { errorResponse } from "@/lib/server/http";
import { databaseAnswers, databaseKind } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!(await databaseAnswers())) {
    const response = errorResponse(503, "The database is not answering; try again shortly.", { database: "not answering" });
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  return Response.json({ ok: true, database: databaseKind() }, { headers: { "Cache-Control": "no-store" } });
}

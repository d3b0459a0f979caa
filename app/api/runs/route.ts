// POST /api/runs: simulate and store a run. GET /api/runs?q=&limit=&cursor=: one page of summaries.
import { handle, readJsonBody, searchParamsObject } from "@/lib/server/http";
import { requireWriteAccess } from "@/lib/server/auth/write-access";
import { createRun, listRunsJson, parseRunListQuery } from "@/lib/server/runs";

export async function POST(request: Request) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const body = await readJsonBody(request);
    const run = await createRun(access, body);
    return Response.json(run, { status: 201, headers: { Location: `/api/runs/${run.id}` } });
  });
}

export async function GET(request: Request) {
  // The page's JSON text, as Response.json would write it (listRunsJson reuses it until the next write).
  return handle(async () => new Response(await listRunsJson(parseRunListQuery(searchParamsObject(request.url))), { headers: { "Content-Type": "application/json" } }));
}

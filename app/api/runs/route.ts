// POST /api/runs: simulate and store a run. GET /api/runs?q=&limit=&cursor=: one page of summaries.
import { handle, readJsonBody, requireWriteAccess, searchParamsObject } from "@/lib/api/http";
import { createRun, listRuns, parseRunListQuery } from "@/lib/runs";

export async function POST(request: Request) {
  return handle(async () => {
    requireWriteAccess(request);
    const body = await readJsonBody(request);
    const run = await createRun(body);
    return Response.json(run, { status: 201, headers: { Location: `/api/runs/${run.id}` } });
  });
}

export async function GET(request: Request) {
  return handle(async () => Response.json(await listRuns(parseRunListQuery(searchParamsObject(request.url)))));
}

// GET /api/calibration: the simulator's learning speed fitted to the team's
// imported runs with a picked epoch (lib/sim/team-calibration), or, with fewer
// than three such runs, { ok: false, reason } saying what is needed. Optional
// `exclude=<run id>` leaves one run out (how its own page compares with the rest).
import { handle, searchParamsObject } from "@/lib/server/http";
import { getTeamCalibration, InputError } from "@/lib/server/runs";

export const dynamic = "force-dynamic";

const RUN_ID = /^[0-9a-z]{1,64}$/;

export async function GET(request: Request) {
  return handle(async () => {
    const { exclude, ...unknown } = searchParamsObject(request.url);
    const extra = Object.keys(unknown);
    if (extra.length > 0) {
      throw new InputError(`Unknown query parameter ${extra[0]}: GET /api/calibration takes only exclude`, Object.fromEntries(extra.map((key) => [key, "unknown parameter"])));
    }
    if (exclude !== undefined && !RUN_ID.test(exclude)) throw new InputError("exclude must be a run id", { exclude: "expected a run id" });
    const calibration = await getTeamCalibration({ excludeRunId: exclude });
    return Response.json(calibration, { headers: { "Cache-Control": "no-store" } });
  });
}

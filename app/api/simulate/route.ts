// POST /api/simulate: settings → the simulated run, nothing stored.
import { handle, readJsonBody } from "@/lib/server/http";
import { InputError } from "@/lib/errors";
import { resolveSettings, SettingsError, simulate } from "@/lib/sim";

export async function POST(request: Request) {
  return handle(async () => {
    const body = await readJsonBody(request);
    try {
      return Response.json(simulate(resolveSettings(body)));
    } catch (error) {
      if (error instanceof SettingsError) throw new InputError(error.message, error.fields);
      throw error;
    }
  });
}

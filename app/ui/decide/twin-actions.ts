"use server";
// Server action behind the twin buttons: create the equal-steps twin of a run,
// then open the compare page with both. Errors come back as a message.
import { SIGN_IN_TO_WRITE, writeAction } from "@/lib/server/auth/write-action";
import "@/lib/zod-config";
import { z } from "zod";
import { openAfterWrite } from "@/lib/server/open-after-write";
import { TWIN_KINDS } from "@/lib/twins";
import { createTwinRun } from "@/lib/twins/create-twin";

export interface TwinActionState {
  message: string | null;
}

const twinFormSchema = z.strictObject({
  runId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "That run id is not valid." }),
  kind: z.enum(TWIN_KINDS, { error: "Choose which twin to create." }),
  batchRule: z.enum(["linear", "sqrt"], { error: "Choose the linear or the square-root rule." }).default("linear"),
});

/** Creates the twin of the run named in the form and redirects to /compare?runs=<run>,<twin>. */
export const createTwinAction = writeAction(
  (_previous: TwinActionState, _formData: FormData): TwinActionState => ({ message: SIGN_IN_TO_WRITE }),
  async (access, _previous: TwinActionState, formData: FormData): Promise<TwinActionState> => {
    const parsed = twinFormSchema.safeParse({
      runId: formData.get("runId"),
      kind: formData.get("kind"),
      batchRule: formData.get("batchRule") ?? undefined,
    });
    if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "The request was not valid." };

    const { runId, kind, batchRule } = parsed.data;
    return openAfterWrite("Creating a twin run", "The twin could not be created; try again.", async () => (await createTwinRun(access, runId, kind, { batchRule })).compareHref);
  },
);

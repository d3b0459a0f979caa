"use server";
// Server action behind "Re-simulate with the current model": checks write
// access itself, stores a new run with the same settings and seed, then opens
// compare with the old run and the new one.
import "@/lib/zod-config";
import { z } from "zod";
import { writeAction } from "@/lib/server/auth/write-action";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { resimulateRun } from "@/lib/server/runs";
import { openAfterWrite } from "@/lib/server/open-after-write";
import { compareRunsHref } from "@/lib/compare/query";

export interface ResimulateState {
  message: string | null;
}

const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "That run id is not valid." });

export const resimulateAction = writeAction(
  (_previous: ResimulateState, _formData: FormData): ResimulateState => ({ message: "This server is write-protected: sign in to re-simulate runs." }),
  resimulate,
);

async function resimulate(access: WriteAccess, _previous: ResimulateState, formData: FormData): Promise<ResimulateState> {
  const runId = runIdSchema.safeParse(formData.get("runId"));
  if (!runId.success) return { message: runId.error.issues[0]?.message ?? "That run id is not valid." };

  return openAfterWrite("Re-simulating a run", "The run could not be re-simulated. Nothing was stored; try again.", async () => {
    const created = await resimulateRun(access, runId.data);
    return compareRunsHref([runId.data, created.id]);
  });
}

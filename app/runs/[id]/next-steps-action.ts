"use server";
// Server action behind "What to do next": recompute the proposal from the
// stored run (never trusting settings sent by the browser), check write access,
// store the new run on the same seed, then open compare with both.
import "@/lib/zod-config";
import { z } from "zod";
import { findNextStep, NEXT_STEP_IDS } from "@/lib/advice";
import { writeAction } from "@/lib/server/auth/write-action";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { createRun, getRun } from "@/lib/server/runs";
import { InputError, NotFoundError } from "@/lib/errors";
import { openAfterWrite } from "@/lib/server/open-after-write";
import { pickSettings, SETTINGS_LIMITS } from "@/lib/sim";
import { compareHref } from "@/lib/twins";

export interface NextStepState {
  message: string | null;
}

const nextStepSchema = z.strictObject({
  runId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "That run id is not valid." }),
  step: z.enum(NEXT_STEP_IDS as [string, ...string[]], { error: "Choose one of the suggestions." }),
});

/** "Run A" + "17 epochs" → "Run A · 17 epochs", cut to the name limit. */
function advisedName(name: string, change: string): string {
  const suffix = ` · ${change}`;
  return `${name.slice(0, SETTINGS_LIMITS.name.max - suffix.length).trim()}${suffix}`;
}

/** Stores the suggested run and opens compare with both; refused (nothing stored) without write access. */
export const createNextStepRunAction = writeAction(
  (_previous: NextStepState, _formData: FormData): NextStepState => ({ message: "This server is write-protected: sign in to create runs." }),
  createNextStepRun,
);

async function createNextStepRun(access: WriteAccess, _previous: NextStepState, formData: FormData): Promise<NextStepState> {
  const parsed = nextStepSchema.safeParse({ runId: formData.get("runId"), step: formData.get("step") });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "The request was not valid." };

  return openAfterWrite("Creating a run from advice", "The new run could not be created; nothing was stored. Try again.", async () => {
    const run = await getRun(parsed.data.runId);
    if (!run) throw new NotFoundError("This run no longer exists.");
    const step = findNextStep({ settings: pickSettings(run), checkpoints: run.checkpoints, recommendedEpoch: run.recommendedEpoch }, parsed.data.step as (typeof NEXT_STEP_IDS)[number]);
    if (!step) throw new InputError("This suggestion no longer applies to the run.");
    const created = await createRun(access, { ...step.settings, name: advisedName(run.name, step.action.replace(/^Try /, "")) }, { notes: `Made from the advice on “${run.name}”: ${step.detail}` });
    return compareHref(run.id, created.id);
  });
}

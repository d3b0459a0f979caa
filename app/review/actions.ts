"use server";
// Server actions of the review across runs: start (or reopen) the review of a
// set of runs, store a vote, and make a run's top-rated checkpoint its pick.
// Each checks write access itself (writeAction): under the write lock only
// signed-in reviewers start reviews and vote.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import "@/lib/zod-config";
import { z } from "zod";
import { writeAction } from "@/lib/server/auth/write-action";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { InputError, NotFoundError, updateRun } from "@/lib/server/runs";
import { castSetVote, getSetRatings, startReviewSet, type StoredSetVote } from "@/lib/server/runs/review-sets";

export type StartState = { message: string | null; signIn?: boolean };
export type SetVoteResult = { ok: true; vote: StoredSetVote } | { ok: false; message: string; signIn?: boolean };
export type SetPickResult = { ok: true; runId: string; pickedEpoch: number } | { ok: false; message: string; signIn?: boolean };

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const startReviewAction = writeAction(
  (_previous: StartState, _form: FormData): StartState => ({ message: "This server is write-protected: sign in to start a review.", signIn: true }),
  async (access: WriteAccess, _previous: StartState, form: FormData): Promise<StartState> => {
    let id: string;
    try {
      const { set } = await startReviewSet(access, { runs: form.getAll("runs").map(String) });
      id = set.id;
    } catch (error) {
      if (error instanceof InputError || error instanceof NotFoundError) return { message: error.message };
      console.error("Starting a review failed:", error);
      return { message: "The review could not be started; try again." };
    }
    redirect(`/review/${id}`);
  },
);

export const setVoteAction = writeAction(
  (_setId: string, _vote: unknown): SetVoteResult => ({ ok: false, message: "This server is write-protected: sign in to vote.", signIn: true }),
  async (access: WriteAccess, setId: string, vote: unknown): Promise<SetVoteResult> => {
    if (!idSchema.safeParse(setId).success) return { ok: false, message: "That review id is not valid." };
    try {
      return { ok: true, vote: await castSetVote(access, setId, vote) };
    } catch (error) {
      if (error instanceof InputError || error instanceof NotFoundError) return { ok: false, message: error.message };
      console.error("Storing a vote failed:", error);
      return { ok: false, message: "The vote could not be saved; try again." };
    }
  },
);

export const pickSetTopAction = writeAction(
  (_setId: string, _runId: string): SetPickResult => ({ ok: false, message: "This server is write-protected: sign in to pick a checkpoint.", signIn: true }),
  async (access: WriteAccess, setId: string, runId: string): Promise<SetPickResult> => {
    if (!idSchema.safeParse(setId).success || !idSchema.safeParse(runId).success) return { ok: false, message: "That id is not valid." };
    try {
      const ratings = await getSetRatings(setId);
      const entry = ratings.runs.find((run) => run.runId === runId);
      if (!entry) return { ok: false, message: "That run is not part of this review." };
      if (entry.topEpoch === null) return { ok: false, message: "No votes on this run yet: there is no top-rated checkpoint to pick." };
      await updateRun(access, runId, { pickedEpoch: entry.topEpoch });
      revalidatePath(`/runs/${runId}`);
      return { ok: true, runId, pickedEpoch: entry.topEpoch };
    } catch (error) {
      if (error instanceof InputError || error instanceof NotFoundError) return { ok: false, message: error.message };
      console.error("Picking the top-rated checkpoint failed:", error);
      return { ok: false, message: "The pick could not be saved; try again." };
    }
  },
);

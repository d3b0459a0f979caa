"use server";
// Server actions of the blind review: store a vote, and make the top-rated
// checkpoint the pick. Each checks write access itself (writeAction): under
// the write lock only signed-in reviewers vote.
import { revalidatePath } from "next/cache";
import "@/lib/zod-config";
import { z } from "zod";
import { writeAction } from "@/lib/server/auth/write-action";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { castVote, getRatings, InputError, NotFoundError, updateRun, type StoredVote } from "@/lib/server/runs";

export type VoteResult = { ok: true; vote: StoredVote } | { ok: false; message: string; signIn?: boolean };
export type PickTopResult = { ok: true; pickedEpoch: number } | { ok: false; message: string; signIn?: boolean };

const SIGN_IN_TO_VOTE = "This server is write-protected: sign in to vote.";
const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const voteAction = writeAction(
  (_runId: string, _vote: unknown): VoteResult => ({ ok: false, message: SIGN_IN_TO_VOTE, signIn: true }),
  async (access: WriteAccess, runId: string, vote: unknown): Promise<VoteResult> => {
    if (!runIdSchema.safeParse(runId).success) return { ok: false, message: "That run id is not valid." };
    try {
      const stored = await castVote(access, runId, vote);
      revalidatePath(`/runs/${runId}`);
      return { ok: true, vote: stored };
    } catch (error) {
      if (error instanceof InputError || error instanceof NotFoundError) return { ok: false, message: error.message };
      console.error("Storing a vote failed:", error);
      return { ok: false, message: "The vote could not be saved; try again." };
    }
  },
);

export const pickTopRatedAction = writeAction(
  (_runId: string): PickTopResult => ({ ok: false, message: "This server is write-protected: sign in to pick a checkpoint.", signIn: true }),
  async (access: WriteAccess, runId: string): Promise<PickTopResult> => {
    if (!runIdSchema.safeParse(runId).success) return { ok: false, message: "That run id is not valid." };
    try {
      const { mostPreferredEpoch } = await getRatings(runId);
      if (mostPreferredEpoch === null) return { ok: false, message: "No votes yet: there is no top-rated checkpoint to pick." };
      await updateRun(access, runId, { pickedEpoch: mostPreferredEpoch });
      revalidatePath(`/runs/${runId}`);
      return { ok: true, pickedEpoch: mostPreferredEpoch };
    } catch (error) {
      if (error instanceof InputError || error instanceof NotFoundError) return { ok: false, message: error.message };
      console.error("Picking the top-rated checkpoint failed:", error);
      return { ok: false, message: "The pick could not be saved; try again." };
    }
  },
);

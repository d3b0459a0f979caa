"use server";
// Server actions behind the run page's tags: each checks write access itself.
import { revalidatePath } from "next/cache";
import { writeAction } from "@/lib/server/auth/write-action";
import type { WriteAccess } from "@/lib/server/auth/write-access";
import { addRunTag, removeRunTag } from "@/lib/server/runs";
import { InputError, NotFoundError } from "@/lib/errors";

export interface TagState {
  tags: string[];
  message: string | null;
}

const SIGN_IN_TO_TAG = "This server is write-protected: sign in to change tags.";

async function change(write: () => Promise<string[]>, previous: TagState, runId: string): Promise<TagState> {
  try {
    const tags = await write();
    revalidatePath(`/runs/${runId}`);
    revalidatePath("/");
    return { tags, message: null };
  } catch (error) {
    if (error instanceof InputError || error instanceof NotFoundError) return { ...previous, message: error.message };
    console.error("Changing tags failed:", error);
    return { ...previous, message: "The tags could not be saved; try again." };
  }
}

export const tagAction = writeAction(
  (previous: TagState, _form: FormData): TagState => ({ ...previous, message: SIGN_IN_TO_TAG }),
  async (access: WriteAccess, previous: TagState, form: FormData): Promise<TagState> => {
    const runId = String(form.get("runId") ?? "");
    const tag = form.get("tag");
    const remove = form.get("intent") === "remove";
    return change(() => (remove ? removeRunTag(access, runId, tag) : addRunTag(access, runId, tag)), previous, runId);
  },
);

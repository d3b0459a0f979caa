// The ending of a server action that stores something and then opens it: the
// runs list revalidated and a redirect on success, the form's message on a
// refusal (4xx) or a failure.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { InputError, NotFoundError } from "@/lib/errors";

/**
 * Runs `write`, which stores and returns the page to open, then opens it.
 * Input and not-found errors come back as their message; anything else is
 * logged as "`what` failed" and answered with `failed`.
 */
export async function openAfterWrite(what: string, failed: string, write: () => Promise<string>): Promise<{ message: string }> {
  let href: string;
  try {
    href = await write();
  } catch (error) {
    if (error instanceof InputError || error instanceof NotFoundError) return { message: error.message };
    console.error(`${what} failed:`, error);
    return { message: failed };
  }
  revalidatePath("/");
  redirect(href);
}

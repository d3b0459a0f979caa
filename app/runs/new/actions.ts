"use server";
// The new-run form's server action: validate with lib/sim's schema, create the
// run (simulate + store), then open its dashboard. Errors come back per field.
// writeAction checks the write lock first: a form posted without JavaScript
// reaches this action directly.
import { redirect } from "next/navigation";
import { SIGN_IN_TO_WRITE, writeAction } from "@/lib/server/auth/write-action";
import { createRun } from "@/lib/server/runs";
import { InputError } from "@/lib/errors";
import { fieldErrorsFrom, settingsInputSchema } from "@/lib/sim/schema";
import { formFieldErrors, formValuesFrom, settingsInputFrom, type FormValues } from "@/lib/form/values";
import { labelFieldErrors } from "@/lib/form/labels";

export interface NewRunState {
  message: string | null;
  errors: Record<string, string>;
  /** The values the errors are about: an error hides once its field changes. */
  submitted: Partial<FormValues>;
}

/** Creates the run the form describes and opens its dashboard; refused (nothing stored) without write access. */
export const createRunAction = writeAction(
  (_previous: NewRunState, formData: FormData): NewRunState => ({ message: SIGN_IN_TO_WRITE, errors: {}, submitted: formValuesFrom(formData) }),
  async (access, _previous: NewRunState, formData: FormData): Promise<NewRunState> => {
    const submitted = formValuesFrom(formData);
    const input = settingsInputFrom(submitted);
    const parsed = settingsInputSchema.safeParse(input);
    if (!parsed.success) {
      return { message: "Some settings need fixing: see the messages by each field.", errors: labelFieldErrors(formFieldErrors(input, parsed.error, fieldErrorsFrom(parsed.error))), submitted };
    }
    let id: string;
    try {
      id = (await createRun(access, parsed.data)).id;
    } catch (error) {
      if (error instanceof InputError) return { message: "Some settings need fixing: see the messages by each field.", errors: labelFieldErrors(error.fields), submitted };
      console.error("Creating a run from the form failed:", error);
      return { message: "The run could not be saved. Nothing was stored; try again.", errors: {}, submitted };
    }
    redirect(`/runs/${id}`);
  },
);

"use client";
// The run's name and notes form, checked with the shared update schema before
// anything is sent (run-details-editor.tsx loads it when editing starts).
import type { FormEvent } from "react";
import { NOTES_MAX_LENGTH, runUpdateSchema } from "@/lib/runs/schemas";
import { SETTINGS_LIMITS } from "@/lib/sim";
import { fieldErrorsFrom } from "@/lib/sim/schema";
import styles from "./dashboard.module.css";
import { Button } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

export interface DetailsDraft {
  name: string;
  notes: string;
}

export interface RunDetailsFormProps {
  draft: DetailsDraft;
  errors: Record<string, string>;
  onDraftChange: (draft: DetailsDraft) => void;
  onInvalid: (errors: Record<string, string>) => void;
  /** Called with the cleaned name and notes once they pass the schema. */
  onSave: (next: DetailsDraft) => void;
  onCancel: () => void;
}

export function RunDetailsForm({ draft, errors, onDraftChange, onInvalid, onSave, onCancel }: RunDetailsFormProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = runUpdateSchema.safeParse({ name: draft.name, notes: draft.notes });
    if (!parsed.success) {
      onInvalid(fieldErrorsFrom(parsed.error));
      return;
    }
    onSave({ name: parsed.data.name ?? draft.name, notes: parsed.data.notes ?? "" });
  }

  return (
    <form className={styles.editForm} onSubmit={submit} noValidate aria-label="Edit name and notes">
      {errors._ && (
        <Alert tone="error" role="alert">
          {errors._}
        </Alert>
      )}
      <label htmlFor="run-name">Name</label>
      <input
        id="run-name"
        value={draft.name}
        maxLength={SETTINGS_LIMITS.name.max}
        onChange={(event) => onDraftChange({ ...draft, name: event.target.value })}
        aria-invalid={errors.name ? true : undefined}
        aria-describedby={errors.name ? "run-name-error" : undefined}
        autoFocus
      />
      {errors.name && (
        <p id="run-name-error" className={`field-error ${styles.fieldError}`}>
          {errors.name}
        </p>
      )}
      <label htmlFor="run-notes">Notes</label>
      <textarea
        id="run-notes"
        rows={4}
        value={draft.notes}
        maxLength={NOTES_MAX_LENGTH}
        onChange={(event) => onDraftChange({ ...draft, notes: event.target.value })}
        aria-invalid={errors.notes ? true : undefined}
        aria-describedby={errors.notes ? "run-notes-error" : undefined}
      />
      {errors.notes && (
        <p id="run-notes-error" className={`field-error ${styles.fieldError}`}>
          {errors.notes}
        </p>
      )}
      <div className={styles.editRow}>
        <Button type="submit" variant="primary" size="small">
          Save
        </Button>
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

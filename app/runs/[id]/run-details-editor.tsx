"use client";
// The run's name (the page heading) and notes, editable in place. Saved
// through PATCH /api/runs/{id}: the new text shows at once; if the save fails
// the old text comes back and the form reopens with the error by its field.
import { useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { NOTES_MAX_LENGTH, runUpdateSchema } from "@/lib/runs/schemas";
import { fieldErrorsFrom, SETTINGS_LIMITS } from "@/lib/sim";
import { patchRun } from "./patch-run";
import styles from "./dashboard.module.css";

export function RunDetailsEditor({ runId, initialName, initialNotes }: { runId: string; initialName: string; initialNotes: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState({ name: initialName, notes: initialNotes });
  const [shown, setShown] = useState(saved);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  const [saving, startTransition] = useTransition();
  const editButton = useRef<HTMLButtonElement>(null);

  function open() {
    setDraft(shown);
    setErrors({});
    setStatus("");
    setEditing(true);
  }

  function close() {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = runUpdateSchema.safeParse({ name: draft.name, notes: draft.notes });
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error));
      return;
    }
    const next = { name: parsed.data.name ?? draft.name, notes: parsed.data.notes ?? "" };
    const previous = saved;
    setShown(next);
    setErrors({});
    setStatus("Saving…");
    close();
    startTransition(async () => {
      const result = await patchRun(runId, next);
      if (result.ok) {
        setSaved({ name: result.run.name, notes: result.run.notes });
        setShown({ name: result.run.name, notes: result.run.notes });
        setStatus("Saved.");
        router.refresh();
      } else {
        setShown(previous);
        setDraft(next);
        setErrors({ ...result.fields, _: `Not saved: ${result.message}` });
        setStatus("");
        setEditing(true);
      }
    });
  }

  return (
    <div className={styles.details}>
      <h1 className={styles.title}>{shown.name}</h1>
      {!editing && (
        <>
          {shown.notes ? <p className={styles.notes}>{shown.notes}</p> : <p className="muted">No notes yet.</p>}
          <div className={styles.editRow}>
            <button ref={editButton} type="button" className="button button-small" onClick={open} disabled={saving}>
              Edit name and notes
            </button>
            <span className="muted" role="status">
              {status}
            </span>
          </div>
        </>
      )}
      {editing && (
        <form className={styles.editForm} onSubmit={submit} noValidate aria-label="Edit name and notes">
          {errors._ && (
            <p className="alert alert-error" role="alert">
              {errors._}
            </p>
          )}
          <label htmlFor="run-name">Name</label>
          <input
            id="run-name"
            value={draft.name}
            maxLength={SETTINGS_LIMITS.name.max}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "run-name-error" : undefined}
            autoFocus
          />
          {errors.name && (
            <p id="run-name-error" className={styles.fieldError}>
              {errors.name}
            </p>
          )}
          <label htmlFor="run-notes">Notes</label>
          <textarea
            id="run-notes"
            rows={4}
            value={draft.notes}
            maxLength={NOTES_MAX_LENGTH}
            onChange={(event) => setDraft({ ...draft, notes: event.target.value })}
            aria-invalid={errors.notes ? true : undefined}
            aria-describedby={errors.notes ? "run-notes-error" : undefined}
          />
          {errors.notes && (
            <p id="run-notes-error" className={styles.fieldError}>
              {errors.notes}
            </p>
          )}
          <div className={styles.editRow}>
            <button type="submit" className="button button-primary button-small">
              Save
            </button>
            <button type="button" className="button button-small" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

"use client";
// The run's name (the page heading) and notes, editable in place. Saved
// through the updateRunAction server action: the new text shows at once; if the save fails
// the old text comes back and the form reopens with the error by its field.
// The form and its validation (the shared zod schema) load when the Edit
// button is first pointed at, focused or pressed, not with the page.
import { useRef, useState, useTransition } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { updateRunAction } from "../run-actions";
import { settle } from "../write-result";
import type { DetailsDraft } from "./run-details-form";
import styles from "./dashboard.module.css";
import { Button } from "@/app/ui/button";

const loadForm = () => import("./run-details-form");
const RunDetailsForm = dynamic(() => loadForm().then((m) => m.RunDetailsForm), { ssr: false, loading: () => <p className="muted">Loading the editor…</p> });

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

  function save(next: DetailsDraft) {
    const previous = saved;
    setShown(next);
    setErrors({});
    setStatus("Saving…");
    close();
    startTransition(async () => {
      const result = await settle(() => updateRunAction(runId, next));
      if (result.ok) {
        setSaved({ name: result.value.name, notes: result.value.notes });
        setShown({ name: result.value.name, notes: result.value.notes });
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
            <Button ref={editButton} size="small" onClick={open} onPointerEnter={() => void loadForm()} onFocus={() => void loadForm()} disabled={saving}>
              Edit name and notes
            </Button>
            <span className="muted" role="status">
              {status}
            </span>
          </div>
        </>
      )}
      {editing && <RunDetailsForm draft={draft} errors={errors} onDraftChange={setDraft} onInvalid={setErrors} onSave={save} onCancel={close} />}
    </div>
  );
}

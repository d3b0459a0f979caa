"use client";
// Delete a run after a confirmation dialog (native <dialog>: focus moves into
// it, Escape cancels, focus returns on close). The run goes through the
// deleteRunAction server action; the list refreshes afterwards and the page's
// status region says what was deleted.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { deleteRunAction } from "@/app/runs/run-actions";
import { settle } from "@/app/runs/write-result";
import { useStatus } from "@/app/ui/status-region";
import styles from "./runs-list.module.css";
import { Button } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

export function DeleteRunButton({ id, name, checkpoints }: { id: string; name: string; checkpoints: number }) {
  const router = useRouter();
  const { announce } = useStatus();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  function confirm() {
    setError(null);
    startTransition(async () => {
      const result = await settle(() => deleteRunAction(id));
      if (!result.ok) {
        setError(`Not deleted: ${result.message}`);
        return;
      }
      dialog.current?.close();
      announce(`Deleted “${name}”.`, { focusHeading: true });
      router.refresh();
    });
  }

  return (
    <>
      <Button
        variant="danger"
        size="small"
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        Delete<span className="visually-hidden"> {name}</span>
      </Button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={titleId}>
        <h2 id={titleId}>Delete “{name}”?</h2>
        <p>
          The run and its {checkpoints} checkpoint{checkpoints === 1 ? "" : "s"} are removed for good. This cannot be undone.
        </p>
        {error && (
          <Alert tone="error" role="alert">
            {error}
          </Alert>
        )}
        <div className={styles.dialogActions}>
          <Button onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <Button className={styles.confirmDelete} onClick={confirm} disabled={busy}>
            {busy ? "Deleting…" : "Delete run"}
          </Button>
        </div>
      </dialog>
    </>
  );
}

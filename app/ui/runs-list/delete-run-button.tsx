"use client";
// Delete a run after a confirmation dialog (native <dialog>: focus moves into
// it, Escape cancels, focus returns on close). The list refreshes afterwards.
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import styles from "./runs-list.module.css";

export function DeleteRunButton({ id, name, checkpoints }: { id: string; name: string; checkpoints: number }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/runs/${encodeURIComponent(id)}`, { method: "DELETE" });
      if (!response.ok && response.status !== 404) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? "The run could not be deleted; try again.");
      }
      dialog.current?.close();
      const status = document.getElementById("runs-status");
      if (status) status.textContent = `Deleted “${name}”.`;
      document.getElementById("runs-heading")?.focus();
      router.refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "The run could not be deleted; try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-small button-danger"
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        Delete<span className="visually-hidden"> {name}</span>
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={titleId}>
        <h2 id={titleId}>Delete “{name}”?</h2>
        <p>
          The run and its {checkpoints} checkpoint{checkpoints === 1 ? "" : "s"} are removed for good. This cannot be undone.
        </p>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <div className={styles.dialogActions}>
          <button type="button" className="button" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
          <button type="button" className={`button ${styles.confirmDelete}`} onClick={confirm} disabled={busy}>
            {busy ? "Deleting…" : "Delete run"}
          </button>
        </div>
      </dialog>
    </>
  );
}

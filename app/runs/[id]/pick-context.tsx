"use client";
// The picked checkpoint of a run, shared by the checkpoint list's Pick buttons,
// the charts' markers and the status line. A pick shows at once (optimistic),
// is saved through the updateRunAction server action, and rolls back with a
// message if the save fails.
import { createContext, useContext, useDeferredValue, useOptimistic, useState, useTransition, type ReactNode } from "react";
import { updateRunAction } from "../run-actions";
import { settle } from "../write-result";
import styles from "./dashboard.module.css";
import { Alert } from "@/app/ui/alert";
import { Button } from "@/app/ui/button";

interface PickState {
  pickedEpoch: number | null;
  recommendedEpoch: number;
  saving: boolean;
  error: string | null;
  announcement: string;
  pick: (epoch: number | null) => void;
}

const PickContext = createContext<PickState | null>(null);

export function usePick(): PickState {
  const state = useContext(PickContext);
  if (!state) throw new Error("usePick must be used inside a PickProvider");
  return state;
}

/**
 * The picked epoch for what only shows it (panels, charts): a deferred copy, so
 * a click repaints its button and the status line first and these follow.
 */
export function useDeferredPick(): number | null {
  return useDeferredValue(usePick().pickedEpoch);
}

export function PickProvider({ runId, initialPickedEpoch, recommendedEpoch, children }: { runId: string; initialPickedEpoch: number | null; recommendedEpoch: number; children: ReactNode }) {
  const [savedEpoch, setSavedEpoch] = useState(initialPickedEpoch);
  const [pickedEpoch, setOptimisticEpoch] = useOptimistic(savedEpoch);
  const [saving, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function pick(epoch: number | null) {
    setError(null);
    const previous = pickedEpoch;
    startTransition(async () => {
      setOptimisticEpoch(epoch);
      const result = await settle(() => updateRunAction(runId, { pickedEpoch: epoch }));
      if (result.ok) {
        startTransition(() => setSavedEpoch(epoch));
        setAnnouncement(epoch === null ? `Epoch ${previous} unpicked.` : `Epoch ${epoch} picked.`);
      } else {
        setError(`${epoch === null ? "Unpicking" : `Picking epoch ${epoch}`} was not saved: ${result.message}`);
        setAnnouncement("");
      }
    });
  }

  return <PickContext.Provider value={{ pickedEpoch, recommendedEpoch, saving, error, announcement, pick }}>{children}</PickContext.Provider>;
}

/** "Recommended: epoch 8 · Picked: epoch 7", the save error if any, and a live announcement for screen readers. */
export function PickStatus() {
  const { pickedEpoch, recommendedEpoch, error, announcement } = usePick();
  return (
    <div className={styles.pickStatus}>
      <p className={styles.pickSummary}>
        <span>
          Recommended: <strong>epoch {recommendedEpoch}</strong>
        </span>
        <span>
          Picked: <strong data-testid="picked-epoch">{pickedEpoch === null ? "none yet" : `epoch ${pickedEpoch}`}</strong>
        </span>
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div role="alert">{error && <Alert tone="error">{error}</Alert>}</div>
    </div>
  );
}

/** A checkpoint's Picked badge and its Pick / Unpick button. */
export function PickControl({ epoch }: { epoch: number }) {
  const { pickedEpoch, saving, pick } = usePick();
  const picked = pickedEpoch === epoch;
  return (
    <>
      {picked && <span className="badge badge-accent">Picked</span>}
      <Button size="small" variant={picked ? undefined : "primary"} aria-pressed={picked} aria-busy={saving || undefined} onClick={() => pick(picked ? null : epoch)}>
        {picked ? "Unpick" : "Pick"}
        <span className="visually-hidden"> epoch {epoch}</span>
      </Button>
    </>
  );
}

"use client";
// "Pick from here": keeps this epoch's checkpoint as the run's pick (the
// updateRunAction server action); pressing it on the picked epoch unpicks it.
// The button shows the new state at once and rolls back with a message if
// the save fails.
import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { updateRunAction } from "@/app/runs/run-actions";
import { settle } from "@/app/runs/write-result";
import { Alert } from "@/app/ui/alert";
import { Button } from "@/app/ui/button";

export function PickEpochButton({ runId, epoch, picked, className }: { runId: string; epoch: number; picked: boolean; className?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [shownPicked, setShownPicked] = useOptimistic(picked);
  const [busy, startTransition] = useTransition();

  function toggle() {
    setError(null);
    startTransition(async () => {
      setShownPicked(!picked);
      const result = await settle(() => updateRunAction(runId, { pickedEpoch: picked ? null : epoch }));
      if (result.ok) router.refresh();
      else setError(`The pick was not saved: ${result.message}`);
    });
  }

  return (
    <div className={className}>
      <Button variant={shownPicked ? undefined : "primary"} aria-pressed={shownPicked} onClick={toggle} disabled={busy}>
        {shownPicked ? `Picked epoch ${epoch} ✓` : `Pick epoch ${epoch}`}
      </Button>
      {error && (
        <Alert tone="error" role="alert" style={{ marginTop: 8 }}>
          {error}
        </Alert>
      )}
    </div>
  );
}

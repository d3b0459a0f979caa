"use client";
// "Pick from here": keeps this epoch's checkpoint as the run's pick (PATCH
// /api/runs/{id}); pressing it on the picked epoch unpicks it.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export function PickEpochButton({ runId, epoch, picked, className }: { runId: string; epoch: number; picked: boolean; className?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/runs/${encodeURIComponent(runId)}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ pickedEpoch: picked ? null : epoch }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? "The pick could not be saved; try again.");
      }
      startTransition(() => router.refresh());
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "The pick could not be saved; try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={className}>
      <button type="button" className={picked ? "button" : "button button-primary"} aria-pressed={picked} onClick={toggle} disabled={busy}>
        {picked ? `Picked epoch ${epoch} ✓` : `Pick epoch ${epoch}`}
      </button>
      {error && (
        <p className="alert alert-error" role="alert" style={{ marginTop: 8 }}>
          {error}
        </p>
      )}
    </div>
  );
}

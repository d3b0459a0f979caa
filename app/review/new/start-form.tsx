"use client";
// The one button that starts a review across runs (or opens the one already started for them).
import Link from "next/link";
import { useActionState } from "react";
import { startReviewAction, type StartState } from "../actions";
import { Alert } from "@/app/ui/alert";
import { Button } from "@/app/ui/button";

export function StartReviewForm({ runIds }: { runIds: string[] }) {
  const [state, action, pending] = useActionState<StartState, FormData>(startReviewAction, { message: null });
  return (
    <form action={action} className="stack">
      {runIds.map((id) => (
        <input key={id} type="hidden" name="runs" value={id} />
      ))}
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          Start the blind review
        </Button>
      </div>
      {state.message && (
        <Alert tone="error" role="alert">
          {state.message} {state.signIn && <Link href="/sign-in">Sign in</Link>}
        </Alert>
      )}
    </form>
  );
}

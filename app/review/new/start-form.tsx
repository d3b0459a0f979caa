"use client";
// The one button that starts a review across runs (or opens the one already started for them).
import Link from "next/link";
import { useActionState } from "react";
import { startReviewAction, type StartState } from "../actions";

export function StartReviewForm({ runIds }: { runIds: string[] }) {
  const [state, action, pending] = useActionState<StartState, FormData>(startReviewAction, { message: null });
  return (
    <form action={action} className="stack">
      {runIds.map((id) => (
        <input key={id} type="hidden" name="runs" value={id} />
      ))}
      <div>
        <button type="submit" className="button button-primary" disabled={pending}>
          Start the blind review
        </button>
      </div>
      {state.message && (
        <p className="alert alert-error" role="alert">
          {state.message} {state.signIn && <Link href="/sign-in">Sign in</Link>}
        </p>
      )}
    </form>
  );
}

"use client";
// A run's tags on its page: each links to the runs list filtered by it, with a
// remove button; a field adds one. Without write access the tags only show.
import Link from "next/link";
import { useActionState } from "react";
import { tagAction, type TagState } from "@/app/runs/[id]/tag-actions";
import styles from "./run-tags.module.css";
import { Button } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

export function RunTags({ runId, initialTags, canWrite }: { runId: string; initialTags: string[]; canWrite: boolean }) {
  const [state, formAction, pending] = useActionState<TagState, FormData>(tagAction, { tags: initialTags, message: null });
  return (
    <div className={styles.tags}>
      <h2 className={styles.heading} id="tags-heading">
        Tags
      </h2>
      {state.tags.length === 0 ? (
        <p className="muted">No tags yet.</p>
      ) : (
        <ul className={styles.list} aria-labelledby="tags-heading">
          {state.tags.map((tag) => (
            <li key={tag} className={styles.tag}>
              <Link href={`/?tag=${encodeURIComponent(tag)}`}>{tag}</Link>
              {canWrite && (
                <form action={formAction}>
                  <input type="hidden" name="runId" value={runId} />
                  <input type="hidden" name="tag" value={tag} />
                  <button type="submit" name="intent" value="remove" className={styles.remove} aria-label={`Remove tag ${tag}`} disabled={pending}>
                    ×
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form action={formAction} className={styles.add}>
          <input type="hidden" name="runId" value={runId} />
          <label htmlFor="new-tag" className="visually-hidden">
            New tag
          </label>
          <input id="new-tag" name="tag" placeholder="client-x, style, v2-dataset" maxLength={40} required aria-describedby={state.message ? "tag-error" : undefined} />
          <Button type="submit" name="intent" value="add" size="small" disabled={pending}>
            Add tag
          </Button>
        </form>
      )}
      {state.message && (
        <Alert id="tag-error" tone="error" role="alert">
          {state.message}
        </Alert>
      )}
    </div>
  );
}

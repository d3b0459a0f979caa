"use client";
// "Save as run" in the playground: a name (blank = made from the settings),
// the run stored through the saveRunAction server action, and a confirmation with a link to it, so
// the learner can keep exploring and open the run when they like.
import { useId, useState, useTransition, type FormEvent } from "react";
import Link from "next/link";
import { saveRunAction } from "@/app/runs/run-actions";
import { settle } from "@/app/runs/write-result";
import { defaultRunName } from "@/lib/sim";
import type { PlaygroundSettings } from "@/lib/playground";
import styles from "./playground.module.css";
import { Button } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

/** Saves the playground's settings as a stored run; `disabled` while a setting is invalid. */
export function SaveRun({ settings, sqrtRule, disabled = false }: { settings: PlaygroundSettings; sqrtRule: boolean; disabled?: boolean }) {
  const id = useId();
  const [name, setName] = useState("");
  const [saving, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const suggested = defaultRunName(settings);

  function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const named = name.trim();
    startTransition(async () => {
      const result = await settle(() => saveRunAction(named ? { ...settings, name: named } : { ...settings }));
      if (result.ok) {
        setSaved(result.value);
        setName("");
        return;
      }
      const fieldMessage = result.fields.name;
      setError(fieldMessage ? `Name: ${fieldMessage.replace(/^name /, "")}` : `The run was not saved: ${result.message}`);
    });
  }

  return (
    <form className={styles.saveRow} onSubmit={save} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.saveTitle}>
        Save as run
      </h3>
      <label htmlFor={`${id}-name`}>Run name</label>
      <input
        id={`${id}-name`}
        type="text"
        value={name}
        maxLength={100}
        autoComplete="off"
        placeholder={suggested}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setName(event.target.value)}
        className={styles.nameInput}
      />
      <p id={`${id}-hint`} className="field-hint">
        Optional: left blank, the run is named “{suggested}”.{sqrtRule ? " Saved runs use the article's linear rule." : ""}
      </p>
      <Button type="submit" variant="primary" disabled={saving || disabled}>
        {saving ? "Saving…" : "Save as run"}
      </Button>
      <div role="status" aria-live="polite">
        {saved && (
          <Alert className={styles.saved}>
            Saved “{saved.name}”. <Link href={`/runs/${saved.id}`}>Open the run</Link>
          </Alert>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

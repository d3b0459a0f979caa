"use client";
// "Save as run" in the playground: a name (blank = made from the settings),
// the run stored through the API, and a confirmation with a link to it, so
// the learner can keep exploring and open the run when they like.
import { useId, useState, type FormEvent } from "react";
import Link from "next/link";
import { defaultRunName } from "@/lib/sim";
import type { PlaygroundSettings } from "@/lib/playground";
import styles from "./playground.module.css";

/** Saves the playground's settings as a stored run; `disabled` while a setting is invalid. */
export function SaveRun({ settings, sqrtRule, disabled = false }: { settings: PlaygroundSettings; sqrtRule: boolean; disabled?: boolean }) {
  const id = useId();
  const [name, setName] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const suggested = defaultRunName(settings);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      const response = await fetch("/api/runs", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(name.trim() ? { ...settings, name: name.trim() } : settings),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        const fieldMessage = body?.error?.fields?.name;
        throw new Error(fieldMessage ? `Name: ${fieldMessage.replace(/^name /, "")}` : (body?.error?.message ?? "The run could not be saved."));
      }
      setSaved({ id: body.id, name: body.name });
      setName("");
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "The run could not be saved.");
    } finally {
      setSaving(false);
    }
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
      <p id={`${id}-hint`} className={styles.hint}>
        Optional: left blank, the run is named “{suggested}”.{sqrtRule ? " Saved runs use the article's linear rule." : ""}
      </p>
      <button type="submit" className="button button-primary" disabled={saving || disabled}>
        {saving ? "Saving…" : "Save as run"}
      </button>
      <div role="status" aria-live="polite">
        {saved && (
          <p className={`alert ${styles.saved}`}>
            Saved “{saved.name}”. <Link href={`/runs/${saved.id}`}>Open the run</Link>
          </p>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className={styles.error} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

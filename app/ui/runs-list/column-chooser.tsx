"use client";
// "Columns": tick the runs table's optional columns on or off. The choice is
// kept in this browser and applied to the table as a data attribute, which
// the stylesheet turns into hidden columns (no re-render of the rows).
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { COLUMNS_STORAGE_KEY, OPTIONAL_COLUMNS, readHiddenColumns, type OptionalColumnKey } from "./columns";
import styles from "./runs-list.module.css";

/** Fired in this tab when the choice changes (the storage event only reaches other tabs). */
const CHANGE_EVENT = "epoch-lab:columns";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

export function ColumnChooser({ targetId }: { targetId: string }) {
  // The stored text is the snapshot (a string compares by value); the server renders the defaults.
  const stored = useSyncExternalStore(subscribe, () => window.localStorage.getItem(COLUMNS_STORAGE_KEY), () => null);
  const hidden = useMemo(() => readHiddenColumns(stored), [stored]);

  useEffect(() => {
    document.getElementById(targetId)?.setAttribute("data-hidden-columns", hidden.join(" "));
  }, [hidden, targetId]);

  function toggle(key: OptionalColumnKey, shown: boolean) {
    const next = shown ? hidden.filter((k) => k !== key) : [...hidden, key];
    window.localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(next));
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }

  return (
    <details className={styles.columnChooser}>
      <summary>Columns</summary>
      <fieldset className={styles.columnList}>
        <legend className="visually-hidden">Columns shown in the runs table</legend>
        {OPTIONAL_COLUMNS.map((column) => (
          <label key={column.key} className={styles.columnOption}>
            <input type="checkbox" checked={!hidden.includes(column.key)} onChange={(event) => toggle(column.key, event.target.checked)} /> {column.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

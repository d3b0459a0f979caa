"use client";
// "Columns": tick the runs table's optional columns on or off. The choice is
// kept in this browser and applied to the table as a data attribute, which
// the stylesheet turns into hidden columns (no re-render of the rows).
import { useEffect } from "react";
import { useStoredState } from "@/app/ui/use-stored-state";
import { COLUMNS_STORAGE_KEY, OPTIONAL_COLUMNS, readHiddenColumns, type OptionalColumnKey } from "./columns";
import styles from "./runs-list.module.css";

export function ColumnChooser({ targetId }: { targetId: string }) {
  // The server renders the defaults; the stored choice applies right after.
  const [hidden, setHidden] = useStoredState(COLUMNS_STORAGE_KEY, readHiddenColumns);

  useEffect(() => {
    document.getElementById(targetId)?.setAttribute("data-hidden-columns", hidden.join(" "));
  }, [hidden, targetId]);

  function toggle(key: OptionalColumnKey, shown: boolean) {
    setHidden((current) => (shown ? current.filter((k) => k !== key) : [...current, key]));
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

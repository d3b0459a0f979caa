"use client";
// A compare column's controls: which epoch it shows, and moving it left or
// right (buttons, or ← / → while one of them has focus). Each change rewrites
// the URL's epochs list; focus follows the moved column.
import { useRouter } from "next/navigation";
import { useEffect, useRef, type KeyboardEvent, type Ref } from "react";
import { moveColumn, replaceEpoch } from "@/lib/compare/epochs";
import { compareEpochsHref } from "@/lib/compare/query";
import styles from "./epochs.module.css";
import { Button } from "@/app/ui/button";

interface Props {
  runId: string;
  epochs: number[];
  index: number;
  epochCount: number;
  /** The epochs a column can show, with their labels, when not every one of 1..epochCount (an imported run's files, before training). */
  choices?: readonly { value: number; label: string }[];
}

// The button to focus once the page shows the moved column: "8:left".
let focusAfterMove: string | null = null;

export function EpochColumnControls({ runId, epochs, index, epochCount, choices }: Props) {
  const router = useRouter();
  const epoch = epochs[index];
  const left = useRef<HTMLButtonElement>(null);
  const right = useRef<HTMLButtonElement>(null);
  const first = index === 0;
  const last = index === epochs.length - 1;
  const options = choices ?? Array.from({ length: epochCount }, (_, i) => ({ value: i + 1, label: String(i + 1) }));
  const name = options.find((option) => option.value === epoch)?.label ?? String(epoch);
  const what = /^\d+$/.test(name) ? `epoch ${name}` : name.toLowerCase();

  useEffect(() => {
    if (focusAfterMove === `${epoch}:left`) left.current?.focus();
    if (focusAfterMove === `${epoch}:right`) right.current?.focus();
    if (focusAfterMove?.startsWith(`${epoch}:`)) focusAfterMove = null;
  }, [epoch, index]);

  function move(offset: -1 | 1, from: "left" | "right") {
    if ((offset === -1 && first) || (offset === 1 && last)) return;
    focusAfterMove = `${epoch}:${from}`;
    router.replace(compareEpochsHref(runId, moveColumn(epochs, index, offset)), { scroll: false });
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, from: "left" | "right") {
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      move(event.key === "ArrowLeft" ? -1 : 1, from);
    }
  }

  return (
    <div className={styles.controls}>
      <MoveButton side="left" what={what} disabled={first} ref={left} onMove={() => move(-1, "left")} onKeyDown={(event) => onKeyDown(event, "left")} />
      <label className={styles.epochSelect}>
        <span className={styles.epochSelectLabel}>Epoch</span>
        <span className="visually-hidden"> shown in column {index + 1}</span>
        <select value={epoch} onChange={(event) => router.replace(compareEpochsHref(runId, replaceEpoch(epochs, index, Number(event.target.value))), { scroll: false })}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <MoveButton side="right" what={what} disabled={last} ref={right} onMove={() => move(1, "right")} onKeyDown={(event) => onKeyDown(event, "right")} />
    </div>
  );
}

/** "← Move" or "Move →": moves the column one place that way (also ← / → while focused); aria-disabled at the end it points to. */
function MoveButton({
  side,
  what,
  disabled,
  ref,
  onMove,
  onKeyDown,
}: {
  side: "left" | "right";
  what: string;
  disabled: boolean;
  ref: Ref<HTMLButtonElement>;
  onMove: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  return (
    <Button
      ref={ref}
      size="small"
      className={styles.moveButton}
      aria-label={`Move ${what} ${side}`}
      title={`Move this column ${side}`}
      aria-disabled={disabled}
      aria-keyshortcuts="ArrowLeft ArrowRight"
      onClick={onMove}
      onKeyDown={onKeyDown}
    >
      <span aria-hidden="true">{side === "left" ? "← Move" : "Move →"}</span>
    </Button>
  );
}

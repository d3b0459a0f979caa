"use client";
// One setting as a native range input with its label, its value in a text box
// (type an exact value) and a one-line hint. Used by the playground and the sweep.
import { useId, useState } from "react";
import { formatControlValue, parseTypedValue, sliderModel, valueAtPosition, type SettingControl } from "@/lib/playground";
import styles from "./setting-slider.module.css";

interface Props {
  control: SettingControl;
  value: number;
  onChange: (value: number) => void;
  disabled?: boolean;
  /** Shown instead of the hint, e.g. "On the x axis". */
  disabledReason?: string;
  /** A problem the whole settings have with this one (a rate the optimizer refuses), shown like a typing error. */
  problem?: string;
}

export function SettingSlider({ control, value, onChange, disabled = false, disabledReason, problem }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const slider = sliderModel(control, value);
  const shownError = error ?? problem ?? null;
  const shown = formatControlValue(control, value);

  function typed(text: string) {
    setDraft(text);
    const parsed = parseTypedValue(control, text);
    if ("value" in parsed) {
      setError(null);
      if (parsed.value !== value) onChange(parsed.value);
    } else setError(parsed.error);
  }

  return (
    <div className={`field ${styles.field}`} data-setting={control.key}>
      <div className={styles.head}>
        <label htmlFor={`${id}-range`}>{control.label}</label>
        <input
          className={styles.value}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          aria-label={`${control.label}, exact value`}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? `${id}-error` : undefined}
          value={draft ?? shown}
          disabled={disabled}
          onChange={(event) => typed(event.target.value)}
          onBlur={() => {
            setDraft(null);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") event.currentTarget.blur();
          }}
        />
      </div>
      <input
        id={`${id}-range`}
        className={styles.range}
        type="range"
        min={slider.min}
        max={slider.max}
        step={slider.step}
        value={slider.position}
        aria-valuetext={shown}
        aria-describedby={`${id}-hint`}
        disabled={disabled}
        onChange={(event) => {
          setDraft(null);
          setError(null);
          onChange(valueAtPosition(control, Number(event.target.value)));
        }}
      />
      <p id={`${id}-hint`} className="field-hint">
        {disabled && disabledReason ? disabledReason : control.hint}
      </p>
      {shownError && (
        <p id={`${id}-error`} className={`field-error ${styles.error}`} role={error ? "alert" : undefined}>
          {shownError}
        </p>
      )}
    </div>
  );
}

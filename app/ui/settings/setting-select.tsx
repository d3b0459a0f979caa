"use client";
// A setting chosen from a list (optimizer, LR scheduler, base model) as a
// native select with its label and the registry's one-line help. Used by the
// playground and the sweep.
import { useId } from "react";
import { SETTINGS, type ChoiceSettingKey } from "@/lib/sim";
import styles from "./setting-slider.module.css";

interface Props {
  settingKey: ChoiceSettingKey;
  value: string;
  onChange: (value: string) => void;
}

export function SettingSelect({ settingKey, value, onChange }: Props) {
  const id = useId();
  const spec = SETTINGS[settingKey];
  return (
    <div className={`field ${styles.field}`} data-setting={settingKey}>
      <div className={styles.head}>
        <label htmlFor={`${id}-select`}>{spec.label}</label>
      </div>
      <select id={`${id}-select`} className={styles.select} value={value} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.value)}>
        {spec.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        {spec.help}
      </p>
    </div>
  );
}

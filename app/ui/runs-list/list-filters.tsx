"use client";
// Search and filters of the runs list. Each change rewrites the URL (search
// and number fields after a short pause), and the server renders the new list.
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type ReactNode } from "react";
import { clearedFilters, hasFilters, LIST_FILTER_KEYS, listHref, type ListParamKey, type ListParams } from "@/lib/runs-list/list-url";
import styles from "./runs-list.module.css";
import { Button } from "@/app/ui/button";

const TYPING_PAUSE_MS = 300;

export interface FilterOption {
  value: number;
  label: string;
}

interface Props {
  params: ListParams;
  /** Learning rates of stored runs, labelled on the server ("1e-4"). */
  learningRates: FilterOption[];
  batchSizes: number[];
  /** Tags in use, with how many runs have each. */
  tags?: { tag: string; runs: number }[];
}

export function ListFilters({ params, learningRates, batchSizes, tags = [] }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState<ListParams>(params);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);

  // Follow the URL when it changes from outside (back, forward, a reset link),
  // but never overwrite the field being typed in.
  useEffect(() => {
    const active = document.activeElement;
    setValues((current) => {
      const next: ListParams = { ...params };
      if (active instanceof HTMLInputElement && form.current?.contains(active)) {
        const key = active.name as ListParamKey;
        next[key] = current[key];
      }
      return next;
    });
  }, [params]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function navigate(next: ListParams) {
    clearTimeout(timer.current);
    const changes = Object.fromEntries(LIST_FILTER_KEYS.map((key) => [key, next[key]?.trim() || undefined]));
    startTransition(() => router.replace(listHref(params, changes), { scroll: false }));
  }

  function change(key: ListParamKey, value: string, { delay = false } = {}) {
    const next = { ...values, [key]: value };
    setValues(next);
    clearTimeout(timer.current);
    if (delay) timer.current = setTimeout(() => navigate(next), TYPING_PAUSE_MS);
    else navigate(next);
  }

  const rateOptions = withCurrent(learningRates, values.learningRate);
  const batchOptions = withCurrent(
    batchSizes.map((size) => ({ value: size, label: String(size) })),
    values.batchSize,
  );

  return (
    <form
      ref={form}
      role="search"
      aria-label="Search and filter runs"
      className={styles.filters}
      action="/"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(values);
      }}
      aria-busy={pending}
    >
      <Field label="Search" wide>
        {(id) => <input id={id} type="search" name="q" placeholder="Name or notes" value={values.q ?? ""} onChange={(event) => change("q", event.target.value, { delay: true })} autoComplete="off" />}
      </Field>
      <Field label="Images from">
        {(id) => (
          <input
            id={id}
            type="number"
            name="imagesMin"
            inputMode="numeric"
            min={1}
            max={1000}
            value={values.imagesMin ?? ""}
            onChange={(event) => change("imagesMin", event.target.value, { delay: true })}
          />
        )}
      </Field>
      <Field label="Images to">
        {(id) => (
          <input
            id={id}
            type="number"
            name="imagesMax"
            inputMode="numeric"
            min={1}
            max={1000}
            value={values.imagesMax ?? ""}
            onChange={(event) => change("imagesMax", event.target.value, { delay: true })}
          />
        )}
      </Field>
      <Field label="LR">
        {(id) => (
          <select id={id} name="learningRate" value={selected(rateOptions, values.learningRate)} onChange={(event) => change("learningRate", event.target.value)}>
            <option value="">Any</option>
            {rateOptions.map((rate) => (
              <option key={rate.value} value={String(rate.value)}>
                {rate.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Batch">
        {(id) => (
          <select id={id} name="batchSize" value={selected(batchOptions, values.batchSize)} onChange={(event) => change("batchSize", event.target.value)}>
            <option value="">Any</option>
            {batchOptions.map((size) => (
              <option key={size.value} value={String(size.value)}>
                {size.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Picked">
        {(id) => (
          <select id={id} name="picked" value={values.picked ?? ""} onChange={(event) => change("picked", event.target.value)}>
            <option value="">Any</option>
            <option value="yes">Picked</option>
            <option value="no">Not picked</option>
          </select>
        )}
      </Field>
      <Field label="Runs">
        {(id) => (
          <select id={id} name="source" value={values.source ?? ""} onChange={(event) => change("source", event.target.value)}>
            <option value="">Real and simulated</option>
            <option value="imported">Real (imported)</option>
            <option value="simulated">Simulated</option>
          </select>
        )}
      </Field>
      <Field label="Last epoch">
        {(id) => (
          <select id={id} name="verdict" value={values.verdict ?? ""} onChange={(event) => change("verdict", event.target.value)}>
            <option value="">Any</option>
            <option value="underfit">Underfit</option>
            <option value="balanced">Balanced</option>
            <option value="overfit">Overfit</option>
          </select>
        )}
      </Field>
      <Field label="Tag">
        {(id) => (
          <select id={id} name="tag" value={values.tag ?? ""} onChange={(event) => change("tag", event.target.value)}>
            <option value="">Any</option>
            {values.tag && !tags.some((entry) => entry.tag === values.tag) && <option value={values.tag}>{values.tag}</option>}
            {tags.map((entry) => (
              <option key={entry.tag} value={entry.tag}>
                {entry.tag} ({entry.runs})
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="visually-hidden" tabIndex={-1}>
        Apply
      </button>
      {hasFilters(values) && (
        <div className={styles.filterActions}>
          <Button
            size="small"
            onClick={() => {
              const cleared = clearedFilters() as ListParams;
              setValues(cleared);
              navigate(cleared);
            }}
          >
            Clear filters
          </Button>
        </div>
      )}
    </form>
  );
}

/** A labelled control; the label points at it by id so the control's name is the label alone (not "Batch Any"). */
function Field({ label, wide, children }: { label: string; wide?: boolean; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={wide ? `field ${styles.field} ${styles.fieldWide}` : `field ${styles.field}`}>
      <label htmlFor={id} className={styles.fieldLabel}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}

const near = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-6;

/** The menu's options plus the URL's value when no stored run has it (so the menu still shows what is applied). */
function withCurrent(options: FilterOption[], current: string | undefined): FilterOption[] {
  const number = current === undefined ? Number.NaN : Number(current);
  if (!Number.isFinite(number) || options.some((option) => near(option.value, number))) return options;
  return [...options, { value: number, label: current! }].sort((a, b) => a.value - b.value);
}

/** The option matching the URL's value, however it was written (1e-4 or 0.0001). */
function selected(options: FilterOption[], current: string | undefined): string {
  const number = current === undefined || current === "" ? Number.NaN : Number(current);
  const match = options.find((option) => near(option.value, number));
  return match ? String(match.value) : "";
}

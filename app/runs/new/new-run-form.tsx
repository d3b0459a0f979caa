"use client";
// The new-run form. Everything live runs in the browser on the same code the
// server uses: lib/sim's schema and simulator, lib/form's steps text and
// warnings. Submitting goes through the createRunAction server action, whose
// field errors show next to their fields until the field changes.
import { EstimatePanel } from "@/app/ui/decide/estimate-panel";
import { useActionState, useDeferredValue, useEffect, useMemo, useState, type ChangeEvent } from "react";
import {
  adviseSettings,
  completeSettings,
  defaultRunName,
  formatLearningRate,
  formatRate,
  learningRateProblem,
  OPTIMIZERS,
  PRODIGY_DEFAULT_LEARNING_RATE,
  simulate,
  SETTINGS,
  SETTINGS_DEFAULTS,
  type Optimizer,
  type SettingKey,
  type Settings,
} from "@/lib/sim";
import { fieldErrorsFrom, settingsInputSchema } from "@/lib/sim/schema";
import { epochZones, metricRows } from "@/lib/charts";
import { describeSteps } from "@/lib/form/steps";
import { warnSettings } from "@/lib/form/warnings";
import { formFieldErrors, initialFormValues, settingsInputFrom, type FormValues } from "@/lib/form/values";
import { labelFieldErrors } from "@/lib/form/labels";
import { clearFormDraft, useFormDraft } from "./use-form-draft";
import { EpochScoresChart } from "@/app/ui/charts/run-charts";
import { createRunAction, type NewRunState } from "./actions";
import { SETTING_ADVICE } from "./setting-advice";
import { CalibratedPrediction } from "@/app/ui/calibration/calibrated-prediction";
import styles from "./new-run.module.css";
import { Button } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

type Kind = "integer" | "rate" | "fraction" | "number" | "text" | "choice";

interface FieldSpec {
  key: SettingKey;
  label: string;
  help: string;
  kind: Kind;
  min?: number;
  max?: number;
  scale?: [string, string];
  options?: readonly { value: string; label: string }[];
}

/** A form field from the settings registry: its label, help, kind and limits; `advice` replaces the help where the form teaches more. */
function field(key: SettingKey, extra: Partial<FieldSpec> = {}): FieldSpec {
  const spec = SETTINGS[key];
  const base: FieldSpec = { key, label: spec.label, help: SETTING_ADVICE[key] ?? spec.help, kind: spec.kind };
  if (spec.kind === "choice") base.options = spec.options;
  else if (spec.kind !== "text" && spec.kind !== "rate" && spec.kind !== "fraction") Object.assign(base, { min: spec.min, max: spec.max });
  return { ...base, ...extra };
}

const DATASET_FIELDS: FieldSpec[] = [
  field("images", { help: "How many images you train on, 1 to 1,000. Required: the article's advice depends on it." }),
  field("captionQuality", { scale: ["no captions", "detailed"] }),
  field("datasetSimilarity", { scale: ["very varied", "near-duplicates"] }),
];

const TRAINING_FIELDS: FieldSpec[] = [field("repeats"), field("epochs"), field("batchSize"), field("learningRate"), field("textEncoderLearningRate")];

const NETWORK_FIELDS: FieldSpec[] = [field("modelFamily"), field("networkDim"), field("networkAlpha"), field("optimizer"), field("lrScheduler"), field("warmupSteps")];

const RUN_FIELDS: FieldSpec[] = [field("name"), field("seed", { help: `${SETTINGS.seed.help} Filled in at random.` })];

/** The fields in the order they appear on the page. */
const FIELD_ORDER: SettingKey[] = [...DATASET_FIELDS, ...TRAINING_FIELDS, ...RUN_FIELDS].map((spec) => spec.key);

const STEP_KEYS = ["images", "repeats", "epochs", "batchSize"] as const;

/** Images, repeats, epochs and batch size when each is valid on its own (absent ones take their defaults), else null. */
function stepFieldsOf(input: Record<string, unknown>): Pick<Settings, (typeof STEP_KEYS)[number]> | null {
  const fields: Partial<Record<(typeof STEP_KEYS)[number], number>> = {};
  for (const key of STEP_KEYS) {
    const value = input[key] ?? (key === "images" ? undefined : SETTINGS_DEFAULTS[key]);
    const parsed = settingsInputSchema.shape[key].safeParse(value);
    if (!parsed.success || parsed.data === undefined) return null;
    fields[key] = parsed.data;
  }
  return fields as Pick<Settings, (typeof STEP_KEYS)[number]>;
}

const INITIAL_STATE: NewRunState = { message: null, errors: {}, submitted: {} };

function formatValue(key: SettingKey, value: number): string {
  if (key === "learningRate") return formatLearningRate(value);
  return key === "textEncoderLearningRate" ? formatRate(value) : String(value);
}

/** Range inputs snap their value to `step`, so a value off the slider's grid (a cloned 0.37) gets a free step. */
const FRACTION_STEP = 0.05;
function fractionStep(value: string): number | "any" {
  const steps = Number(value) / FRACTION_STEP;
  return Math.abs(steps - Math.round(steps)) < 1e-9 ? FRACTION_STEP : "any";
}

export function NewRunForm({ seed, initial: given }: { seed: number; initial?: Partial<FormValues> }) {
  const initial = useMemo(() => initialFormValues(seed, given), [seed, given]);
  const [values, setValues] = useState<FormValues>(initial);
  const [touched, setTouched] = useState<Partial<Record<SettingKey, boolean>>>({});
  const [state, formAction, submitting] = useActionState(createRunAction, INITIAL_STATE);

  const input = useMemo(() => settingsInputFrom(values), [values]);
  const parsed = useMemo(() => settingsInputSchema.safeParse(input), [input]);
  const clientErrors = parsed.success ? {} : labelFieldErrors(formFieldErrors(input, parsed.error, fieldErrorsFrom(parsed.error)));
  useFormDraft(values, initial, setValues);

  // After a refused submit, the first field in error takes the focus, so the
  // keyboard (and a screen reader) lands on what needs fixing.
  useEffect(() => {
    const first = FIELD_ORDER.find((key) => state.errors[key]);
    if (first) document.getElementById(`field-${first}`)?.focus();
  }, [state]);
  const settings: Settings | null = parsed.success ? completeSettings(parsed.data, { seed: () => seed }) : null;
  // The step count needs only its four fields: it stays visible while another field (a warm-up too long for it) is wrong.
  const stepFields = settings ?? stepFieldsOf(input);
  const imagesValid = !clientErrors.images && values.images.trim() !== "";
  const advice = imagesValid ? adviseSettings(Number(values.images)) : null;

  const deferredSettings = useDeferredValue(settings);
  const preview = useMemo(() => (deferredSettings ? simulate(deferredSettings, { lossCurve: false }) : null), [deferredSettings]);
  // Warnings read the same simulation as the preview beside them, so they never contradict it.
  const warnings = deferredSettings && preview ? warnSettings(deferredSettings, { verdicts: preview.checkpoints.map((checkpoint) => checkpoint.verdict) }) : [];

  function errorFor(key: SettingKey): string | undefined {
    if (state.errors[key] && state.submitted[key] === values[key]) return state.errors[key];
    if (touched[key] && values[key].trim() !== "") return clientErrors[key];
    return undefined;
  }

  function update(key: SettingKey, value: string) {
    setValues((current) => {
      const next = { ...current, [key]: value };
      // A new optimizer brings its usual learning rate when the typed one does not fit it (Prodigy takes 1, the others 1e-4).
      if (key === "optimizer" && OPTIMIZERS.includes(value as Optimizer) && learningRateProblem(Number(current.learningRate), value as Optimizer) !== null) {
        next.learningRate = formatValue("learningRate", value === "prodigy" ? PRODIGY_DEFAULT_LEARNING_RATE : SETTINGS_DEFAULTS.learningRate);
      }
      return next;
    });
    setTouched((current) => ({ ...current, [key]: true }));
  }

  function apply(changes: Partial<Record<SettingKey, number>>) {
    setValues((current) => {
      const next = { ...current };
      for (const [key, value] of Object.entries(changes) as [SettingKey, number][]) next[key] = formatValue(key, value);
      return next;
    });
  }

  const adviceApplied =
    advice !== null && settings !== null && settings.learningRate === advice.learningRate.value && settings.repeats === advice.repeats.value && settings.epochs === advice.epochs.value;

  function renderField(spec: FieldSpec) {
    const id = `field-${spec.key}`;
    const error = errorFor(spec.key);
    const describedBy = [`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(" ");
    const common = {
      id,
      name: spec.key,
      value: values[spec.key],
      "aria-describedby": describedBy,
      "aria-invalid": error ? true : undefined,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => update(spec.key, event.target.value),
    };
    return (
      <div className={`field ${styles.field}`} key={spec.key}>
        <label htmlFor={id}>
          {spec.label}
          {spec.key === "images" && <span aria-hidden="true"> *</span>}
        </label>
        {spec.kind === "choice" ? (
          <select {...common} className={styles.select}>
            {spec.options?.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : spec.kind === "fraction" ? (
          <div className={styles.range}>
            <input {...common} type="range" min={0} max={1} step={fractionStep(values[spec.key])} />
            <output htmlFor={id} className={styles.rangeValue}>
              {Number(values[spec.key]).toFixed(2)}
            </output>
            <span className={styles.rangeScale} aria-hidden="true">
              <span>{spec.scale?.[0]}</span>
              <span>{spec.scale?.[1]}</span>
            </span>
          </div>
        ) : (
          <input
            {...common}
            type={spec.kind === "integer" ? "number" : "text"}
            inputMode={spec.kind === "integer" ? "numeric" : spec.kind === "rate" || spec.kind === "number" ? "decimal" : undefined}
            min={spec.min}
            max={spec.max}
            step={spec.kind === "integer" ? 1 : undefined}
            required={spec.key === "images"}
            autoComplete="off"
            spellCheck={spec.kind === "text" ? undefined : false}
            placeholder={spec.key === "name" && settings ? defaultRunName(settings) : spec.key === "images" ? "e.g. 10" : undefined}
            maxLength={spec.key === "name" ? 100 : undefined}
          />
        )}
        <p id={`${id}-help`} className={`field-hint ${styles.help}`}>
          {spec.help}
        </p>
        {error && (
          <p id={`${id}-error`} className={`field-error ${styles.error}`}>
            {error}
          </p>
        )}
      </div>
    );
  }

  return (
    <form action={formAction} noValidate className={`sidebar-layout ${styles.layout}`} onSubmit={() => parsed.success && clearFormDraft()}>
      <div className="stack">
        <fieldset className={`card stack ${styles.fieldset}`}>
          <legend>Dataset</legend>
          {renderField(DATASET_FIELDS[0])}
          <div className={styles.advice} aria-live="polite">
            {advice ? (
              <>
                <h2 className={styles.panelTitle}>The article&apos;s advice for {values.images.trim()} images</h2>
                <ul className={styles.adviceList}>
                  <li>
                    <strong>LR {formatRate(advice.learningRate.value)}</strong> — {advice.learningRate.reason}
                  </li>
                  <li>
                    <strong>{advice.repeats.value} repeats</strong> — {advice.repeats.reason}
                  </li>
                  <li>
                    <strong>{advice.epochs.value} epochs</strong> — {advice.epochs.reason}
                  </li>
                </ul>
                {advice.note && <p className={`field-hint ${styles.help}`}>{advice.note}</p>}
                <Button size="small" onClick={() => apply({ learningRate: advice.learningRate.value, repeats: advice.repeats.value, epochs: advice.epochs.value })} disabled={adviceApplied}>
                  {adviceApplied ? "Advice applied" : "Apply this advice"}
                </Button>
              </>
            ) : (
              <p className={`field-hint ${styles.help}`}>Enter the number of images to see the article&apos;s advice for that size.</p>
            )}
          </div>
          {DATASET_FIELDS.slice(1).map(renderField)}
        </fieldset>
        <fieldset className={`card stack ${styles.fieldset}`}>
          <legend>Training</legend>
          {TRAINING_FIELDS.map(renderField)}
        </fieldset>
        <fieldset className={`card stack ${styles.fieldset}`}>
          <legend>Network, optimizer and schedule</legend>
          {NETWORK_FIELDS.map(renderField)}
        </fieldset>

        <fieldset className={`card stack ${styles.fieldset}`}>
          <legend>Run</legend>
          {RUN_FIELDS.map(renderField)}
        </fieldset>
        <div className={styles.submit}>
          <div role="alert">{state.message && <Alert tone="error">{state.message}</Alert>}</div>
          <Button type="submit" variant="primary" disabled={submitting}>
            {submitting ? "Creating the run…" : "Create run"}
          </Button>
        </div>
      </div>

      <aside className={`stack ${styles.panel}`} aria-label="Live readout">
        <section className="card" aria-labelledby="steps-heading">
          <h2 id="steps-heading" className={styles.panelTitle}>
            Steps
          </h2>
          <p className={styles.steps} aria-live="polite" data-testid="steps-readout">
            {stepFields ? describeSteps(stepFields) : "Enter valid settings to count the steps."}
          </p>
        </section>
        {settings ? (
          <EstimatePanel images={settings.images} repeats={settings.repeats} epochs={settings.epochs} batchSize={settings.batchSize} />
        ) : (
          <section className="card" aria-labelledby="estimate-wait-heading">
            <h2 id="estimate-wait-heading" className={styles.panelTitle}>
              Time and cost on a real GPU
            </h2>
            <p className={`field-hint ${styles.help}`}>The estimate appears once the settings are valid.</p>
          </section>
        )}
        <section className="card" aria-labelledby="warnings-heading">
          <h2 id="warnings-heading" className={styles.panelTitle}>
            Warnings
          </h2>
          <div aria-live="polite">
            {warnings.length === 0 ? (
              <p className={`field-hint ${styles.help}`}>{settings ? "Nothing the article warns about." : "Warnings appear here as you type."}</p>
            ) : (
              <ul className={`plain-list ${styles.warnings}`}>
                {warnings.map((warning) => (
                  <Alert as="li" key={warning.id} tone="warning">
                    <p>{warning.message}</p>
                    <p className={styles.reason}>The article: “{warning.reason}”</p>
                    {warning.fix && (
                      <Button size="small" onClick={() => apply(warning.fix!.values as Partial<Record<SettingKey, number>>)}>
                        {warning.fix.label}
                      </Button>
                    )}
                  </Alert>
                ))}
              </ul>
            )}
          </div>
        </section>
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading" className={styles.panelTitle}>
            Quality preview
          </h2>
          {preview ? (
            <>
              <p className={`field-hint ${styles.help}`}>
                Simulated in your browser, not saved: best at epoch {preview.recommendedEpoch} of {preview.checkpoints.length} (quality{" "}
                {preview.checkpoints[preview.recommendedEpoch - 1].quality.toFixed(2)}); the last epoch is {preview.checkpoints[preview.checkpoints.length - 1].verdict}.
              </p>
              <EpochScoresChart
                rows={metricRows(preview.checkpoints)}
                zones={epochZones(preview.checkpoints)}
                recommendedEpoch={preview.recommendedEpoch}
                pickedEpoch={null}
                height={240}
                label={`Preview of scores per epoch: best at epoch ${preview.recommendedEpoch} of ${preview.checkpoints.length}.`}
              />
            </>
          ) : (
            <p className={`field-hint ${styles.help}`}>The chart of quality per epoch appears once the settings are valid.</p>
          )}
        </section>
        <CalibratedPrediction settings={deferredSettings} />
      </aside>
    </form>
  );
}

"use client";
// The new-run form. Everything live runs in the browser on the same code the
// server uses: lib/sim's schema and simulator, lib/form's steps text and
// warnings. Submitting goes through the createRunAction server action, whose
// field errors show next to their fields until the field changes.
import { EstimatePanel } from "@/app/ui/decide/estimate-panel";
import { useActionState, useDeferredValue, useEffect, useMemo, useState, type ChangeEvent } from "react";
import { adviseSettings, completeSettings, defaultRunName, fieldErrorsFrom, formatRate, settingsInputSchema, simulate, SETTINGS_DEFAULTS, type SettingKey, type Settings } from "@/lib/sim";
import { epochZones, metricRows } from "@/lib/charts";
import { describeSteps } from "@/lib/form/steps";
import { warnSettings } from "@/lib/form/warnings";
import { formFieldErrors, initialFormValues, settingsInputFrom, type FormValues } from "@/lib/form/values";
import { labelFieldErrors } from "@/lib/form/labels";
import { clearFormDraft, useFormDraft } from "./use-form-draft";
import { EpochScoresChart } from "@/app/ui/charts/run-charts";
import { createRunAction, type NewRunState } from "./actions";
import styles from "./new-run.module.css";

type Kind = "integer" | "rate" | "fraction" | "text";

interface FieldSpec {
  key: SettingKey;
  label: string;
  help: string;
  kind: Kind;
  min?: number;
  max?: number;
  scale?: [string, string];
}

const DATASET_FIELDS: FieldSpec[] = [
  { key: "images", label: "Training images", help: "How many images you train on, 1 to 1,000. Required: the article's advice depends on it.", kind: "integer", min: 1, max: 1000 },
  {
    key: "captionQuality",
    label: "Caption quality",
    help: `0 no captions · 0.3 vague auto-captions · 0.7 clean · 1 detailed and consistent. Default ${SETTINGS_DEFAULTS.captionQuality}.`,
    kind: "fraction",
    scale: ["no captions", "detailed"],
  },
  {
    key: "datasetSimilarity",
    label: "Dataset similarity",
    help: `0 very varied images · 1 near-duplicates or one very strong style (learned sooner, less flexible). Default ${SETTINGS_DEFAULTS.datasetSimilarity}.`,
    kind: "fraction",
    scale: ["very varied", "near-duplicates"],
  },
];

const TRAINING_FIELDS: FieldSpec[] = [
  { key: "repeats", label: "Repeats", help: `Times each image is shown per epoch, 1 to 100. Default ${SETTINGS_DEFAULTS.repeats}.`, kind: "integer", min: 1, max: 100 },
  { key: "epochs", label: "Epochs", help: `Full passes over the images, 1 to 100; a checkpoint is saved after each. Default ${SETTINGS_DEFAULTS.epochs}.`, kind: "integer", min: 1, max: 100 },
  { key: "batchSize", label: "Batch size", help: `Images per optimisation step, 1 to 32. Default ${SETTINGS_DEFAULTS.batchSize}, the most stable.`, kind: "integer", min: 1, max: 32 },
  {
    key: "learningRate",
    label: "Learning rate",
    help: `The U-Net's learning speed, above 0 and at most 0.01: higher learns faster but overfits sooner. Default ${formatRate(SETTINGS_DEFAULTS.learningRate)}.`,
    kind: "rate",
  },
  {
    key: "textEncoderLearningRate",
    label: "Text-encoder learning rate",
    help: `How strongly the link between caption words and images is learned, 0 (frozen) to 0.001. Default ${formatRate(SETTINGS_DEFAULTS.textEncoderLearningRate)}.`,
    kind: "rate",
  },
];

const RUN_FIELDS: FieldSpec[] = [
  { key: "name", label: "Name", help: "Optional, up to 100 characters. Left blank, it is made from the settings.", kind: "text" },
  { key: "seed", label: "Seed", help: "Noise seed, 0 to 2147483647: same settings and seed give the same run. Filled in at random.", kind: "integer", min: 0, max: 2 ** 31 - 1 },
];

/** The fields in the order they appear on the page. */
const FIELD_ORDER: SettingKey[] = [...DATASET_FIELDS, ...TRAINING_FIELDS, ...RUN_FIELDS].map((spec) => spec.key);

const INITIAL_STATE: NewRunState = { message: null, errors: {}, submitted: {} };

function formatValue(key: SettingKey, value: number): string {
  return key === "learningRate" || key === "textEncoderLearningRate" ? formatRate(value) : String(value);
}

export function NewRunForm({ seed }: { seed: number }) {
  const initial = useMemo(() => initialFormValues(seed), [seed]);
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
    setValues((current) => ({ ...current, [key]: value }));
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
    advice !== null &&
    settings !== null &&
    settings.learningRate === advice.learningRate.value &&
    settings.repeats === advice.repeats.value &&
    settings.epochs === advice.epochs.value;

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
      onChange: (event: ChangeEvent<HTMLInputElement>) => update(spec.key, event.target.value),
    };
    return (
      <div className={styles.field} key={spec.key}>
        <label htmlFor={id}>
          {spec.label}
          {spec.key === "images" && <span aria-hidden="true"> *</span>}
        </label>
        {spec.kind === "fraction" ? (
          <div className={styles.range}>
            <input {...common} type="range" min={0} max={1} step={0.05} />
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
            inputMode={spec.kind === "integer" ? "numeric" : spec.kind === "rate" ? "decimal" : undefined}
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
        <p id={`${id}-help`} className={styles.help}>
          {spec.help}
        </p>
        {error && (
          <p id={`${id}-error`} className={styles.error}>
            {error}
          </p>
        )}
      </div>
    );
  }

  return (
    <form action={formAction} noValidate className={styles.layout} onSubmit={() => parsed.success && clearFormDraft()}>
      <div className={styles.fields}>
        <fieldset className={`card ${styles.fieldset}`}>
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
                {advice.note && <p className={styles.help}>{advice.note}</p>}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => apply({ learningRate: advice.learningRate.value, repeats: advice.repeats.value, epochs: advice.epochs.value })}
                  disabled={adviceApplied}
                >
                  {adviceApplied ? "Advice applied" : "Apply this advice"}
                </button>
              </>
            ) : (
              <p className={styles.help}>Enter the number of images to see the article&apos;s advice for that size.</p>
            )}
          </div>
          {DATASET_FIELDS.slice(1).map(renderField)}
        </fieldset>
        <fieldset className={`card ${styles.fieldset}`}>
          <legend>Training</legend>
          {TRAINING_FIELDS.map(renderField)}
        </fieldset>
        <fieldset className={`card ${styles.fieldset}`}>
          <legend>Run</legend>
          {RUN_FIELDS.map(renderField)}
        </fieldset>
        <div className={styles.submit}>
          <div role="alert">{state.message && <p className="alert alert-error">{state.message}</p>}</div>
          <button type="submit" className="button button-primary" disabled={submitting}>
            {submitting ? "Creating the run…" : "Create run"}
          </button>
        </div>
      </div>

      <aside className={styles.panel} aria-label="Live readout">
        <section className="card" aria-labelledby="steps-heading">
          <h2 id="steps-heading" className={styles.panelTitle}>
            Steps
          </h2>
          <p className={styles.steps} aria-live="polite" data-testid="steps-readout">
            {settings ? describeSteps(settings) : "Enter valid settings to count the steps."}
          </p>
        </section>
        {settings ? (
          <EstimatePanel images={settings.images} repeats={settings.repeats} epochs={settings.epochs} batchSize={settings.batchSize} />
        ) : (
          <section className="card" aria-labelledby="estimate-wait-heading">
            <h2 id="estimate-wait-heading" className={styles.panelTitle}>
              Time and cost on a real GPU
            </h2>
            <p className={styles.help}>The estimate appears once the settings are valid.</p>
          </section>
        )}
        <section className="card" aria-labelledby="warnings-heading">
          <h2 id="warnings-heading" className={styles.panelTitle}>
            Warnings
          </h2>
          <div aria-live="polite">
            {warnings.length === 0 ? (
              <p className={styles.help}>{settings ? "Nothing the article warns about." : "Warnings appear here as you type."}</p>
            ) : (
              <ul className={styles.warnings}>
                {warnings.map((warning) => (
                  <li key={warning.id} className="alert alert-warning">
                    <p>{warning.message}</p>
                    <p className={styles.reason}>The article: “{warning.reason}”</p>
                    {warning.fix && (
                      <button type="button" className="button button-small" onClick={() => apply(warning.fix!.values as Partial<Record<SettingKey, number>>)}>
                        {warning.fix.label}
                      </button>
                    )}
                  </li>
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
              <p className={styles.help}>
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
            <p className={styles.help}>The chart of quality per epoch appears once the settings are valid.</p>
          )}
        </section>
      </aside>
    </form>
  );
}

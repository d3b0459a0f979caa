"use client";
// Time and cost of the settings being edited, on a real GPU: pick a model
// family and GPU, edit the hourly price (remembered), see the estimate, its
// source, and what batch 2, ±2 epochs or fewer repeats would change.
import { useId, useMemo, useState } from "react";
import { formatInteger } from "@/lib/format";
import {
  compareEstimates,
  defaultPricePerHour,
  estimateRun,
  familyLabel,
  findStepTime,
  formatCost,
  formatCostDelta,
  formatDuration,
  formatDurationDelta,
  formatStepTime,
  gpuWithArticle,
  gpusForFamily,
  MODEL_FAMILIES,
  whatIfs,
  type GpuId,
  type ModelFamilyId,
  type RunEstimate,
  type TrainingShape,
} from "@/lib/estimate";
import { PRICE_MAX, useEstimatePrefs } from "./estimate-prefs";
import styles from "./estimate-panel.module.css";
import { Button } from "@/app/ui/button";
import { ScrollRegion } from "@/app/ui/scroll-region";

export interface EstimatePanelProps extends TrainingShape {
  /** Preview images rendered after each epoch (default 4). */
  samplesPerEpoch?: number;
  /** Heading level of the panel's title, to fit the page's outline (default 2). */
  headingLevel?: 2 | 3;
}

/** Estimates a run at the given shape with the remembered GPU and price; null while the shape is not valid (mid-edit). */
function tryEstimate(settings: TrainingShape, family: ModelFamilyId, gpu: GpuId, pricePerHour: number, samplesPerEpoch?: number): RunEstimate | null {
  const row = findStepTime(family, gpu, settings.batchSize);
  if (!row) return null;
  try {
    return estimateRun({ settings, stepTimeId: row.id, pricePerHour, samplesPerEpoch });
  } catch {
    return null;
  }
}

export function EstimatePanel({ images, repeats, epochs, batchSize, samplesPerEpoch, headingLevel = 2 }: EstimatePanelProps) {
  const id = useId();
  const [prefs, setPrefs] = useEstimatePrefs();
  const [priceDraft, setPriceDraft] = useState<string | null>(null);
  const { family, gpu, pricePerHour } = prefs;
  const settings = useMemo(() => ({ images, repeats, epochs, batchSize }), [images, repeats, epochs, batchSize]);
  const estimate = useMemo(() => tryEstimate(settings, family, gpu, pricePerHour, samplesPerEpoch), [settings, family, gpu, pricePerHour, samplesPerEpoch]);
  const variants = useMemo(() => {
    if (!estimate) return [];
    return whatIfs(settings).flatMap((whatIf) => {
      const variant = tryEstimate(whatIf.settings, family, gpu, pricePerHour, samplesPerEpoch);
      return variant ? [{ ...whatIf, estimate: variant, comparison: compareEstimates(estimate, variant) }] : [];
    });
  }, [estimate, settings, family, gpu, pricePerHour, samplesPerEpoch]);

  const Heading = headingLevel === 2 ? "h2" : "h3";
  const gpus = gpusForFamily(family);
  const defaultPrice = defaultPricePerHour(gpu);
  const priceError = priceDraft !== null && !isValidPrice(priceDraft);

  function onPriceChange(text: string) {
    setPriceDraft(text);
    if (isValidPrice(text)) setPrefs({ prices: { ...prefs.prices, [gpu]: Number(text) } });
  }

  function onFamilyChange(next: ModelFamilyId) {
    const measured = gpusForFamily(next);
    setPrefs({ family: next, gpu: measured.some((g) => g.id === gpu) ? gpu : measured[0].id });
    setPriceDraft(null);
  }

  const row = estimate?.stepTime;
  return (
    <section className="card panel" aria-labelledby={`${id}-title`} data-testid="estimate-panel">
      <Heading id={`${id}-title`} className="panel-title">
        Time and cost on a real GPU
      </Heading>
      <div className={styles.controls}>
        <ChoiceField id={`${id}-family`} label="Model" value={family} options={MODEL_FAMILIES} onChange={onFamilyChange} />
        <ChoiceField
          id={`${id}-gpu`}
          label="GPU"
          value={gpu}
          options={gpus}
          onChange={(next) => {
            setPrefs({ gpu: next });
            setPriceDraft(null);
          }}
        />
        <div className={`field ${styles.field}`}>
          <label htmlFor={`${id}-price`}>Price per hour (USD)</label>
          <div className={styles.priceRow}>
            <input
              id={`${id}-price`}
              className={styles.price}
              type="number"
              inputMode="decimal"
              min={0}
              max={PRICE_MAX}
              step={0.01}
              value={priceDraft ?? String(pricePerHour)}
              onChange={(event) => onPriceChange(event.target.value)}
              onBlur={() => setPriceDraft(null)}
              // Inside a page's form (the new-run form), Enter here must not submit it.
              onKeyDown={(event) => {
                if (event.key === "Enter") event.preventDefault();
              }}
              aria-invalid={priceError || undefined}
              aria-describedby={`${id}-price-help`}
            />
            {pricePerHour !== defaultPrice && (
              <Button
                size="small"
                onClick={() => {
                  const { [gpu]: _removed, ...rest } = prefs.prices;
                  setPrefs({ prices: rest });
                  setPriceDraft(null);
                }}
              >
                Reset to ${defaultPrice.toFixed(2)}
              </Button>
            )}
          </div>
          <p id={`${id}-price-help`} className={`field-hint ${styles.help}`}>
            {priceError ? `Enter a price from 0 to ${PRICE_MAX}.` : "An editable default, remembered in this browser; not a quote."}
          </p>
        </div>
      </div>

      {estimate && row ? (
        <>
          <p className={styles.headline} aria-live="polite" data-testid="estimate-headline">
            <strong>
              {familyLabel(row.modelFamily)} on {gpuWithArticle(row.gpu)}: ~{formatStepTime(estimate.secondsPerStep)} → {formatInteger(estimate.totalSteps)} steps ≈{" "}
              {formatDuration(estimate.trainingSeconds)}
            </strong>{" "}
            · ≈ {formatDuration(estimate.totalSeconds)} with saving and sampling · ≈ {formatCost(estimate.cost)}
          </p>
          <dl className={`stat-list stat-tiles ${styles.breakdown}`}>
            <div>
              <dt>Training</dt>
              <dd>
                {formatDuration(estimate.trainingSeconds)}
                <span className={styles.sub}>
                  {formatInteger(estimate.totalSteps)} steps × {Number(estimate.secondsPerStep.toPrecision(3))} s
                </span>
              </dd>
            </div>
            <div>
              <dt>Saving and sampling</dt>
              <dd>
                {formatDuration(estimate.overheadSeconds)}
                <span className={styles.sub}>
                  {epochs} × {formatDuration(estimate.overheadPerEpochSeconds)} per epoch
                </span>
              </dd>
            </div>
            <div>
              <dt>Total</dt>
              <dd>
                {formatDuration(estimate.totalSeconds)}
                {estimate.range && (
                  <span className={styles.sub}>
                    {formatDuration(estimate.range.lowSeconds)}–{formatDuration(estimate.range.highSeconds)}
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>Cost</dt>
              <dd>
                {formatCost(estimate.cost)}
                <span className={styles.sub}>at {formatCost(pricePerHour)}/h</span>
              </dd>
            </div>
          </dl>
          <p className={styles.source}>
            Step time: {row.reported}
            {row.resolution ? ` at ${row.resolution} px` : ""}, batch {row.batch}, from{" "}
            <a href={row.sourceUrl} rel="noreferrer noopener" target="_blank">
              {row.source}
            </a>
            {row.note ? ` (${row.note})` : ""}. {batchSize !== row.batch && `Scaled to batch ${batchSize}: each doubling of the batch processes about 1.25× the images per second, not 2×. `}
            Each epoch adds a checkpoint save and {samplesPerEpoch ?? 4} preview images.
          </p>

          {variants.length > 0 && (
            <div className={styles.whatIf}>
              <Heading className={styles.subtitle} id={`${id}-whatif`}>
                What if…
              </Heading>
              <ScrollRegion labelledBy={`${id}-whatif`}>
                <table className={`data ${styles.table}`} aria-labelledby={`${id}-whatif`}>
                  <thead>
                    <tr>
                      <th scope="col">Change</th>
                      <th scope="col" className="num">
                        Time
                      </th>
                      <th scope="col" className="num">
                        Cost
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {variants.map((variant) => (
                      <tr key={variant.id} data-testid={`what-if-${variant.id}`}>
                        <th scope="row">
                          {variant.label}
                          <span className={styles.sub}>{formatInteger(variant.estimate.totalSteps)} steps</span>
                        </th>
                        <td className="num">
                          {formatDuration(variant.estimate.totalSeconds)}{" "}
                          <span className={`${styles.delta} ${styles[variant.comparison.direction]}`}>({formatDurationDelta(variant.comparison.secondsDelta)})</span>
                        </td>
                        <td className="num">
                          {formatCost(variant.estimate.cost)} <span className={`${styles.delta} ${styles[variant.comparison.direction]}`}>({formatCostDelta(variant.comparison.costDelta)})</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </div>
          )}
        </>
      ) : (
        <p className="muted" aria-live="polite">
          Enter valid images, repeats, epochs and batch size to see an estimate.
        </p>
      )}
    </section>
  );
}

function isValidPrice(text: string): boolean {
  if (text.trim() === "") return false;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= PRICE_MAX;
}

/** A labelled menu of the panel's controls: the model family or the GPU. */
function ChoiceField<Id extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: Id;
  options: readonly { id: Id; label: string }[];
  onChange: (value: Id) => void;
}) {
  return (
    <div className={`field ${styles.field}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as Id)}>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

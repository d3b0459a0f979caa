"use client";
// Buttons that create a run's equal-steps twin (same total steps, repeats
// traded for epochs or batch traded for LR) and open the two in compare.
// Each shows what the twin would be before it is created.
import { useActionState, useId, useMemo, useState, type ReactNode } from "react";
import Link from "next/link";
import { formatInteger } from "@/lib/format";
import { countSteps, formatRate, type BatchRule, type Settings } from "@/lib/sim";
import { equalStepsTwin, type TwinKind } from "@/lib/twins";
import { createTwinAction, type TwinActionState } from "./twin-actions";
import styles from "./twin-actions-panel.module.css";
import { Button } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

export interface TwinActionsProps {
  runId: string;
  settings: Settings;
  /** False on a write-protected server without sign-in: the buttons are disabled with a sign-in link. */
  canWrite?: boolean;
  /** Heading level of the panel's title (default 2). */
  headingLevel?: 2 | 3;
}

const INITIAL: TwinActionState = { message: null };

export function TwinActions({ runId, settings, canWrite = true, headingLevel = 2 }: TwinActionsProps) {
  const id = useId();
  const [batchRule, setBatchRule] = useState<BatchRule>("linear");
  const [state, formAction, pending] = useActionState(createTwinAction, INITIAL);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  // What both options take: the run, the one action they post to, and their titles' level below the panel's.
  const shared = { runId, settings, formAction, pending, canWrite, titleLevel: headingLevel === 2 ? (3 as const) : (4 as const) };

  return (
    <section className="card panel" aria-labelledby={`${id}-title`} data-testid="twin-actions">
      <Heading id={`${id}-title`} className="panel-title">
        Equal-steps twin
      </Heading>
      <p className={styles.intro}>Create a second run with exactly the same {formatInteger(countSteps(settings).totalSteps)} steps, changing one trade-off, and compare the two.</p>
      {!canWrite && (
        <Alert tone="warning">
          This server is write-protected: <Link href="/sign-in">sign in</Link> to create twins.
        </Alert>
      )}
      <div className={styles.options}>
        <TwinOption {...shared} kind="repeats-for-epochs" title="Trade repeats for epochs" summary="More, finer checkpoints to choose from." />
        <TwinOption {...shared} kind="batch-for-lr" batchRule={batchRule} title="Trade batch for learning rate" summary="A bigger batch with the learning rate raised to match.">
          <fieldset className={styles.rule}>
            <legend>Learning-rate rule</legend>
            <label>
              <input type="radio" name={`${id}-rule`} value="linear" checked={batchRule === "linear"} onChange={() => setBatchRule("linear")} /> Linear: LR × batch factor (the article)
            </label>
            <label>
              <input type="radio" name={`${id}-rule`} value="sqrt" checked={batchRule === "sqrt"} onChange={() => setBatchRule("sqrt")} /> Square root: LR × √factor (fits Adam measurements better)
            </label>
          </fieldset>
        </TwinOption>
      </div>
      {state.message && (
        <Alert tone="error" role="alert">
          {state.message}
        </Alert>
      )}
    </section>
  );
}

interface TwinOptionProps {
  runId: string;
  settings: Settings;
  kind: TwinKind;
  batchRule?: BatchRule;
  title: string;
  summary: string;
  formAction: (formData: FormData) => void;
  pending: boolean;
  canWrite: boolean;
  children?: ReactNode;
  titleLevel: 3 | 4;
}

function TwinOption({ runId, settings, kind, batchRule, title, summary, formAction, pending, canWrite, children, titleLevel }: TwinOptionProps) {
  const id = useId();
  const Title = titleLevel === 3 ? "h3" : "h4";
  const twin = useMemo(() => equalStepsTwin(settings, kind, { batchRule }), [settings, kind, batchRule]);
  return (
    <form action={formAction} className={styles.option} aria-labelledby={`${id}-title`}>
      <Title id={`${id}-title`} className={styles.optionTitle}>
        {title}
      </Title>
      <p className={styles.summary}>{summary}</p>
      {children}
      <input type="hidden" name="runId" value={runId} />
      <input type="hidden" name="kind" value={kind} />
      {batchRule && <input type="hidden" name="batchRule" value={batchRule} />}
      {twin.ok ? (
        <>
          <p className={styles.preview}>
            <strong>
              {twin.settings.repeats} repeats × {twin.settings.epochs} epochs · batch {twin.settings.batchSize} · LR {formatRate(twin.settings.learningRate)}
            </strong>
          </p>
          <p className={styles.explanation} id={`${id}-explanation`}>
            {twin.explanation}
          </p>
        </>
      ) : (
        <p className={styles.explanation} id={`${id}-explanation`}>
          {twin.reason}
          {twin.nearest &&
            ` The nearest option, ${twin.nearest.settings.repeats} repeats × ${twin.nearest.settings.epochs} epochs at batch ${twin.nearest.settings.batchSize}, has ${formatInteger(twin.nearest.totalSteps)} steps.`}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={!twin.ok || pending || !canWrite} aria-describedby={`${id}-explanation`}>
        {pending ? "Creating…" : "Create twin and compare"}
      </Button>
    </form>
  );
}

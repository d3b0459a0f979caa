"use client";
// Which simulator model produced the run, and for runs of an older model a
// button that stores a fresh run with the same settings and seed.
import Link from "next/link";
import { useActionState } from "react";
import { resimulateAction, type ResimulateState } from "./resimulate-action";
import styles from "./dashboard.module.css";
import { Button } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

const INITIAL: ResimulateState = { message: null };

export interface SimulatorVersionProps {
  runId: string;
  version: number;
  currentVersion: number;
  canWrite: boolean;
}

export function SimulatorVersion({ runId, version, currentVersion, canWrite }: SimulatorVersionProps) {
  const [state, formAction, pending] = useActionState(resimulateAction, INITIAL);
  if (version >= currentVersion) {
    return (
      <p className="muted" data-testid="simulator-version">
        Simulated by the current model, simulator {version}.
      </p>
    );
  }
  return (
    <Alert as="div" tone="warning" className={styles.versionNotice} data-testid="simulator-version">
      <p>
        Simulated by simulator {version}, an older model than the current one (simulator {currentVersion}). Its numbers stay as they were computed; re-simulating stores a new run with the same
        settings and seed and opens the two side by side.
      </p>
      {canWrite ? (
        <form action={formAction}>
          <input type="hidden" name="runId" value={runId} />
          <Button type="submit" size="small" disabled={pending}>
            {pending ? "Re-simulating…" : "Re-simulate with the current model"}
          </Button>
        </form>
      ) : (
        <p>
          This server is write-protected: <Link href="/sign-in">sign in</Link> to re-simulate.
        </p>
      )}
      <div role="alert">{state.message && <p className={`field-error ${styles.fieldError}`}>{state.message}</p>}</div>
    </Alert>
  );
}

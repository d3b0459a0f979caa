"use client";
// A full-size viewer for the sample previews, opened from any link carrying
// data-sample-view="<runId>:<epoch>:<promptId>" on the page (the links work
// without JavaScript too: the server page reads ?view= and opens it on load).
// ←/→ prompt, ↑/↓ previous/next epoch (0 = untrained baseline, or a real
// run's samples before training), Tab/Shift+Tab the same prompt and epoch in
// the next/previous run of the set, Esc closes and gives focus back. The open
// view is mirrored into the URL. Simulated runs are drawn from their metrics;
// imported runs show the trainer's own images.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { baselineCheckpoint, SAMPLE_PROMPTS, type PreviewMetrics } from "@/lib/preview";
import { SamplePreview } from "@/app/ui/sample-preview";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { formatSampleView, parseSampleView, searchWithView, viewTargetOf, VIEW_PARAM, type SampleView } from "./view-param";
import styles from "./sample-viewer.module.css";
import { Button } from "@/app/ui/button";

export interface SimulatedViewerRun {
  kind?: "simulated";
  id: string;
  name: string;
  seed: number;
  /** One per epoch, epoch 1 first. */
  checkpoints: PreviewMetrics[];
}

/** One of a real run's images: the trainer's render of a prompt at an epoch (0 = before training). */
export interface RealViewerSample {
  epoch: number;
  promptId: string;
  url: string;
  width: number;
  height: number;
}

/** An imported run: the epochs it has samples for, its own prompts and their images. */
export interface RealViewerRun {
  kind: "real";
  id: string;
  name: string;
  /** The run's last epoch. */
  lastEpoch: number;
  /** Epochs with samples, ascending (0 when the trainer sampled before training). */
  epochs: number[];
  prompts: { id: string; text: string }[];
  samples: RealViewerSample[];
}

export type ViewerRun = SimulatedViewerRun | RealViewerRun;

const SIMULATED_PROMPTS = SAMPLE_PROMPTS.map((prompt) => ({ id: prompt.id, text: prompt.text }));

function promptsOf(run: ViewerRun): { id: string; text: string }[] {
  return run.kind === "real" ? run.prompts : SIMULATED_PROMPTS;
}

function epochsOf(run: ViewerRun): number[] {
  return run.kind === "real" ? run.epochs : Array.from({ length: run.checkpoints.length + 1 }, (_, epoch) => epoch);
}

/** The epoch of `epochs` nearest to `epoch` (the earlier one on a tie). */
function nearestEpoch(epochs: readonly number[], epoch: number): number {
  return epochs.reduce((best, candidate) => (Math.abs(candidate - epoch) < Math.abs(best - epoch) ? candidate : best), epochs[0] ?? 0);
}

export interface SampleViewerProps {
  /** The set Tab moves through: the compared runs, or the one run of a dashboard. */
  runs: ViewerRun[];
  /** The view named by the URL on load (already checked by parseSampleView). */
  initialView: SampleView | null;
  /** The link that opened the initial view, when the viewer was loaded by a click on it: focus goes back there on close. */
  returnFocusTo?: HTMLElement | null;
  /** True when the click that loaded the viewer already added its history entry (Back then closes it). */
  ownsHistoryEntry?: boolean;
}

export function SampleViewer({ runs, initialView, returnFocusTo = null, ownsHistoryEntry = false }: SampleViewerProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(returnFocusTo);
  const [view, setView] = useState<SampleView | null>(initialView);
  const runsMeta = useMemo(() => runs.map(viewTargetOf), [runs]);
  // True while the open viewer has a history entry of its own: the browser's Back closes it.
  const ownEntry = useRef(ownsHistoryEntry);

  // Any sample link on the page opens the viewer in place instead of reloading.
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[data-sample-view]");
      if (!(link instanceof HTMLElement)) return;
      const parsed = parseSampleView(link.dataset.sampleView, runsMeta);
      if (!parsed) return;
      event.preventDefault();
      returnFocus.current = link;
      // Opening adds a history entry, so Back closes the viewer before it leaves the page.
      if (!ownEntry.current) {
        window.history.pushState(null, "", `${window.location.pathname}${searchWithView(window.location.search, parsed)}${window.location.hash}`);
        ownEntry.current = true;
      }
      setView(parsed);
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [runsMeta]);

  // Back (or Forward) shows whatever view the URL now names: none closes the viewer.
  useEffect(() => {
    function onPopState() {
      ownEntry.current = false;
      setView(parseSampleView(new URLSearchParams(window.location.search).get(VIEW_PARAM), runsMeta));
    }
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [runsMeta]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (view && !dialog.open) dialog.showModal();
    if (!view && dialog.open) dialog.close();
  }, [view]);

  useEffect(() => {
    const next = searchWithView(window.location.search, view);
    if (next !== window.location.search) window.history.replaceState(null, "", `${window.location.pathname}${next}${window.location.hash}`);
  }, [view]);

  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  const onClose = useCallback(() => {
    const current = viewRef.current;
    const target =
      returnFocus.current ??
      (current ? document.querySelector<HTMLElement>(`a[data-sample-view="${CSS.escape(formatSampleView(current))}"]`) : null) ??
      document.querySelector<HTMLElement>("a[data-sample-view]");
    returnFocus.current = null;
    setView(null);
    // Closed with Esc or the close button: drop the entry opening it added, so Back then leaves the page.
    if (ownEntry.current) {
      ownEntry.current = false;
      window.history.back();
    }
    // After the dialog is gone, so the browser's own focus restoring does not win.
    if (target) requestAnimationFrame(() => target.focus());
  }, []);

  const runIndex = view ? runs.findIndex((run) => run.id === view.runId) : -1;
  const run = runIndex >= 0 ? runs[runIndex] : null;
  const prompts = run ? promptsOf(run) : SIMULATED_PROMPTS;
  const promptIndex = view
    ? Math.max(
        0,
        prompts.findIndex((prompt) => prompt.id === view.promptId),
      )
    : 0;
  const prompt = prompts[promptIndex];
  const epochList = run ? epochsOf(run) : [];
  const epochIndex = view ? epochList.indexOf(view.epoch) : -1;
  const lastEpoch = run ? (run.kind === "real" ? run.lastEpoch : run.checkpoints.length) : 0;
  const checkpoint: PreviewMetrics | null = run && run.kind !== "real" && view ? (view.epoch === 0 ? baselineCheckpoint() : run.checkpoints[view.epoch - 1]) : null;
  const realSample = run?.kind === "real" && view ? (run.samples.find((sample) => sample.epoch === view.epoch && sample.promptId === view.promptId) ?? null) : null;

  const movePrompt = (delta: number) => view && setView({ ...view, promptId: prompts[(promptIndex + delta + prompts.length) % prompts.length].id });
  const moveEpoch = (delta: number) => view && epochList.length > 0 && setView({ ...view, epoch: epochList[Math.min(epochList.length - 1, Math.max(0, epochIndex + delta))] });
  const moveRun = (delta: number) => {
    if (!view || runs.length < 2) return;
    const next = runs[(runIndex + delta + runs.length) % runs.length];
    const nextPrompts = promptsOf(next);
    // The same prompt when the next run has it, else the prompt in the same place of its own list.
    const nextPrompt = nextPrompts.find((candidate) => candidate.id === view.promptId) ?? nextPrompts[Math.min(promptIndex, nextPrompts.length - 1)];
    setView({ runId: next.id, epoch: nearestEpoch(epochsOf(next), view.epoch), promptId: nextPrompt.id });
  };

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => movePrompt(-1),
      ArrowRight: () => movePrompt(1),
      ArrowUp: () => moveEpoch(-1),
      ArrowDown: () => moveEpoch(1),
    };
    if (event.key === "Tab" && runs.length > 1) {
      event.preventDefault();
      moveRun(event.shiftKey ? -1 : 1);
      return;
    }
    const move = moves[event.key];
    if (!move || event.shiftKey) return;
    event.preventDefault();
    move();
  }

  const epochText = view?.epoch === 0 ? (run?.kind === "real" ? "Before training" : "Untrained baseline (epoch 0)") : `Epoch ${view?.epoch} of ${lastEpoch}`;

  return (
    <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={`${id}-title`} onClose={onClose} onKeyDown={onKeyDown} data-testid="sample-viewer">
      {run && view && (checkpoint || run.kind === "real") && (
        <div className={styles.body}>
          <div className={styles.head}>
            <h2 id={`${id}-title`} className={styles.title}>
              Sample of {run.name}
            </h2>
            <Button size="small" onClick={() => dialogRef.current?.close()}>
              Close<span className="visually-hidden"> the sample viewer</span>
            </Button>
          </div>
          <p className={styles.caption} aria-live="polite" data-testid="viewer-caption">
            <span>{epochText}</span> {checkpoint ? <VerdictBadge verdict={checkpoint.verdict} /> : <span className="badge badge-accent">Real sample</span>}
            <span>
              {" "}
              · Prompt {promptIndex + 1} of {prompts.length}: “{prompt.text}”
            </span>
            {runs.length > 1 && (
              <span>
                {" "}
                · Run {runIndex + 1} of {runs.length}
              </span>
            )}
          </p>
          <div className={styles.frame}>
            {checkpoint && run.kind !== "real" ? (
              <SamplePreview checkpoint={checkpoint} seed={run.seed} prompt={prompt.id} size={560} idPrefix="viewer" className={styles.image} />
            ) : realSample ? (
              // eslint-disable-next-line @next/next/no-img-element -- the trainer's own image, served by hash from the API at full size
              <img
                key={realSample.url}
                src={realSample.url}
                width={realSample.width}
                height={realSample.height}
                alt={`${epochText}: ${prompt.text}`}
                className={`${styles.image} ${styles.real}`}
                data-testid="viewer-image"
              />
            ) : (
              <p className={styles.missing}>The trainer saved no sample for this prompt at this epoch.</p>
            )}
          </div>
          <div className={styles.nav} role="group" aria-label="Move in the samples">
            <Button size="small" onClick={() => movePrompt(-1)}>
              ← Prompt
            </Button>
            <Button size="small" onClick={() => movePrompt(1)}>
              Prompt →
            </Button>
            <Button size="small" onClick={() => moveEpoch(-1)} disabled={epochIndex <= 0}>
              ↑ Earlier epoch
            </Button>
            <Button size="small" onClick={() => moveEpoch(1)} disabled={epochIndex === epochList.length - 1}>
              ↓ Later epoch
            </Button>
            {runs.length > 1 && (
              <>
                <Button size="small" onClick={() => moveRun(-1)}>
                  Previous run
                </Button>
                <Button size="small" onClick={() => moveRun(1)}>
                  Next run
                </Button>
              </>
            )}
          </div>
          <p className={styles.keys}>
            Keys: <kbd>←</kbd> <kbd>→</kbd> prompt, <kbd>↑</kbd> <kbd>↓</kbd> epoch
            {runs.length > 1 && (
              <>
                , <kbd>Tab</kbd> <kbd>Shift</kbd>+<kbd>Tab</kbd> next or previous run
              </>
            )}
            , <kbd>Esc</kbd> close.
          </p>
        </div>
      )}
    </dialog>
  );
}

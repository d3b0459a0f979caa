"use client";
// The run page's below-the-fold client leaves, loaded only when needed so the
// first screen (header, charts, Pick buttons) downloads and hydrates less:
// the decide panels (replay, estimate) load when they come near the viewport,
// or once the page is idle, so they are ready before anyone scrolls. The twin
// forms are rendered on the server so they work without JavaScript too.
// (The sample viewer loads on demand too: app/ui/sample-viewer/deferred-sample-viewer.tsx.)
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ReplayPanelProps } from "@/app/ui/decide/replay-panel";
import type { EstimatePanelProps } from "@/app/ui/decide/estimate-panel";
import styles from "./dashboard.module.css";

function PanelPlaceholder({ title, minHeight }: { title: string; minHeight: string }) {
  return (
    <div className={`card ${styles.placeholder}`} style={{ minHeight }} aria-busy="true">
      <p className={styles.placeholderTitle}>{title}</p>
      <p className="muted">Loading…</p>
    </div>
  );
}

const ReplayPanel = dynamic(() => import("@/app/ui/decide/replay-panel").then((m) => m.ReplayPanel), {
  ssr: false,
  loading: () => <PanelPlaceholder title="Early stopping, replayed" minHeight="22rem" />,
});
const EstimatePanel = dynamic(() => import("@/app/ui/decide/estimate-panel").then((m) => m.EstimatePanel), {
  ssr: false,
  loading: () => <PanelPlaceholder title="Time and cost on a real GPU" minHeight="22rem" />,
});

/** Calls `load` when the browser has nothing better to do after the page has loaded. */
function whenIdle(load: () => void): () => void {
  let cancelled = false;
  let idleHandle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (cancelled) return;
    if (typeof window.requestIdleCallback === "function") idleHandle = window.requestIdleCallback(load, { timeout: 4000 });
    else timer = setTimeout(load, 1500);
  };
  if (document.readyState === "complete") schedule();
  else window.addEventListener("load", schedule, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener("load", schedule);
    if (idleHandle !== undefined) window.cancelIdleCallback(idleHandle);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Renders the placeholder until the spot comes within a screen of the viewport or the page is idle, then the children. */
function WhenNeeded({ placeholder, children }: { placeholder: ReactNode; children: ReactNode }) {
  const spot = useRef<HTMLDivElement>(null);
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    if (needed || !spot.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNeeded(true), { rootMargin: "100% 0px" });
    observer.observe(spot.current);
    const cancelIdle = whenIdle(() => setNeeded(true));
    return () => {
      observer.disconnect();
      cancelIdle();
    };
  }, [needed]);
  return needed ? children : <div ref={spot}>{placeholder}</div>;
}

export function DeferredReplayPanel(props: ReplayPanelProps) {
  return (
    <WhenNeeded placeholder={<PanelPlaceholder title="Early stopping, replayed" minHeight="22rem" />}>
      <ReplayPanel {...props} />
    </WhenNeeded>
  );
}

export function DeferredEstimatePanel(props: EstimatePanelProps) {
  return (
    <WhenNeeded placeholder={<PanelPlaceholder title="Time and cost on a real GPU" minHeight="22rem" />}>
      <EstimatePanel {...props} />
    </WhenNeeded>
  );
}

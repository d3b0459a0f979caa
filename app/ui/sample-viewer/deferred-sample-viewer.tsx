"use client";
// The sample viewer, loaded on demand: until a sample link is clicked (or the
// URL names an open view) a page carries only this small listener, and a
// sample link works as a plain link. Pointing at or focusing a sample link
// starts the download.
import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import type { ViewerRun } from "./sample-viewer";
import { VIEW_PARAM } from "./view-param";

const OpenedSampleViewer = dynamic(() => import("./opened-sample-viewer").then((m) => m.OpenedSampleViewer), { ssr: false });

/** Where the viewer opens first, and the link to give focus back to when it closes. */
interface Opening {
  view: string;
  from: HTMLElement | null;
  /** Opened by a click, which added a history entry so that Back closes the viewer before it leaves the page. */
  pushed: boolean;
}

/**
 * The sample viewer, loaded on demand. Sample links carry
 * data-sample-view="<runId>:<epoch>:<promptId>"; the first click on one loads
 * the viewer opened there (pointing at or focusing a link starts the download).
 * `initialView` is the view the server read from the URL; left out, the
 * viewer reads ?view= itself.
 */
export function DeferredSampleViewer({ runs, initialView }: { runs: ViewerRun[]; initialView?: string | null }) {
  const params = useSearchParams();
  const startView = initialView === undefined ? params.get(VIEW_PARAM) : initialView;
  const [opening, setOpening] = useState<Opening | null>(startView ? { view: startView, from: null, pushed: false } : null);

  useEffect(() => {
    if (opening) return;
    const sampleLink = (target: EventTarget | null) => (target as Element | null)?.closest?.("a[data-sample-view]");
    const warm = (event: Event) => {
      if (sampleLink(event.target)) void import("./opened-sample-viewer");
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = sampleLink(event.target);
      if (!(link instanceof HTMLElement) || !link.dataset.sampleView) return;
      event.preventDefault();
      const search = new URLSearchParams(window.location.search);
      search.set(VIEW_PARAM, link.dataset.sampleView);
      window.history.pushState(null, "", `${window.location.pathname}?${search.toString()}${window.location.hash}`);
      setOpening({ view: link.dataset.sampleView, from: link, pushed: true });
    };
    document.addEventListener("click", onClick);
    document.addEventListener("pointerover", warm, { passive: true });
    document.addEventListener("focusin", warm);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("pointerover", warm);
      document.removeEventListener("focusin", warm);
    };
  }, [opening]);

  return opening ? <OpenedSampleViewer runs={runs} view={opening.view} returnFocusTo={opening.from} ownsHistoryEntry={opening.pushed} /> : null;
}

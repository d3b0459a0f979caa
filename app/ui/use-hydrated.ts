"use client";
// False in the server render and during hydration, true once the page's
// client code runs: controls that need their handlers (and tests that use
// them) can tell when they answer.
import { useSyncExternalStore } from "react";

function subscribeNothing(): () => void {
  return () => undefined;
}

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

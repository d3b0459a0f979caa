"use client";
// A page's status line for screen readers, and the heading focus returns to
// when the control that had it goes away (a deleted row's button). Controls
// anywhere inside the provider announce through useStatus() instead of
// reaching into the page's DOM.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

interface Status {
  /** Says `message` in the status region; with `focusHeading`, moves focus to the page's StatusHeading. */
  announce: (message: string, options?: { focusHeading?: boolean }) => void;
}

const StatusContext = createContext<Status>({ announce: () => undefined });
const MessageContext = createContext("");
const HeadingContext = createContext<React.RefObject<HTMLHeadingElement | null> | null>(null);

export function useStatus(): Status {
  return useContext(StatusContext);
}

export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const announce = useCallback<Status["announce"]>((next, options) => {
    setMessage(next);
    if (options?.focusHeading) heading.current?.focus();
  }, []);
  const status = useMemo(() => ({ announce }), [announce]);
  return (
    <StatusContext.Provider value={status}>
      <HeadingContext.Provider value={heading}>
        <MessageContext.Provider value={message}>{children}</MessageContext.Provider>
      </HeadingContext.Provider>
    </StatusContext.Provider>
  );
}

/** The page's h1, focusable from script so focus has somewhere to land. */
export function StatusHeading({ children, className }: { children: ReactNode; className?: string }) {
  const heading = useContext(HeadingContext);
  return (
    <h1 ref={heading} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}

/** The visually hidden live region that says what the last action did. */
export function StatusRegion() {
  const message = useContext(MessageContext);
  return (
    <p role="status" className="visually-hidden">
      {message}
    </p>
  );
}

// The parameters of a page's link that were not valid and fell back to their
// defaults, one line each (the playground's and the sweep's shareable URLs).
import { Alert } from "./alert";

export function LinkNotices({ intro, notices }: { intro: string; notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <Alert as="div" tone="warning" role="status" style={{ marginBottom: "var(--space-4)" }}>
      <p style={{ margin: 0 }}>{intro}</p>
      <ul style={{ margin: "var(--space-1) 0 0", paddingLeft: "1.2em" }}>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </Alert>
  );
}

// Number and date formatting shared by every page (pure; same output on server and client).
export { formatRate } from "@/lib/sim";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 2000 → "2,000" */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** 0.7312 → "0.73" (scores are 0–1). */
export function formatScore(value: number): string {
  return value.toFixed(2);
}

/** A loss, with enough digits to see a change: 0.118234 → "0.1182" */
export function formatLoss(value: number): string {
  return value.toFixed(4);
}

/** A signed difference: +0.05 / −0.05 / ±0.00 (typographic minus). */
export function formatDelta(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return `±${(0).toFixed(digits)}`;
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded).toFixed(digits)}`;
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** An ISO date as "27 Nov 2026, 09:14 UTC" (fixed time zone: server and browser agree). */
export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

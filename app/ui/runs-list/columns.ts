// The runs table's optional columns: which exist, which show by default, and
// where the choice is remembered. Name, the last epoch's verdict and the
// best-versus-last gap always show, next to each other.
import { parseJson } from "@/lib/json";

export const OPTIONAL_COLUMNS = [
  { key: "recommended", label: "Recommended epoch" },
  { key: "picked", label: "Picked epoch" },
  { key: "quality", label: "Best quality" },
  { key: "images", label: "Images" },
  { key: "lr", label: "Learning rate" },
  { key: "batch", label: "Batch size" },
  { key: "epochs", label: "Epochs × repeats" },
  { key: "steps", label: "Total steps" },
  { key: "lowestVal", label: "Lowest val. loss epoch" },
  { key: "created", label: "Created" },
] as const;

export type OptionalColumnKey = (typeof OPTIONAL_COLUMNS)[number]["key"];

/** Hidden until chosen, so the default table fits a 1,280 px screen. */
export const DEFAULT_HIDDEN_COLUMNS: readonly OptionalColumnKey[] = ["batch", "steps", "lowestVal", "created"];

export const COLUMNS_STORAGE_KEY = "epoch-lab:runs-columns";

/** The hidden columns stored in the browser, or the defaults when nothing (valid) is stored. */
export function readHiddenColumns(raw: string | null): OptionalColumnKey[] {
  const parsed = parseJson(raw);
  if (!Array.isArray(parsed)) return [...DEFAULT_HIDDEN_COLUMNS];
  const known = new Set<string>(OPTIONAL_COLUMNS.map((column) => column.key));
  return parsed.filter((key): key is OptionalColumnKey => typeof key === "string" && known.has(key));
}

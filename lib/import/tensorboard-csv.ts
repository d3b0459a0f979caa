// TensorBoard's CSV export of one scalar series.
// Source read: tensorflow/tensorboard @ 70b76c922822dcccc3e8d7e5dd89860948690357,
// tensorboard/plugins/scalar/scalars_plugin.py (`writer.writerow(["Wall time", "Step", "Value"])`,
// then one row per point) and http_api.md. The file holds no tag: it is read
// from the file name, which TensorBoard's download names
// `run-<run>-tag-<tag with "/" as "_">.csv` (e.g. run-sksdog-tag-loss_epoch_average.csv).
import { baseName } from "./paths";
import type { ScalarPoint } from "./tensorboard-events";

export type CsvResult = { ok: true; points: ScalarPoint[] } | { ok: false; message: string };

/** Parses a TensorBoard scalar CSV export; `tag` is what the points are labelled with. */
export function parseTensorBoardCsv(text: string, tag: string): CsvResult {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  if (lines.length === 0) return { ok: false, message: "The CSV file is empty" };
  const header = lines[0].split(",").map((cell) => cell.trim().replace(/^"|"$/g, "").toLowerCase());
  if (header.length !== 3 || header[0] !== "wall time" || header[1] !== "step" || header[2] !== "value") {
    return { ok: false, message: 'Not a TensorBoard CSV export: the first line must be "Wall time,Step,Value"' };
  }
  const points: ScalarPoint[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const cells = lines[i].split(",").map((cell) => cell.trim());
    const [wallTime, step, value] = cells.map(Number);
    if (cells.length !== 3 || !Number.isFinite(wallTime) || !Number.isSafeInteger(step) || step < 0 || Number.isNaN(value)) {
      return { ok: false, message: `Line ${i + 1} is not "wall time,step,value" numbers` };
    }
    points.push({ tag, step, wallTime, value });
  }
  return { ok: true, points };
}

/**
 * The scalar tag a TensorBoard CSV file name stands for, in TensorBoard's own
 * spelling with "/" ("loss/epoch_average"), or the bare name when it does not
 * follow the download pattern.
 */
export function tagFromCsvName(path: string): string {
  const stem = baseName(path).replace(/\.csv$/i, "");
  const marker = stem.lastIndexOf("-tag-");
  const tag = marker === -1 ? stem : stem.slice(marker + "-tag-".length);
  return tag
    .replace(/_/g, "/")
    .replace(/epoch\/average/g, "epoch_average")
    .replace(/step\/average/g, "step_average")
    .replace(/epoch\/divergence/g, "epoch_divergence");
}

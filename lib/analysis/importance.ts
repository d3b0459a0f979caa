// Which settings matter: a variance-based importance per setting. The method
// is the first-order Sobol index Sᵢ = Var(E[Y | Xᵢ]) / Var(Y), estimated from
// a sample by binning Xᵢ (equal-count bins) and taking the correlation ratio η²
// (between-bin sum of squares over the total), corrected for the share that
// bins explain by chance (ε², as for η² in an ANOVA). It needs independent
// settings, which a sampled population has; among stored runs it is only a hint.

/** The method as pages name it. */
export const IMPORTANCE_METHOD = "First-order variance share (Sobol first-order index, estimated as the bias-corrected correlation ratio ε² over equal-count bins)";

/** Bins per setting: up to this many, fewer when a setting takes fewer distinct values. */
export const IMPORTANCE_BINS = 20;

export interface BinSummary {
  /** Lowest and highest setting value in the bin. */
  from: number;
  to: number;
  count: number;
  /** Mean outcome in the bin. */
  mean: number;
}

export interface Importance<K extends string = string> {
  key: K;
  /** 0–1: share of the outcome's variance this setting explains on its own. */
  index: number;
  /** The bins, lowest values first: how the outcome moves along the setting. */
  bins: BinSummary[];
}

/**
 * First-order importance of each input for an outcome, sorted, largest first.
 * @example firstOrderImportance(rows, ["x1", "x2"], (row) => row.y)[0].key // → "x1"
 */
export function firstOrderImportance<T, K extends string>(
  rows: readonly T[],
  keys: readonly K[],
  valueOf: (row: T, key: K) => number,
  outcome: (row: T) => number,
  bins: number = IMPORTANCE_BINS,
): Importance<K>[] {
  const ys = rows.map(outcome);
  const n = ys.length;
  const mean = ys.reduce((sum, y) => sum + y, 0) / Math.max(1, n);
  const total = ys.reduce((sum, y) => sum + (y - mean) ** 2, 0);
  return keys
    .map((key) => {
      const xs = rows.map((row) => valueOf(row, key));
      const groups = binByValue(xs, bins);
      const summaries: BinSummary[] = groups.map((members) => {
        const groupMean = members.reduce((sum, i) => sum + ys[i], 0) / members.length;
        return { from: xs[members[0]], to: xs[members[members.length - 1]], count: members.length, mean: groupMean };
      });
      const between = summaries.reduce((sum, bin) => sum + bin.count * (bin.mean - mean) ** 2, 0);
      const b = summaries.length;
      let index = 0;
      if (total > 0 && b > 1 && n > b) {
        const within = total - between;
        index = Math.max(0, 1 - within / (n - b) / (total / (n - 1)));
      }
      return { key, index: Math.min(1, index), bins: summaries };
    })
    .sort((a, b) => b.index - a.index);
}

/**
 * Indices of the rows in equal-count bins of x, lowest first. Equal values
 * never straddle two bins, so a setting with 4 distinct values gets at most 4.
 */
export function binByValue(xs: readonly number[], bins: number): number[][] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const target = Math.max(1, order.length / Math.max(1, bins));
  const groups: number[][] = [];
  let current: number[] = [];
  for (let k = 0; k < order.length; k++) {
    current.push(order[k]);
    const next = order[k + 1];
    const boundary = next === undefined || xs[next] !== xs[order[k]];
    if (boundary && current.length >= target) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) {
    if (groups.length > 0 && current.length < target / 2) groups[groups.length - 1].push(...current);
    else groups.push(current);
  }
  return groups;
}

/**
 * One sentence for an important setting: its share and how the outcome moves
 * from its lowest to its highest bin.
 * @example describeImportance(result, "Learning rate", "best quality", (v) => v.toExponential(0))
 * // → "Learning rate explains 41% of the spread in best quality: from 0.52 at 2e-5–3e-5 to 0.74 at 3e-4–4e-4."
 * A choice setting (options: { categorical: true }, one bin per option) names its best and worst option instead.
 */
export function describeImportance(importance: Importance, label: string, outcomeLabel: string, format: (value: number) => string, options: { categorical?: boolean } = {}): string {
  const share = `${Math.round(importance.index * 100)}%`;
  const first = importance.bins[0];
  const last = importance.bins[importance.bins.length - 1];
  if (!first || !last || first === last) return `${label} explains ${share} of the spread in ${outcomeLabel}.`;
  if (options.categorical) {
    // Options have no order to go "from … to": name the best and the worst.
    const high = importance.bins.reduce((best, bin) => (bin.mean > best.mean ? bin : best), first);
    const low = importance.bins.reduce((worst, bin) => (bin.mean < worst.mean ? bin : worst), first);
    return `${label} explains ${share} of the spread in ${outcomeLabel}: highest with ${format(high.from)} (${high.mean.toFixed(2)}), lowest with ${format(low.from)} (${low.mean.toFixed(2)}).`;
  }
  const span = (bin: BinSummary) => (bin.from === bin.to ? format(bin.from) : `${format(bin.from)}–${format(bin.to)}`);
  const peak = importance.bins.reduce((best, bin) => (bin.mean > best.mean ? bin : best), first);
  const middle = peak !== first && peak !== last && peak.mean > Math.max(first.mean, last.mean) + 0.01 ? `, peaking at ${peak.mean.toFixed(2)} around ${span(peak)}` : "";
  return `${label} explains ${share} of the spread in ${outcomeLabel}: from ${first.mean.toFixed(2)} at ${span(first)} to ${last.mean.toFixed(2)} at ${span(last)}${middle}.`;
}

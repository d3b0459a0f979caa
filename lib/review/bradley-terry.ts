// Bradley–Terry ratings of checkpoints from pairwise votes: each checkpoint i
// has a strength θᵢ, and P(i beats j) = 1 / (1 + e^−(θᵢ−θⱼ)). The fit is the
// maximum a posteriori estimate under a weak Gaussian prior θ ~ N(0, σ²), found
// by Newton's method; the uncertainty of each score is the Laplace
// approximation (the inverse of the Hessian of the negative log posterior,
// that is the Fisher information plus the prior's precision).
import { winShareOfA, type PairVote } from "./votes";

/** Standard deviation of the prior on each strength: weak (±2 logits covers a 88% win rate), but it keeps the fit finite with one vote or an unbeaten checkpoint. */
export const PRIOR_SD = 2;
/** Newton stops once no strength moves more than this. */
const TOLERANCE = 1e-9;
const MAX_ITERATIONS = 100;

export interface Rating {
  id: string;
  /** Strength in logits, centred so the mean over all checkpoints is 0; higher is preferred. */
  score: number;
  /** Standard error of the centred score (Laplace approximation). */
  standardError: number;
  wins: number;
  losses: number;
  ties: number;
  /** Votes that involved this checkpoint. */
  comparisons: number;
}

export interface RatingFit {
  /** One rating per checkpoint id asked for, in the order given. */
  ratings: Rating[];
  /** The id with the highest score, or null when there are no votes. */
  mostPreferred: string | null;
  /** Votes used (votes naming an unknown checkpoint or one checkpoint twice are ignored). */
  votes: number;
}

/**
 * Fits Bradley–Terry strengths to votes; "can't tell" counts as half a win each.
 * @example fitBradleyTerry(["e6", "e8"], [{ reviewer: "ana", a: "e8", b: "e6", promptIndex: 0, outcome: "a" }]).mostPreferred // → "e8"
 */
export function fitBradleyTerry(ids: readonly string[], votes: readonly PairVote[], priorSd: number = PRIOR_SD): RatingFit {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs: { i: number; j: number; share: number }[] = [];
  const tallies = ids.map(() => ({ wins: 0, losses: 0, ties: 0 }));
  for (const vote of votes) {
    const i = index.get(vote.a);
    const j = index.get(vote.b);
    if (i === undefined || j === undefined || i === j) continue;
    const share = winShareOfA(vote.outcome);
    pairs.push({ i, j, share });
    if (share === 1) {
      tallies[i].wins++;
      tallies[j].losses++;
    } else if (share === 0) {
      tallies[j].wins++;
      tallies[i].losses++;
    } else {
      tallies[i].ties++;
      tallies[j].ties++;
    }
  }

  const precision = 1 / (priorSd * priorSd);
  const theta = new Float64Array(n);
  let hessian = new Float64Array(n * n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // Gradient of the log posterior and the (positive definite) negative Hessian.
    const gradient = new Float64Array(n);
    hessian = new Float64Array(n * n);
    for (let k = 0; k < n; k++) {
      gradient[k] = -precision * theta[k];
      hessian[k * n + k] = precision;
    }
    for (const { i, j, share } of pairs) {
      const p = logistic(theta[i] - theta[j]);
      const w = p * (1 - p);
      gradient[i] += share - p;
      gradient[j] -= share - p;
      hessian[i * n + i] += w;
      hessian[j * n + j] += w;
      hessian[i * n + j] -= w;
      hessian[j * n + i] -= w;
    }
    const step = solveSymmetric(hessian, gradient, n);
    let largest = 0;
    for (let k = 0; k < n; k++) {
      theta[k] += step[k];
      largest = Math.max(largest, Math.abs(step[k]));
    }
    if (largest < TOLERANCE) break;
  }

  const covariance = invertSymmetric(hessian, n);
  const mean = n > 0 ? theta.reduce((sum, value) => sum + value, 0) / n : 0;
  const ratings = ids.map((id, k) => ({
    id,
    score: theta[k] - mean,
    standardError: Math.sqrt(Math.max(0, centredVariance(covariance, n, k))),
    ...tallies[k],
    comparisons: tallies[k].wins + tallies[k].losses + tallies[k].ties,
  }));
  let mostPreferred: string | null = null;
  if (pairs.length > 0) {
    let best = -Infinity;
    for (const rating of ratings) {
      if (rating.score > best) {
        best = rating.score;
        mostPreferred = rating.id;
      }
    }
  }
  return { ratings, mostPreferred, votes: pairs.length };
}

/**
 * Variance of θₖ − mean(θ): votes say nothing about the common level of all
 * strengths (only the prior does), so the uncertainty shown is that of the
 * centred score, cᵀ Σ c with c = eₖ − 1/n.
 */
function centredVariance(covariance: Float64Array, n: number, k: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const ci = (i === k ? 1 : 0) - 1 / n;
    for (let j = 0; j < n; j++) total += ci * covariance[i * n + j] * ((j === k ? 1 : 0) - 1 / n);
  }
  return total;
}

/** The fitted probability that the first checkpoint is preferred to the second. */
export function preferenceProbability(first: Pick<Rating, "score">, second: Pick<Rating, "score">): number {
  return logistic(first.score - second.score);
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Solves H x = g for a symmetric positive definite H (Cholesky). */
function solveSymmetric(h: Float64Array, g: Float64Array, n: number): Float64Array {
  const l = cholesky(h, n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = g[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * y[k];
    y[i] = sum / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

function invertSymmetric(h: Float64Array, n: number): Float64Array {
  const inverse = new Float64Array(n * n);
  for (let column = 0; column < n; column++) {
    const unit = new Float64Array(n);
    unit[column] = 1;
    const x = solveSymmetric(h, unit, n);
    for (let row = 0; row < n; row++) inverse[row * n + column] = x[row];
  }
  return inverse;
}

function cholesky(h: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = h[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[j * n + j];
    }
  }
  return l;
}

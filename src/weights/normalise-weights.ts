/**
 * Relative weights → weights in force (summing to 1), and the text form of one weight. Every weight normalisation
 * in the engine (rubric loading, --weight overrides, scenarios, --weights in rubric-free mode) calls these.
 */

/** Largest |w|; 0 for an empty or all-zero list. */
function largest(ws: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < ws.length; i++) m = Math.max(m, Math.abs(ws[i]));
  return m;
}

/**
 * w_i / Σ_k w_k, exact at every magnitude. When the plain sum is an ordinary double (finite, not near underflow)
 * it is used as is, so declared weights such as 0.25/1.15 come out bit for bit as the hand computation. Otherwise
 * the weights are divided by M = max_k |w_k| first: (w_i / M) / Σ_k (w_k / M) keeps every term in [0, 1] and the
 * sum in [1, n], so finite weights never overflow (four weights of 1.7e308 sum to Infinity the plain way, and
 * every weight in force became 0) and tiny ones never lose their precision. Either way the result for w and c·w,
 * c > 0, agrees to rounding (property-tested over c = 10^-300 … 10^300).
 * Needs finite weights >= 0, not all 0 (callers check and name the offending input); all zeros give NaN.
 */
export function normaliseWeights(ws: ArrayLike<number>): Float64Array {
  const out = new Float64Array(ws.length);
  let s = 0;
  for (let i = 0; i < ws.length; i++) s += ws[i];
  if (Number.isFinite(s) && s >= 1e-290) {
    for (let i = 0; i < out.length; i++) out[i] = ws[i] / s;
    return out;
  }
  const m = largest(ws);
  s = 0;
  for (let i = 0; i < ws.length; i++) {
    out[i] = ws[i] / m;
    s += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= s;
  return out;
}

/** Σ w as a note would print it; may be Infinity when the true sum exceeds the largest double (the note says so). */
export function weightSum(ws: readonly number[]): number {
  const m = largest(ws);
  if (m === 0) return 0;
  return m * ws.reduce((a, w) => a + w / m, 0);
}

/** "summed to 4; normalised to 1", or undefined when the weights already sum to 1 (to 1e-9). */
export function sumNote(ws: readonly number[]): string | undefined {
  const s = weightSum(ws);
  if (Math.abs(s - 1) <= 1e-9) return undefined;
  return Number.isFinite(s) ? `summed to ${+s.toFixed(6)}; normalised to 1` : 'summed to more than 1.8e308 (the largest double); normalised to 1';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One weight as written on the command line: a decimal number >= 0 that a double can hold. Returns the value, or
 * why not: text that is no number, a negative number, a magnitude beyond 1.8e308 (Infinity), or a non-zero value
 * below the smallest double (5e-324) that would silently become 0 and switch the element off.
 */
export function parseWeightText(text: string): { value: number } | { error: string } {
  const t = text.trim();
  if (!NUMBER.test(t)) return { error: `'${text}' is not a number` };
  const value = Number(t);
  if (!Number.isFinite(value)) return { error: `${t} is too large to represent (above 1.8e308)` };
  // Non-zero digits in the mantissa but a value of 0: the number underflowed.
  if (value === 0 && /[1-9]/.test(t.replace(/[eE].*$/, ''))) return { error: `${t} is too small to represent (below 5e-324, it would become 0)` };
  if (value < 0) return { error: `${t}: weights cannot be negative` };
  return { value };
}

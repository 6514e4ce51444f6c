import { solve, type Constraint } from 'yalps';
import { UsageError } from '../errors/problem';

/**
 * Weight constraints an analyst already knows, for SMAA (issue #14): `switching-cost >= integrated-stack`,
 * `a <= b`, `a >= 2*b` (a linear order, optionally scaled), `outage-penalty in [0.1, 0.4]`, `a >= 0.2`, `a <= 0.4`.
 * Each is a linear inequality g·w <= h over the weight vector of the level sampled (conditions or criteria), on
 * the simplex Σw = 1, w >= 0.
 */
export interface WeightConstraint {
  /** As written, for messages and output. */
  readonly text: string;
  /** Rows g·w <= h (an interval gives two). */
  readonly rows: readonly { readonly g: Float64Array; readonly h: number }[];
}

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const NAME = String.raw`[A-Za-z_][\w.-]*`;
const INTERVAL = new RegExp(String.raw`^\s*(${NAME})\s+in\s+\[\s*(${NUMBER})\s*,\s*(${NUMBER})\s*\]\s*$`);
const COMPARE = new RegExp(String.raw`^\s*(${NAME})\s*(>=|<=)\s*(?:(${NUMBER})\s*\*\s*)?(${NAME}|${NUMBER})\s*$`);

/** Parses constraint texts against the weight ids of the level sampled; `origin` names where they came from. */
export function parseWeightConstraints(texts: readonly string[], ids: readonly string[], origin: string): WeightConstraint[] {
  const index = (name: string, text: string) => {
    const k = ids.indexOf(name);
    if (k < 0) throw new UsageError('usage.unknown-weight', `${origin}: '${text}' names '${name}', which is not a weight here`, `weights: ${ids.join(', ')}`);
    return k;
  };
  const row = (coef: [number, number][], h: number) => {
    const g = new Float64Array(ids.length);
    for (const [k, c] of coef) g[k] += c;
    return { g, h };
  };
  return texts.map((text) => {
    const iv = INTERVAL.exec(text);
    if (iv) {
      const k = index(iv[1], text);
      const lo = Number(iv[2]);
      const hi = Number(iv[3]);
      if (!(lo <= hi)) throw new UsageError('usage.bad-constraint', `${origin}: '${text}' has its bounds the wrong way round`, `write ${iv[1]} in [${Math.min(lo, hi)}, ${Math.max(lo, hi)}]`);
      return { text, rows: [row([[k, -1]], -lo), row([[k, 1]], hi)] };
    }
    const m = COMPARE.exec(text);
    if (!m) throw new UsageError('usage.bad-constraint', `${origin}: '${text}' is not a weight constraint`, "write 'a >= b', 'a <= 2*b', 'a >= 0.2' or 'a in [0.1, 0.4]'");
    const left = index(m[1], text);
    const sign = m[2] === '>=' ? -1 : 1; // a >= x  ⇔  −a + x <= 0
    const rhsIsNumber = new RegExp(`^${NUMBER}$`).test(m[4]);
    if (rhsIsNumber) {
      if (m[3] !== undefined) throw new UsageError('usage.bad-constraint', `${origin}: '${text}' scales a number`, "write 'a >= 0.2' or 'a >= 2*b'");
      return { text, rows: [row([[left, sign]], sign * Number(m[4]))] };
    }
    const right = index(m[4], text);
    if (right === left) throw new UsageError('usage.bad-constraint', `${origin}: '${text}' compares a weight with itself`, 'name two different weights');
    const c = m[3] === undefined ? 1 : Number(m[3]);
    if (!(c > 0)) throw new UsageError('usage.bad-constraint', `${origin}: '${text}' needs a positive factor`, "write 'a >= 2*b'");
    return { text, rows: [row([[left, sign], [right, -sign * c]], 0)] };
  });
}

/** The largest ball (radius, centre) inside the simplex face Σw = 1, w >= 0 and the rows; radius 0 or less: no interior. */
function chebyshev(n: number, rows: readonly { g: Float64Array; h: number }[]): { radius: number; centre: Float64Array } | null {
  // Distances are measured inside the plane Σw = 1: a row's normal is projected onto it (g − mean(g)).
  const constraints: [string, Constraint][] = [['sum', { equal: 1 }]];
  const variables: Record<string, Record<string, number>> = { r: { r: 1 } };
  for (let j = 0; j < n; j++) variables[`w${j}`] = { sum: 1 };
  const norm = (g: ArrayLike<number>) => {
    let mean = 0;
    for (let j = 0; j < n; j++) mean += g[j] / n;
    let s = 0;
    for (let j = 0; j < n; j++) s += (g[j] - mean) ** 2;
    return Math.sqrt(s);
  };
  const all = [...rows, ...Array.from({ length: n }, (_, j) => ({ g: Float64Array.from({ length: n }, (_, k) => (k === j ? -1 : 0)), h: 0 }))];
  all.forEach((row, i) => {
    const key = `c${i}`;
    constraints.push([key, { max: row.h }]);
    for (let j = 0; j < n; j++) if (row.g[j] !== 0) variables[`w${j}`][key] = row.g[j];
    variables.r[key] = norm(row.g);
  });
  const s = solve({ direction: 'maximize', objective: 'r', constraints, variables: Object.entries(variables) }, { precision: 1e-12 });
  if (s.status !== 'optimal') return null;
  const centre = new Float64Array(n);
  for (const [k, v] of s.variables) if (k !== 'r') centre[Number(k.slice(1))] = v;
  return { radius: s.result, centre };
}

/** Below this radius the constrained set is treated as having no interior (a weight pinned, or no room at all). */
const MIN_RADIUS = 1e-9;

/**
 * The constrained weight space, checked: the set must have an interior for hit-and-run to sample it. When it has
 * none, a deletion filter over the constraints finds a minimal subset that already leaves none, and the error names
 * it (Chinneck & Dravnieks 1991's deletion filter).
 */
export class WeightPolytope {
  readonly rows: readonly { g: Float64Array; h: number }[];
  readonly start: Float64Array;
  constructor(readonly n: number, readonly constraints: readonly WeightConstraint[]) {
    this.rows = constraints.flatMap((c) => c.rows);
    const c = chebyshev(n, this.rows);
    if (!c || !(c.radius > MIN_RADIUS)) {
      let kept = [...constraints];
      for (const x of constraints) {
        const without = kept.filter((k) => k !== x);
        const r = chebyshev(n, without.flatMap((k) => k.rows));
        if (!r || !(r.radius > MIN_RADIUS)) kept = without;
      }
      throw new UsageError('usage.infeasible-constraints', `the weight constraints leave no weights to sample: ${kept.map((k) => `'${k.text}'`).join(' and ')} cannot hold together${kept.length === 1 ? ' on the simplex' : ''} with room to spare`, 'relax or drop one of them (weights are >= 0 and sum to 1)');
    }
    this.start = c.centre;
  }
}

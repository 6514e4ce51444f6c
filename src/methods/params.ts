import { UsageError } from '../errors/problem';

/**
 * The per-method parameters a decision problem may carry, parsed once at the edge (CLI options, rubric fields) and
 * read by the kernels: VIKOR's strategy weight v, PROMETHEE's preference function per criterion, SPOTIS's bounds.
 */
export interface MethodParams {
  /** VIKOR: weight of the strategy of the majority of criteria (group utility S) against the veto-like R; 0 … 1. */
  readonly v?: number;
  /** PROMETHEE II: preference function of each criterion column (undefined: usual). */
  readonly preference?: readonly (PreferenceFunction | undefined)[];
  /** SPOTIS: the [min, max] bounds of each criterion column. */
  readonly bounds?: readonly (readonly [number, number] | undefined)[];
}

/**
 * The six generalised criteria of Brans & Vincke (1985), "A preference ranking organisation method", Management
 * Science 31(6), Fig. 1, as functions of the difference d (already turned so that larger is better):
 *   usual     P = [d > 0]
 *   ushape    P = [d > q]                                   (quasi-criterion)
 *   vshape    P = min(1, d / p) for d > 0                   (criterion with linear preference)
 *   level     P = 0 (d <= q), 1/2 (q < d <= p), 1 (d > p)
 *   linear    P = 0 (d <= q), (d − q)/(p − q) (q < d <= p), 1 (d > p)   (linear preference and indifference area)
 *   gaussian  P = 1 − exp(−d² / 2s²) for d > 0
 */
export type PreferenceKind = 'usual' | 'ushape' | 'vshape' | 'level' | 'linear' | 'gaussian';
export interface PreferenceFunction {
  readonly kind: PreferenceKind;
  readonly q: number;
  readonly p: number;
  readonly s: number;
}

const NEEDS: Record<PreferenceKind, readonly ('q' | 'p' | 's')[]> = { usual: [], ushape: ['q'], vshape: ['p'], level: ['q', 'p'], linear: ['q', 'p'], gaussian: ['s'] };

/** Numeric code per kind, for the kernels' switch. */
export const PREFERENCE_CODE: Record<PreferenceKind, number> = { usual: 0, ushape: 1, vshape: 2, level: 3, linear: 4, gaussian: 5 };

/** P(d) of one preference function; d <= 0 gives 0 for every kind. */
export function preference(code: number, d: number, q: number, p: number, s: number): number {
  if (d <= 0) return 0;
  switch (code) {
    case 0: return 1;
    case 1: return d > q ? 1 : 0;
    case 2: return d >= p ? 1 : d / p;
    case 3: return d <= q ? 0 : d <= p ? 0.5 : 1;
    case 4: return d <= q ? 0 : d >= p ? 1 : (d - q) / (p - q);
    default: return 1 - Math.exp((-d * d) / (2 * s * s));
  }
}

/** `linear:q=45:p=95` → the function, or a problem message saying what is wrong. */
export function parsePreferenceFunction(spec: string): PreferenceFunction | string {
  const [kind, ...parts] = spec.trim().split(':');
  if (!(kind in NEEDS)) return `unknown preference function '${kind}' (choose one of: ${Object.keys(NEEDS).join(', ')})`;
  const k = kind as PreferenceKind;
  const got: Record<string, number> = {};
  for (const part of parts) {
    const [name, value, ...rest] = part.split('=');
    const x = Number(value);
    if (rest.length || !['q', 'p', 's'].includes(name) || value === undefined || value.trim() === '' || !Number.isFinite(x) || x < 0) return `'${part}' in '${spec}' is not q=, p= or s= with a number >= 0`;
    if (!NEEDS[k].includes(name as 'q')) return `${k} takes ${NEEDS[k].length ? NEEDS[k].join(' and ') : 'no parameters'}, not ${name}`;
    got[name] = x;
  }
  const missing = NEEDS[k].filter((n) => got[n] === undefined);
  if (missing.length) return `${k} needs ${missing.map((n) => `${n}=`).join(' and ')}`;
  const f = { kind: k, q: got.q ?? 0, p: got.p ?? 0, s: got.s ?? 0 };
  if ((k === 'vshape' && !(f.p > 0)) || (k === 'gaussian' && !(f.s > 0))) return `${k} needs ${k === 'vshape' ? 'p' : 's'} > 0`;
  if ((k === 'level' || k === 'linear') && !(f.p > f.q)) return `${k} needs p > q (got q=${f.q}, p=${f.p})`;
  return f;
}

/** Splits `c1=a,c2=b` into [name, value] pairs; a value may contain '=' (preference parameters do). */
function pairs(option: string, text: string): [string, string][] {
  return text.split(',').map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) throw new UsageError('usage.bad-option', `--${option}: '${item}' is not criterion=value`, `write e.g. --${option} ${option === 'bounds' ? 'price=0:100' : 'price=linear:q=1:p=5'}`);
    return [item.slice(0, at).trim(), item.slice(at + 1).trim()];
  });
}

/** `--preference 'c1=usual,c2=vshape:p=98'`: preference function by criterion name (unnamed criteria stay usual). */
export function parsePreferenceOption(text: string): Map<string, PreferenceFunction> {
  const out = new Map<string, PreferenceFunction>();
  for (const [name, spec] of pairs('preference', text)) {
    const f = parsePreferenceFunction(spec);
    if (typeof f === 'string') throw new UsageError('usage.bad-preference', `--preference ${name}: ${f}`, 'write e.g. linear:q=1:p=5, gaussian:s=2, usual');
    out.set(name, f);
  }
  return out;
}

/** `--bounds 'c1=0:100,c2=-5:5'`: [min, max] by criterion name. */
export function parseBoundsOption(text: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const [name, spec] of pairs('bounds', text)) {
    const m = /^([^:]+):([^:]+)$/.exec(spec);
    const lo = m ? Number(m[1]) : NaN;
    const hi = m ? Number(m[2]) : NaN;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) throw new UsageError('usage.bad-bounds', `--bounds ${name}: '${spec}' is not min:max with min < max`, 'write e.g. price=0:100');
    out.set(name, [lo, hi]);
  }
  return out;
}

/** `--param v=0.5`: VIKOR's v. */
export function parseParamOption(text: string): { v?: number } {
  const out: { v?: number } = {};
  for (const item of text.split(',')) {
    const [name, value] = item.split('=').map((s) => s.trim());
    const x = Number(value);
    if (name !== 'v') throw new UsageError('usage.bad-param', `--param: unknown parameter '${name}'`, 'the only parameter is v (vikor), e.g. --param v=0.5');
    if (value === undefined || value === '' || !(x >= 0 && x <= 1)) throw new UsageError('usage.bad-param', `--param v: '${value}' is not a number from 0 to 1`, 'e.g. --param v=0.5');
    out.v = x;
  }
  return out;
}

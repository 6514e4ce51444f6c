import { parseExpression } from './sandbox';
import type { ExprTree } from './tree';

/**
 * Rubric expressions: a small, typed language parsed by mathjs and compiled here to closures.
 *
 * Allowed: number, string and boolean literals; the declared symbols (indicators, written with `_` for `-`) and
 * `pi`, `e`; `+ - * / ^ mod`, unary `-`/`+`; `< <= > >= == !=`; `and or xor not`; `c ? a : b`; parentheses; and the
 * functions in FUNCTIONS. Everything else mathjs can parse (assignment, function definition, property access,
 * indexing, matrices, objects, ranges, units, any other function) is refused at load time with
 * `expression.forbidden`. mathjs' own disable list leaves `compile`, `parser`, `chain`, `config` and assignment
 * reachable (TOOLCHAIN.md); an allow-list over the tree, evaluated by our own code, leaves nothing to reach.
 *
 * Every operation's result must be finite (NonFiniteError otherwise), inside clamp, min, max and comparisons too.
 *
 * Semantics differ from mathjs where mathjs would surprise: `==` on strings compares text (mathjs converts strings
 * to numbers), and comparisons are exact IEEE comparisons (no relTol).
 */

export type ValueType = 'number' | 'string' | 'boolean';
export type Value = number | string | boolean;

/** One name an expression may use; `slot` is the index of its column in the frame passed at evaluation. */
export interface SymbolInfo {
  readonly name: string;
  readonly slot: number;
  readonly type: ValueType;
  /** For string symbols from a categorical indicator: the categories a literal compared with it must be. */
  readonly categories?: readonly string[];
  /** Where the symbol comes from, for messages (`indicator credible-suppliers`). */
  readonly origin?: string;
}

export type Scope = ReadonlyMap<string, SymbolInfo>;

/** A column per slot; numeric symbols read Float64Array columns, string symbols read string arrays. */
export type Frame = readonly (ArrayLike<number> | readonly string[])[];

export interface CompiledExpression {
  readonly source: string;
  readonly type: ValueType;
  /** Symbols the expression reads, in first-use order. */
  readonly symbols: readonly string[];
  evaluate(frame: Frame, row: number): Value;
}

export class ExpressionError extends Error {
  constructor(readonly code: string, message: string, readonly hint?: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/**
 * Thrown at evaluation when an operation gives NaN or ±Infinity: a division by 0, the log of a number <= 0, the square
 * root of a negative number, an overflow. Every intermediate result is checked, so `clamp(1/0, 0, 5)` or
 * `1/0 > 3` cannot turn an undefined value into a score or a silent false. The rubric's rule turns it into a
 * `score.not-finite` problem naming the rubric line and the market.
 */
export class NonFiniteError extends Error {
  /** `detail` names the operation and its operands; `source` the whole expression, once known. */
  constructor(readonly detail: string, readonly source?: string) {
    super(source === undefined ? detail : `expression "${source}" gives no number: ${detail}`);
    this.name = 'NonFiniteError';
  }
}

const fmtArg = (x: number): string => String(Number(x.toPrecision(6)));

/** Why an operation gave a non-finite value, in words. */
function cause(op: string, args: readonly number[], r: number): string {
  if ((op === '/' || op === 'mod') && args[1] === 0) return 'division by 0';
  if (/^log/.test(op) && args.some((a) => a <= 0)) return 'logarithm of a number <= 0';
  if (op === 'sqrt' && args[0] < 0) return 'square root of a negative number';
  return Number.isNaN(r) ? 'undefined result' : 'overflow beyond 1.8e308';
}

function notFinite(op: string, args: readonly number[], r: number, infix: boolean): never {
  const text = infix ? `${fmtArg(args[0])} ${op} ${fmtArg(args[1])}` : `${op}(${args.map(fmtArg).join(', ')})`;
  throw new NonFiniteError(`${text} = ${r} (${cause(op, args, r)})`);
}

/** Bounds that keep a hostile rubric from exhausting the stack or the clock. */
export const EXPRESSION_LIMITS = { maxLength: 2000, maxDepth: 32, maxNodes: 400 } as const;

type Fn = (args: number[]) => number;
interface FnSpec { readonly min: number; readonly max: number; readonly fn: Fn; readonly unary?: (x: number) => number }

function roundHalfAway(x: number, digits = 0): number {
  const f = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

export const FUNCTIONS: Readonly<Record<string, FnSpec>> = {
  min: { min: 1, max: 64, fn: (a) => Math.min(...a), unary: (x) => x },
  max: { min: 1, max: 64, fn: (a) => Math.max(...a), unary: (x) => x },
  abs: { min: 1, max: 1, fn: (a) => Math.abs(a[0]), unary: Math.abs },
  sqrt: { min: 1, max: 1, fn: (a) => Math.sqrt(a[0]), unary: Math.sqrt },
  exp: { min: 1, max: 1, fn: (a) => Math.exp(a[0]), unary: Math.exp },
  log: { min: 1, max: 2, fn: (a) => (a.length === 2 ? Math.log(a[0]) / Math.log(a[1]) : Math.log(a[0])), unary: Math.log },
  log10: { min: 1, max: 1, fn: (a) => Math.log10(a[0]), unary: Math.log10 },
  log2: { min: 1, max: 1, fn: (a) => Math.log2(a[0]), unary: Math.log2 },
  pow: { min: 2, max: 2, fn: (a) => a[0] ** a[1] },
  round: { min: 1, max: 2, fn: (a) => roundHalfAway(a[0], a.length > 1 ? a[1] : 0), unary: (x) => roundHalfAway(x, 0) },
  floor: { min: 1, max: 1, fn: (a) => Math.floor(a[0]), unary: Math.floor },
  ceil: { min: 1, max: 1, fn: (a) => Math.ceil(a[0]), unary: Math.ceil },
  sign: { min: 1, max: 1, fn: (a) => Math.sign(a[0]), unary: Math.sign },
  clamp: { min: 3, max: 3, fn: (a) => Math.min(Math.max(a[0], a[1]), a[2]) },
};

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/** Names an expression reads as something other than a declared symbol: constants and the operator words. */
export const RESERVED_NAMES: readonly string[] = [...Object.keys(CONSTANTS), 'true', 'false', 'and', 'or', 'not', 'xor', 'mod'];

const ARITH: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => a ** b,
  mod: (a, b) => a - b * Math.floor(a / b),
};
const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  smaller: (a, b) => a < b,
  smallerEq: (a, b) => a <= b,
  larger: (a, b) => a > b,
  largerEq: (a, b) => a >= b,
};

type Ev = (frame: Frame, row: number) => Value;

/**
 * A binary arithmetic node. `r - r === 0` is false exactly for NaN and ±Infinity: one subtraction per operation.
 * + − × ÷ are written inline, and an operand that is a literal (`x - 1`, `5 * x`) is a constant, not a call: SMAA
 * evaluates rule formulas once per sampled row, and the calls were most of that time. Same operations, same order,
 * same results.
 */
function arithmetic(fn: string, op: string, a: Typed, b: Typed): Ev {
  const ea = a.ev;
  const eb = b.ev;
  const fail = (x: number, y: number, r: number): never => notFinite(op, [x, y], r, true);
  if (typeof b.literal === 'number' && INLINE.has(fn)) {
    const y = b.literal;
    switch (fn) {
      case 'add': return (f, i) => { const x = ea(f, i) as number; const r = x + y; return r - r === 0 ? r : fail(x, y, r); };
      case 'subtract': return (f, i) => { const x = ea(f, i) as number; const r = x - y; return r - r === 0 ? r : fail(x, y, r); };
      case 'multiply': return (f, i) => { const x = ea(f, i) as number; const r = x * y; return r - r === 0 ? r : fail(x, y, r); };
      default: return (f, i) => { const x = ea(f, i) as number; const r = x / y; return r - r === 0 ? r : fail(x, y, r); };
    }
  }
  if (typeof a.literal === 'number' && INLINE.has(fn)) {
    const x = a.literal;
    switch (fn) {
      case 'add': return (f, i) => { const y = eb(f, i) as number; const r = x + y; return r - r === 0 ? r : fail(x, y, r); };
      case 'subtract': return (f, i) => { const y = eb(f, i) as number; const r = x - y; return r - r === 0 ? r : fail(x, y, r); };
      case 'multiply': return (f, i) => { const y = eb(f, i) as number; const r = x * y; return r - r === 0 ? r : fail(x, y, r); };
      default: return (f, i) => { const y = eb(f, i) as number; const r = x / y; return r - r === 0 ? r : fail(x, y, r); };
    }
  }
  switch (fn) {
    case 'add': return (f, i) => { const x = ea(f, i) as number; const y = eb(f, i) as number; const r = x + y; return r - r === 0 ? r : fail(x, y, r); };
    case 'subtract': return (f, i) => { const x = ea(f, i) as number; const y = eb(f, i) as number; const r = x - y; return r - r === 0 ? r : fail(x, y, r); };
    case 'multiply': return (f, i) => { const x = ea(f, i) as number; const y = eb(f, i) as number; const r = x * y; return r - r === 0 ? r : fail(x, y, r); };
    case 'divide': return (f, i) => { const x = ea(f, i) as number; const y = eb(f, i) as number; const r = x / y; return r - r === 0 ? r : fail(x, y, r); };
    default: {
      const k = ARITH[fn];
      return (f, i) => { const x = ea(f, i) as number; const y = eb(f, i) as number; const r = k(x, y); return r - r === 0 ? r : fail(x, y, r); };
    }
  }
}
const INLINE = new Set(['add', 'subtract', 'multiply', 'divide']);
interface Typed {
  readonly type: ValueType;
  readonly ev: Ev;
  readonly category?: SymbolInfo;
  readonly literal?: Value;
  /** A numeric symbol's frame slot, so `x <= 3` can read the column directly. */
  readonly slot?: number;
}

/** Converts an indicator or condition id to the name expressions use for it: `credible-suppliers` → `credible_suppliers`. */
export function symbolName(id: string): string {
  return id.replace(/-/g, '_');
}

function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return max;
}

/**
 * Parses, checks and compiles an expression against a scope. `expect` is the type the caller needs (a rule score
 * is a number, a table row's condition a boolean). Throws ExpressionError with a stable code.
 */
export function compileExpression(source: string, scope: Scope, expect?: ValueType): CompiledExpression {
  if (source.length > EXPRESSION_LIMITS.maxLength) {
    throw new ExpressionError('expression.too-large', `is ${source.length} characters, over the limit of ${EXPRESSION_LIMITS.maxLength}`, 'split the logic over several criteria or table rows');
  }
  if (nestingDepth(source) > EXPRESSION_LIMITS.maxDepth) {
    throw new ExpressionError('expression.too-deep', `nests brackets deeper than ${EXPRESSION_LIMITS.maxDepth} levels`, 'flatten the expression');
  }
  let tree: ExprTree;
  try {
    tree = parseExpression(source);
  } catch (e) {
    throw new ExpressionError('expression.syntax', `cannot be parsed: ${(e as Error).message}`, 'check brackets and operators; ids are written with _ instead of -');
  }
  let nodes = 0;
  const used: string[] = [];

  const fail = (code: string, msg: string, hint?: string): never => {
    throw new ExpressionError(code, msg, hint);
  };

  const need = (t: Typed, type: ValueType, what: string): void => {
    if (t.type !== type) fail('expression.type', `${what} must be a ${type}, got a ${t.type}`);
  };

  const walk = (node: ExprTree, depth: number): Typed => {
    if (++nodes > EXPRESSION_LIMITS.maxNodes) fail('expression.too-large', `has more than ${EXPRESSION_LIMITS.maxNodes} nodes`, 'split the logic over several criteria or table rows');
    if (depth > EXPRESSION_LIMITS.maxDepth * 2) fail('expression.too-deep', `nests deeper than ${EXPRESSION_LIMITS.maxDepth * 2} operations`, 'flatten the expression');
    switch (node.type) {
      case 'ConstantNode': {
        const v = node.value;
        if (typeof v === 'number') {
          if (!Number.isFinite(v)) fail('expression.not-finite', `the number ${String(v)} is not finite`, 'write numbers between -1.8e308 and 1.8e308');
          return { type: 'number', ev: () => v, literal: v };
        }
        if (typeof v === 'string') return { type: 'string', ev: () => v, literal: v };
        if (typeof v === 'boolean') return { type: 'boolean', ev: () => v };
        return fail('expression.forbidden', `the constant ${String(v)} is not allowed`, 'use numbers, "text" or true/false');
      }
      case 'SymbolNode': {
        const name = node.name;
        const sym = scope.get(name);
        if (sym) {
          if (!used.includes(name)) used.push(name);
          const slot = sym.slot;
          if (sym.type === 'number') return { type: 'number', ev: (f, i) => (f[slot] as ArrayLike<number>)[i], slot };
          if (sym.type === 'string') return { type: 'string', ev: (f, i) => (f[slot] as readonly string[])[i], category: sym };
          return { type: 'boolean', ev: (f, i) => (f[slot] as ArrayLike<number>)[i] !== 0 };
        }
        // Own properties only: `constructor` and `__proto__` are "in" every object literal.
        if (Object.prototype.hasOwnProperty.call(CONSTANTS, name)) {
          const v = CONSTANTS[name];
          return { type: 'number', ev: () => v };
        }
        const known = [...scope.keys()].sort();
        const near = known.find((k) => k === name.replace(/-/g, '_') || k.startsWith(name.slice(0, 4)));
        return fail('expression.unknown-symbol', `uses '${name}', which is not a declared indicator`, near ? `did you mean '${near}'? declared: ${known.join(', ')}` : `declared: ${known.join(', ') || '(none)'}`);
      }
      case 'ParenthesisNode':
        return walk(node.content, depth + 1);
      case 'ConditionalNode': {
        const c = walk(node.condition, depth + 1);
        need(c, 'boolean', 'the condition before ?');
        const a = walk(node.trueExpr, depth + 1);
        const b = walk(node.falseExpr, depth + 1);
        if (a.type !== b.type) fail('expression.type', `both branches of ?: must have one type, got ${a.type} and ${b.type}`);
        return { type: a.type, ev: (f, i) => (c.ev(f, i) ? a.ev(f, i) : b.ev(f, i)) };
      }
      case 'OperatorNode':
        return operator(node.fn, node.op, node.args.map((a) => walk(a, depth + 1)));
      case 'FunctionNode': {
        const fnNode = node.fn;
        const name = fnNode.type === 'SymbolNode' ? fnNode.name : '';
        const spec = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
        if (!spec) return fail('expression.forbidden', `calls '${name || (fnNode.type === 'Other' ? fnNode.kind : fnNode.type)}', which is not an allowed function`, `allowed: ${Object.keys(FUNCTIONS).join(', ')}`);
        const args = node.args.map((a) => walk(a, depth + 1));
        if (args.length < spec.min || args.length > spec.max) fail('expression.arity', `${name} takes ${spec.min === spec.max ? spec.min : `${spec.min} to ${spec.max}`} arguments, got ${args.length}`);
        args.forEach((a, k) => need(a, 'number', `argument ${k + 1} of ${name}`));
        const evs = args.map((a) => a.ev);
        const fn = spec.fn;
        // Fixed arities get closures that build no argument array: rules run per row, SMAA per sampled row.
        if (evs.length === 1 && spec.unary) {
          const [a] = evs;
          const u = spec.unary;
          return { type: 'number', ev: (f, i) => { const x = a(f, i) as number; const r = u(x); return r - r === 0 ? r : notFinite(name, [x], r, false); } };
        }
        if (evs.length === 2) {
          const [a, b] = evs;
          const buf = [0, 0];
          return { type: 'number', ev: (f, i) => { buf[0] = a(f, i) as number; buf[1] = b(f, i) as number; const r = fn(buf); return r - r === 0 ? r : notFinite(name, buf, r, false); } };
        }
        return { type: 'number', ev: (f, i) => { const xs = evs.map((e) => e(f, i) as number); const r = fn(xs); return r - r === 0 ? r : notFinite(name, xs, r, false); } };
      }
      default:
        return fail('expression.forbidden', `uses a ${node.kind.replace(/Node$/, '').toLowerCase()} construct, which rubric expressions do not allow`, 'only arithmetic, comparisons, and/or/not, ?: and the listed functions are allowed');
    }
  };

  const operator = (fn: string, op: string, args: Typed[]): Typed => {
    if (args.length === 1) {
      const [a] = args;
      if (fn === 'unaryMinus' || fn === 'unaryPlus') {
        need(a, 'number', `the operand of ${op}`);
        return fn === 'unaryMinus' ? { type: 'number', ev: (f, i) => -(a.ev(f, i) as number) } : a;
      }
      if (fn === 'not') {
        need(a, 'boolean', 'the operand of not');
        return { type: 'boolean', ev: (f, i) => !a.ev(f, i) };
      }
    } else if (args.length === 2) {
      const [a, b] = args;
      if (Object.prototype.hasOwnProperty.call(ARITH, fn)) {
        need(a, 'number', `the left side of ${op}`);
        need(b, 'number', `the right side of ${op}`);
        return { type: 'number', ev: arithmetic(fn, op, a, b) };
      }
      if (Object.prototype.hasOwnProperty.call(COMPARE, fn)) {
        need(a, 'number', `the left side of ${op}`);
        need(b, 'number', `the right side of ${op}`);
        // The common table-row shape `indicator <op> number` reads the column directly (same result, one closure).
        if (a.slot !== undefined && typeof b.literal === 'number') {
          const s = a.slot;
          const c = b.literal;
          if (fn === 'smaller') return { type: 'boolean', ev: (f, i) => (f[s] as ArrayLike<number>)[i] < c };
          if (fn === 'smallerEq') return { type: 'boolean', ev: (f, i) => (f[s] as ArrayLike<number>)[i] <= c };
          if (fn === 'larger') return { type: 'boolean', ev: (f, i) => (f[s] as ArrayLike<number>)[i] > c };
          return { type: 'boolean', ev: (f, i) => (f[s] as ArrayLike<number>)[i] >= c };
        }
        const k = COMPARE[fn];
        return { type: 'boolean', ev: (f, i) => k(a.ev(f, i) as number, b.ev(f, i) as number) };
      }
      if (fn === 'equal' || fn === 'unequal') {
        if (a.type !== b.type) fail('expression.type', `${op} compares a ${a.type} with a ${b.type}`, 'compare like with like; category values are "text"');
        checkCategory(a, b);
        checkCategory(b, a);
        return fn === 'equal'
          ? { type: 'boolean', ev: (f, i) => a.ev(f, i) === b.ev(f, i) }
          : { type: 'boolean', ev: (f, i) => a.ev(f, i) !== b.ev(f, i) };
      }
      if (fn === 'and' || fn === 'or' || fn === 'xor') {
        need(a, 'boolean', `the left side of ${op}`);
        need(b, 'boolean', `the right side of ${op}`);
        if (fn === 'and') return { type: 'boolean', ev: (f, i) => (a.ev(f, i) as boolean) && (b.ev(f, i) as boolean) };
        if (fn === 'or') return { type: 'boolean', ev: (f, i) => (a.ev(f, i) as boolean) || (b.ev(f, i) as boolean) };
        return { type: 'boolean', ev: (f, i) => a.ev(f, i) !== b.ev(f, i) };
      }
    }
    return fail('expression.forbidden', `uses the operator '${op}' (${fn}), which rubric expressions do not allow`, 'allowed: + - * / ^ mod < <= > >= == != and or xor not ?:');
  };

  const checkCategory = (sym: Typed, lit: Typed): void => {
    const cats = sym.category?.categories;
    if (!cats) return;
    // Only literals can be checked statically.
    if (typeof lit.literal === 'string') {
      const v = lit.literal;
      if (!cats.includes(v)) fail('expression.unknown-category', `compares ${sym.category!.name} with "${v}", which is not one of its categories`, `categories: ${cats.join(', ')}`);
    }
  };

  const root = walk(tree, 0);
  if (expect && root.type !== expect) fail('expression.type', `must give a ${expect}, but gives a ${root.type}`, expect === 'boolean' ? 'write a comparison such as x >= 3' : 'write a number-valued formula');
  const ev = root.ev;
  const evaluate = (f: Frame, i: number): Value => {
    try {
      return ev(f, i);
    } catch (e) {
      throw e instanceof NonFiniteError && e.source === undefined ? new NonFiniteError(e.detail, source) : e;
    }
  };
  return { source, type: root.type, symbols: used, evaluate };
}

import { describe, expect, it } from 'vitest';
import { compileExpression, ExpressionError, EXPRESSION_LIMITS, type Scope } from '../src/expression/compile';

const scope: Scope = new Map([
  ['x', { name: 'x', slot: 0, type: 'number' as const }],
  ['y', { name: 'y', slot: 1, type: 'number' as const }],
  ['mode', { name: 'mode', slot: 2, type: 'string' as const, categories: ['sovereign', 'price-led'] }],
]);
const frame = [Float64Array.of(3, -2), Float64Array.of(4, 0), ['sovereign', 'price-led']];
const ev = (src: string, row = 0) => compileExpression(src, scope).evaluate(frame, row);
const codeOf = (src: string, expect?: 'number' | 'boolean'): string => {
  try {
    compileExpression(src, scope, expect);
  } catch (e) {
    if (e instanceof ExpressionError) return e.code;
    throw e;
  }
  return 'compiled';
};

describe('expression language', () => {
  it.each([
    ['x + y * 2', 11], ['(x + y) * 2', 14], ['x ^ 2', 9], ['-x', -3], ['7 mod 3', 1], ['-7 mod 3', 2],
    ['min(x, y, 1)', 1], ['max(x, y)', 4], ['clamp(x * 10, 0, 5)', 5], ['sqrt(y)', 2], ['round(2.5)', 3], ['round(-2.5)', -3],
    ['x > 2 ? 10 : 0', 10], ['pi > 3 and e < 3 ? 1 : 0', 1], ['log(8, 2)', 3], ['abs(-x)', 3],
  ])('%s = %s', (src, want) => {
    expect(ev(src)).toBeCloseTo(want as number, 12);
  });
  it('compares category text as text, not as numbers (mathjs == would convert)', () => {
    expect(ev('mode == "sovereign"', 0)).toBe(true);
    expect(ev('mode == "sovereign"', 1)).toBe(false);
    expect(ev('mode != "sovereign" and x < 0', 1)).toBe(true);
  });
  it('juxtaposition is multiplication, as in mathjs: (x)(y) = 12', () => {
    expect(ev('(x)(y)')).toBe(12);
  });
  it('comparisons are exact IEEE comparisons', () => {
    expect(ev('0.1 + 0.2 == 0.3')).toBe(false);
  });
});

describe('expression checks at load time', () => {
  it.each([
    ['x >', 'expression.syntax'],
    ['z + 1', 'expression.unknown-symbol'],
    ['x + "a"', 'expression.type'],
    ['x and y', 'expression.type'],
    ['x > 1 ? 1 : "no"', 'expression.type'],
    ['mode == "exotic"', 'expression.unknown-category'],
    ['mode == 3', 'expression.type'],
    ['min()', 'expression.arity'],
    ['sqrt(x, y)', 'expression.arity'],
  ])('%s → %s', (src, code) => expect(codeOf(src)).toBe(code));
  it('a rule score must be a number and a row condition a boolean', () => {
    expect(codeOf('x > 1', 'number')).toBe('expression.type');
    expect(codeOf('x + 1', 'boolean')).toBe('expression.type');
  });
});

/**
 * Every escape tried. Sources: the mathjs security page (import, createUnit, evaluate, parse, simplify, derivative
 * overrides), TOOLCHAIN.md (compile, simplifyCore, leafCount, parser, chain, config, resolve and assignment stay
 * reachable past that list), and the published mathjs sandbox escapes of 2017 (CVE-2017-1001002/1001003: reaching
 * Function through `cos.constructor`, `[].map.constructor`, and property access on functions).
 */
describe('expression sandbox: escapes are refused at load time', () => {
  const escapes: [string, string][] = [
    ['import({}, {override: true})', 'expression.forbidden'],
    ['createUnit("foo")', 'expression.forbidden'],
    ['evaluate("1+1")', 'expression.forbidden'],
    ['parse("1+1")', 'expression.forbidden'],
    ['compile("1+1")', 'expression.forbidden'],
    ['simplify("x+x")', 'expression.forbidden'],
    ['simplifyCore("x+x")', 'expression.forbidden'],
    ['derivative("x^2", "x")', 'expression.forbidden'],
    ['leafCount("x")', 'expression.forbidden'],
    ['parser()', 'expression.forbidden'],
    ['chain(3)', 'expression.forbidden'],
    ['config({number: "BigNumber"})', 'expression.forbidden'],
    ['resolve("x", {})', 'expression.forbidden'],
    ['a = 5', 'expression.forbidden'],
    ['f(t) = t^2', 'expression.forbidden'],
    ['x.constructor', 'expression.forbidden'],
    ['cos.constructor("return process")()', 'expression.syntax'],
    ['[].map.constructor("return this")()', 'expression.syntax'],
    ['cos.constructor', 'expression.forbidden'],
    ['sqrt.constructor', 'expression.forbidden'],
    ['x["constructor"]', 'expression.forbidden'],
    ['{a: 1}', 'expression.forbidden'],
    ['[1, 2, 3]', 'expression.forbidden'],
    ['1:10', 'expression.forbidden'],
    ['x; y', 'expression.forbidden'],
    ['x!', 'expression.forbidden'],
    ['x to cm', 'expression.unknown-symbol'],
    ['x to x', 'expression.forbidden'],
    ['5 cm', 'expression.unknown-symbol'],
    ['toString()', 'expression.forbidden'],
    ['__proto__', 'expression.unknown-symbol'],
    ['constructor', 'expression.unknown-symbol'],
    ['hasOwnProperty(x)', 'expression.forbidden'],
    ['null', 'expression.forbidden'],
    ['undefined', 'expression.forbidden'],
    ['valueOf', 'expression.unknown-symbol'],
    ['x & y', 'expression.forbidden'],
    ['x << 2', 'expression.forbidden'],
    ["x'", 'expression.forbidden'],
  ];
  it.each(escapes)('%s → %s', (src, code) => expect(codeOf(src)).toBe(code));

  it('refuses expressions past the documented size and depth limits', () => {
    expect(codeOf('x' + ' + x'.repeat(EXPRESSION_LIMITS.maxLength))).toBe('expression.too-large');
    expect(codeOf('('.repeat(EXPRESSION_LIMITS.maxDepth + 1) + 'x' + ')'.repeat(EXPRESSION_LIMITS.maxDepth + 1))).toBe('expression.too-deep');
    // A balanced sum of 256 leaves: shallow (depth 8) but 511 nodes, over the node limit.
    let balanced = 'x';
    for (let k = 0; k < 8; k++) balanced = `(${balanced}+${balanced})`;
    expect(codeOf(balanced)).toBe('expression.too-large');
    expect(codeOf('-'.repeat(200) + 'x')).toBe('expression.too-deep');
  });
});

import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { compileExpression, FUNCTIONS, type Scope } from '../src/expression/compile';
import { excelFormula } from '../src/render/excel-expression';

const scope: Scope = new Map([['x', { name: 'x', slot: 0, type: 'number' as const }], ['y', { name: 'y', slot: 1, type: 'number' as const }]]);
const refs = (s: string) => ({ x: 'A1', y: 'B1' })[s];

/** Evaluates a formula in a spreadsheet engine with x in A1 and y in B1, at full double precision. */
function spreadsheetValue(formula: string, x: number, y: number): unknown {
  const hf = HyperFormula.buildFromArray([[x, y, `=${formula}`]], { licenseKey: 'gpl-v3', precisionRounding: 15, precisionEpsilon: 0 });
  return hf.getCellValue({ sheet: 0, row: 0, col: 2 });
}

// Each expression is chosen where the rubric and a spreadsheet could disagree: precedence (-x^2 is -(x^2) in the
// rubric, (-x)^2 in Excel), mod of negatives, floor/ceil of negatives, round half away from zero, xor, == and !=.
const CASES = [
  'x + y * 2', '-x ^ 2', '2 ^ -1 * x', 'x mod y', 'min(x, y, 3) + max(x, 1)', 'abs(x - y)', 'x >= 3 and not (y < 1)',
  'x > 1 xor y > 1', 'x > 2 ? x : y', 'round(x * 1.5)', 'round(x / 3, 2)', 'floor(x / y)', 'ceil(x / y)', 'sign(y) * clamp(x, -1, 3.5)',
  'sqrt(abs(x)) + log(abs(y) + 1)', 'log(8, 2) + log10(100) + log2(8)', 'exp(1) - e', 'pow(x, 2) - pi', 'x == y', 'x != y', 'true or false',
];
const POINTS: [number, number][] = [[-2.5, -1.5], [3, 2], [4, 0.5], [-3, 3], [2, 2]];

describe('excelFormula: a rubric expression as a spreadsheet formula', () => {
  it('covers every rubric function', () => {
    for (const f of Object.keys(FUNCTIONS)) expect(CASES.some((c) => c.includes(`${f}(`)), f).toBe(true);
  });

  for (const src of CASES) {
    it(`${src} evaluates in a spreadsheet as the rubric evaluates it`, () => {
      const compiled = compileExpression(src, scope);
      const formula = excelFormula(src, refs);
      expect(formula).toBeDefined();
      for (const [x, y] of POINTS) {
        const want = compiled.evaluate([[x], [y]], 0);
        const got = spreadsheetValue(formula!, x, y);
        if (typeof want === 'number') expect(got as number, `${formula} at x=${x}, y=${y}`).toBeCloseTo(want, 12);
        else expect(got, `${formula} at x=${x}, y=${y}`).toBe(want);
      }
    });
  }

  it('declines what a spreadsheet cannot write exactly: text, exponent literals, unknown symbols', () => {
    // = on text ignores case in a spreadsheet; 1e-12 is not a literal every engine reads.
    expect(excelFormula('x > 1 and "a" == "a"', refs)).toBeUndefined();
    expect(excelFormula('x > 1e-12', refs)).toBeUndefined();
    expect(excelFormula('z > 1', refs)).toBeUndefined();
  });
});

import { parseExpression } from '../expression/sandbox';
import type { ExprTree } from '../expression/tree';

/** Every rubric function (src/expression/compile.ts FUNCTIONS) as a spreadsheet formula of the same meaning. */
const FUNCTIONS: Readonly<Record<string, (args: string[]) => string>> = {
  min: (a) => `MIN(${a.join(',')})`,
  max: (a) => `MAX(${a.join(',')})`,
  abs: (a) => `ABS(${a[0]})`,
  sqrt: (a) => `SQRT(${a[0]})`,
  exp: (a) => `EXP(${a[0]})`,
  log: (a) => (a.length === 2 ? `LOG(${a[0]},${a[1]})` : `LN(${a[0]})`),
  log10: (a) => `LOG10(${a[0]})`,
  log2: (a) => `LOG(${a[0]},2)`,
  pow: (a) => `POWER(${a[0]},${a[1]})`,
  // Both round half away from zero.
  round: (a) => `ROUND(${a[0]},${a[1] ?? 0})`,
  // FLOOR(x,1) rounds toward minus infinity in Excel 2010+, LibreOffice and HyperFormula alike; INT should too,
  // but HyperFormula truncates INT(-1.5) to -1.
  floor: (a) => `FLOOR(${a[0]},1)`,
  ceil: (a) => `(-FLOOR(-${a[0]},1))`,
  sign: (a) => `SIGN(${a[0]})`,
  clamp: (a) => `MIN(MAX(${a[0]},${a[1]}),${a[2]})`,
};

const BINARY: Readonly<Record<string, (a: string, b: string) => string>> = {
  add: (a, b) => `(${a}+${b})`,
  subtract: (a, b) => `(${a}-${b})`,
  multiply: (a, b) => `(${a}*${b})`,
  divide: (a, b) => `(${a}/${b})`,
  pow: (a, b) => `(${a}^${b})`,
  // MOD takes the divisor's sign, as the rubric's a - b·floor(a/b) does.
  mod: (a, b) => `MOD(${a},${b})`,
  smaller: (a, b) => `(${a}<${b})`,
  smallerEq: (a, b) => `(${a}<=${b})`,
  larger: (a, b) => `(${a}>${b})`,
  largerEq: (a, b) => `(${a}>=${b})`,
  equal: (a, b) => `(${a}=${b})`,
  unequal: (a, b) => `(${a}<>${b})`,
  and: (a, b) => `AND(${a},${b})`,
  or: (a, b) => `OR(${a},${b})`,
  // XOR() needs Excel 2013's _xlfn prefix; two booleans differ exactly when they are unequal.
  xor: (a, b) => `(${a}<>${b})`,
};

/**
 * A rubric expression (already checked when the rubric was loaded) as a spreadsheet formula, with each symbol
 * replaced by `ref(symbol)`; undefined when it uses something without an exact spreadsheet equivalent (a string
 * literal, since `=` on text ignores case in a spreadsheet; a number a formula cannot write as a plain decimal;
 * a function not listed above), so the caller writes the value instead. Every operation is parenthesised: the
 * spreadsheet's precedence differs from the rubric's (`-2^2` is 4 in Excel).
 */
export function excelFormula(source: string, ref: (symbol: string) => string | undefined): string | undefined {
  const walk = (node: ExprTree): string | undefined => {
    switch (node.type) {
      case 'ConstantNode': {
        const v = node.value;
        // TRUE() rather than TRUE: every engine has the functions, not every one the literals.
        if (typeof v === 'boolean') return v ? 'TRUE()' : 'FALSE()';
        if (typeof v === 'number' && Number.isFinite(v) && !/e/i.test(String(v))) return String(v);
        return undefined;
      }
      case 'SymbolNode': {
        if (node.name === 'pi') return 'PI()';
        if (node.name === 'e') return 'EXP(1)';
        return ref(node.name);
      }
      case 'ParenthesisNode':
        return walk(node.content);
      case 'ConditionalNode': {
        const [c, a, b] = [node.condition, node.trueExpr, node.falseExpr].map(walk);
        return c && a && b ? `IF(${c},${a},${b})` : undefined;
      }
      case 'OperatorNode': {
        const args = node.args.map(walk);
        if (args.some((a) => a === undefined)) return undefined;
        const fn = node.fn;
        if (args.length === 1) return fn === 'unaryMinus' ? `(-${args[0]})` : fn === 'unaryPlus' ? args[0] : fn === 'not' ? `NOT(${args[0]})` : undefined;
        return Object.prototype.hasOwnProperty.call(BINARY, fn) ? BINARY[fn](args[0]!, args[1]!) : undefined;
      }
      case 'FunctionNode': {
        const name = node.fn.type === 'SymbolNode' ? node.fn.name : '';
        const args = node.args.map(walk);
        if (args.some((a) => a === undefined) || !Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) return undefined;
        return FUNCTIONS[name](args as string[]);
      }
      default:
        return undefined;
    }
  };
  return walk(parseExpression(source));
}

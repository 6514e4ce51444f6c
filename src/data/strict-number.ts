/**
 * The one number grammar of data files: `[+-]digits[.digits][e[+-]digits]` or `[+-].digits…`, nothing else.
 * JavaScript's Number() would also take ` 12 `, `0x1F`, `1e`, `` (as 0) and `Infinity`; data cells must not.
 */
export const STRICT_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface NumberProblem {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/** Parses a data cell; returns the number or a problem that says how to write the value. */
export function parseStrictNumber(cell: string): number | NumberProblem {
  if (STRICT_NUMBER.test(cell)) {
    const v = Number(cell);
    if (!Number.isFinite(v)) return { code: 'data.not-finite', message: `'${shown(cell)}' is beyond the range of a double (±1.8e308)`, hint: 'rescale the column (say, to thousands)' };
    // Underflow is the mirror of overflow: a non-zero literal that reads as 0 would change a ratio or a sign silently.
    if (v === 0 && /[1-9]/.test(cell.split(/[eE]/)[0])) return { code: 'data.underflow', message: `'${shown(cell)}' is too close to 0 for a double (below ±4.9e-324) and would read as 0`, hint: 'rescale the column, or write 0 if zero is meant' };
    return v;
  }
  return classifyBadNumber(cell);
}

/** Longest part of a cell quoted in a message: a 300 MB field must not become a 300 MB error line. */
const SHOWN_MAX = 60;
export function shown(cell: string): string {
  return cell.length <= SHOWN_MAX ? cell : `${cell.slice(0, SHOWN_MAX)}… (${cell.length.toLocaleString('en')} characters)`;
}

function classifyBadNumber(whole: string): NumberProblem {
  // Classified on a bounded prefix: the regexes below need no more, and the messages quote it shortened.
  const cell = shown(whole);
  const t = cell.trim();
  if (t.length === 0) return { code: 'data.missing-value', message: 'is empty', hint: 'every cell of a numeric column needs a number' };
  if (t !== cell && STRICT_NUMBER.test(t)) return { code: 'data.not-a-number', message: `'${cell}' has spaces around the number`, hint: `write ${t}` };
  if (/^[+-]?(nan|inf(inity)?)$/i.test(t)) return { code: 'data.not-finite', message: `'${cell}' is not a finite number`, hint: 'write a finite number, or drop the row' };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { code: 'data.thousands-separator', message: `'${cell}' uses a thousands separator`, hint: `write ${t.replace(/,/g, '')}` };
  const unit = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%|[A-Za-z¥$€£]+)$/.exec(t) ?? /^([¥$€£])\s*([+-]?\d+(?:\.\d*)?)$/.exec(t);
  if (unit) {
    const num = /\d/.test(unit[1]) ? unit[1] : unit[2];
    return { code: 'data.unit-in-number', message: `'${cell}' carries a unit`, hint: `write ${num} and declare the unit in the indicator dictionary` };
  }
  if (/^[+-]?\d+,\d+$/.test(t)) return { code: 'data.decimal-comma', message: `'${cell}' uses a decimal comma`, hint: `write ${t.replace(',', '.')}` };
  return { code: 'data.not-a-number', message: `'${cell}' is not a number`, hint: 'write digits with an optional . and exponent, such as 12.5 or 1.2e3' };
}

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
    if (Number.isFinite(v)) return v;
    return { code: 'data.not-finite', message: `'${cell}' is beyond the range of a double (±1.8e308)`, hint: 'rescale the column (say, to thousands)' };
  }
  return classifyBadNumber(cell);
}

function classifyBadNumber(cell: string): NumberProblem {
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

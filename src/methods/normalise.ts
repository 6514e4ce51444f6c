import type { Problem } from '../errors/problem';
import type { DecisionMatrix } from './method';

/**
 * Linear ratio normalisation (Hwang & Yoon 1981, §2.2): benefit r = x / max x, cost r = min x / x. Used by WSM and
 * WPM on raw data; both need positive values (a cost ratio divides by x).
 */
export function linearRatio(col: Float64Array, benefit: boolean): Float64Array {
  const n = col.length;
  const out = new Float64Array(n);
  if (benefit) {
    let max = -Infinity;
    for (let i = 0; i < n; i++) if (col[i] > max) max = col[i];
    for (let i = 0; i < n; i++) out[i] = col[i] / max;
  } else {
    let min = Infinity;
    for (let i = 0; i < n; i++) if (col[i] < min) min = col[i];
    for (let i = 0; i < n; i++) out[i] = min / col[i];
  }
  return out;
}

/** The columns a method reads: ratio-normalised raw data, or the rubric's scores as they are. */
export function ratioColumns(m: DecisionMatrix): readonly Float64Array[] {
  return m.prescaled ? m.columns : m.columns.map((c, j) => linearRatio(c, m.benefit[j]));
}

/** Ratio normalisation is defined for values >= 0 with a positive maximum (benefit) and values > 0 (cost). */
export function checkRatioInputs(m: DecisionMatrix, method: string): Problem[] {
  if (m.prescaled) return [];
  const problems: Problem[] = [];
  m.columns.forEach((col, j) => {
    let max = -Infinity;
    for (let i = 0; i < col.length; i++) {
      const x = col[i];
      if (x > max) max = x;
      if (x < 0 || (!m.benefit[j] && x === 0)) {
        problems.push({ code: 'method.nonpositive', file: m.file, path: `row ${m.ids[i]}, column ${m.criteria[j]}`, message: `${method} needs ${m.benefit[j] ? 'values >= 0' : 'values > 0 for a cost criterion'}, got ${x}`, hint: 'shift or rescale the column, or use --method topsis' });
        return;
      }
    }
    if (m.benefit[j] && !(max > 0)) problems.push({ code: 'method.zero-column', file: m.file, path: `column ${m.criteria[j]}`, message: `every value is 0, so x / max x is undefined`, hint: 'drop the column with --criteria' });
  });
  return problems;
}

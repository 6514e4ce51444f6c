import type { Problem } from '../errors/problem';
import type { DecisionMatrix } from './method';

/**
 * Linear ratio normalisation (Hwang & Yoon 1981, §2.2): benefit r = x / max x, cost r = min x / x. Used by WSM and
 * WPM on raw data; both need positive values (a cost ratio divides by x). With `blocks` > 1 the column holds that
 * many independent problems one after the other, each normalised on its own.
 */
export function linearRatio(col: Float64Array, benefit: boolean, blocks = 1): Float64Array {
  const out = new Float64Array(col.length);
  const n = col.length / blocks;
  for (let b = 0; b < blocks; b++) {
    const from = b * n;
    const to = from + n;
    if (benefit) {
      let max = -Infinity;
      for (let i = from; i < to; i++) if (col[i] > max) max = col[i];
      for (let i = from; i < to; i++) out[i] = col[i] / max;
    } else {
      let min = Infinity;
      for (let i = from; i < to; i++) if (col[i] < min) min = col[i];
      for (let i = from; i < to; i++) out[i] = min / col[i];
    }
  }
  return out;
}

/** The columns a method reads: ratio-normalised raw data, or the rubric's scores as they are. */
export function ratioColumns(m: DecisionMatrix, blocks = 1): readonly Float64Array[] {
  return m.prescaled ? m.columns : m.columns.map((c, j) => linearRatio(c, m.benefit[j], blocks));
}

/**
 * Ratio normalisation is defined for values >= 0 with a positive maximum (benefit) and values > 0 (cost). "Every
 * value is 0" means exactly 0: 1e-300 is a positive maximum and normalises like any other.
 */
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
    if (m.benefit[j] && max === 0) problems.push({ code: 'method.zero-column', file: m.file, path: `column ${m.criteria[j]}`, message: `every value is 0, so x / max x is undefined`, hint: 'drop the column with --criteria' });
  });
  return problems;
}

/**
 * Vector normalisation (Hwang & Yoon 1981, §2.2): r_i = x_i / sqrt(Σ_k x_k²) over rows from … to − 1, written into
 * `out`. The column is first divided by its largest magnitude, so Σ x² can neither overflow (1e200) nor underflow
 * (1e-200); a column of zeros gives zeros. What TOPSIS and MOORA share.
 */
export function vectorNormalise(c: ArrayLike<number>, out: Float64Array, from: number, to: number): void {
  let big = 0;
  for (let i = from; i < to; i++) if (Math.abs(c[i]) > big) big = Math.abs(c[i]);
  let ss = 0;
  for (let i = from; i < to; i++) {
    const q = c[i] / big;
    ss += q * q;
  }
  const norm = Math.sqrt(ss);
  for (let i = from; i < to; i++) out[i] = big > 0 ? c[i] / big / norm : 0;
}

/** Vector normalisation divides by the column's length: undefined only when every value is exactly 0. */
export function checkVectorColumns(m: DecisionMatrix): Problem[] {
  const problems: Problem[] = [];
  m.columns.forEach((c, j) => {
    if (c.every((x) => x === 0)) problems.push({ code: 'method.zero-column', file: m.file, path: `column ${m.criteria[j]}`, message: 'every value is 0, so vector normalisation divides by 0', hint: 'drop the column' });
  });
  return problems;
}

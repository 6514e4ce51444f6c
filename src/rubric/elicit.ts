import { formatPath, type ProblemList } from '../errors/problem';
import type { YamlSource } from '../io/yaml-source';
import { ahpWeights, checkComparisonMatrix, RANDOM_INDEX_NAME, AHP_WARN_CR } from '../weights/ahp';
import { rocWeights } from '../weights/roc';
import type { WeightingSpec } from './schema';

type P = (string | number)[];

/** "1/3" → 0.333…; numbers pass through. */
export function parseRatio(v: number | string): number {
  if (typeof v === 'number') return v;
  const [a, b] = v.split('/').map((s) => Number(s.trim()));
  return a / b;
}

/**
 * Declared weights for siblings: written (`weight` on each) or elicited (`weighting` on the parent). Exactly one of
 * the two. Returns the weights and a note saying how they were elicited, or undefined after pushing problems.
 */
export function siblingWeights(
  ids: readonly string[], written: readonly (number | undefined)[], weighting: WeightingSpec | undefined,
  what: string, base: P, itemPath: (i: number) => P, yaml: YamlSource, problems: ProblemList,
): { weights: number[]; notes: string[] } | undefined {
  const at = (path: P) => ({ line: yaml.lineOf(path), path: formatPath(path) });
  if (!weighting) {
    const missing = written.map((w, i) => (w === undefined ? i : -1)).filter((i) => i >= 0);
    missing.forEach((i) => problems.add({ code: 'rubric.missing-weight', ...at(itemPath(i)), message: `${what} '${ids[i]}' has no weight`, hint: `write weight: …, or elicit the ${what} weights with weighting: { ahp: … } or { rankOrder: […] }` }));
    return missing.length ? undefined : { weights: written as number[], notes: [] };
  }
  const given = written.map((w, i) => (w !== undefined ? i : -1)).filter((i) => i >= 0);
  given.forEach((i) => problems.add({ code: 'rubric.weight-twice', ...at([...itemPath(i), 'weight']), message: `${what} '${ids[i]}' has a weight, but its weights are elicited by weighting`, hint: 'remove one of the two' }));
  if (given.length) return undefined;
  if ('rankOrder' in weighting) {
    const order = weighting.rankOrder;
    const missing = ids.filter((id) => !order.includes(id));
    const unknown = order.filter((id) => !ids.includes(id));
    const dup = order.filter((id, k) => order.indexOf(id) !== k);
    if (missing.length || unknown.length || dup.length) {
      problems.add({ code: 'rubric.bad-rank-order', ...at([...base, 'weighting', 'rankOrder']), message: `rankOrder must list each of ${ids.join(', ')} once${missing.length ? `; missing ${missing.join(', ')}` : ''}${unknown.length ? `; unknown ${unknown.join(', ')}` : ''}${dup.length ? `; repeated ${dup.join(', ')}` : ''}`, hint: 'list every sibling id once, most important first' });
      return undefined;
    }
    const roc = rocWeights(ids.length);
    return { weights: ids.map((id) => roc[order.indexOf(id)]), notes: [`${what} weights are rank-order centroids of ${order.join(' > ')}`] };
  }
  const matrix = weighting.ahp.matrix.map((row) => row.map(parseRatio));
  const mpath: P = [...base, 'weighting', 'ahp', 'matrix'];
  if (matrix.length !== ids.length) {
    problems.add({ code: 'ahp.not-square', ...at(mpath), message: `the matrix has ${matrix.length} rows for ${ids.length} ${what}s (${ids.join(', ')})`, hint: `write ${ids.length} rows of ${ids.length} comparisons, in the order the ${what}s are listed` });
    return undefined;
  }
  const bad = checkComparisonMatrix(matrix);
  bad.forEach((b) => problems.add({ code: b.code, ...at(b.row !== undefined ? [...mpath, b.row - 1] : mpath), message: b.message, hint: b.hint }));
  if (bad.length) return undefined;
  const r = ahpWeights(matrix);
  const fig = (x: number) => x.toFixed(4);
  const notes = [`${what} weights from AHP (λmax ${fig(r.lambdaMax)}, CI ${fig(r.ci)}, CR ${fig(r.cr)}, RI ${RANDOM_INDEX_NAME})`];
  if (r.cr > weighting.ahp.maxCr) {
    problems.add({ code: 'ahp.inconsistent', ...at(mpath), message: `consistency ratio ${fig(r.cr)} is above the limit ${weighting.ahp.maxCr}`, hint: 'revise the comparisons that contradict each other, or raise maxCr' });
    return undefined;
  }
  if (r.cr > AHP_WARN_CR) notes.push(`warning: AHP consistency ratio of the ${what} weights is ${fig(r.cr)}, above 0.10`);
  return { weights: [...r.weights], notes };
}

import { ProblemList } from '../errors/problem';
import type { Dataset } from '../model/dataset';
import type { Rubric } from '../model/rubric';

/**
 * The indicators a rubric reads must be columns of the data (a data file may leave out indicators the dictionary
 * declares). A cross-file check of loading, run once by loadProject with the others, so scoring never checks again.
 */
export function checkRubricColumns(rubric: Rubric, data: Dataset): void {
  const problems = new ProblemList(data.file);
  const have = new Set([...data.numeric.keys(), ...data.categorical.keys()]);
  for (const c of rubric.criteria) {
    for (const ind of c.rule.indicators) {
      if (!have.has(ind)) problems.add({ code: 'data.missing-column', line: 1, message: `has no column '${ind}', which ${c.location.file} reads at ${c.location.path}`, hint: `add the column to the data, or change the rule (columns: ${[...have].join(', ')})` });
    }
  }
  problems.throwIfErrors();
}

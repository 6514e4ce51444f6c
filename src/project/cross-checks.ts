import { listSome, ProblemList, type Problem } from '../errors/problem';
import type { Dataset } from '../model/dataset';
import type { EvidenceLedger } from '../model/evidence';
import type { Rubric } from '../model/rubric';

/*
 * The checks between files of a project, each a small named rule returning its problems. loadProject runs them once,
 * after every file passed its own checks; scoring never checks again (STYLE 1, 3).
 */

/**
 * The indicators a rubric reads must be columns of the data (a data file may leave out indicators the dictionary
 * declares).
 */
export function rubricColumnsInData(rubric: Rubric, data: Dataset): Problem[] {
  const problems = new ProblemList(data.file);
  const have = new Set([...data.numeric.keys(), ...data.categorical.keys()]);
  for (const c of rubric.criteria) {
    for (const ind of c.rule.indicators) {
      if (!have.has(ind)) problems.add({ code: 'data.missing-column', line: 1, message: `has no column '${ind}', which ${c.location.file} reads at ${c.location.path}`, hint: `add the column to the data, or change the rule (columns: ${[...have].join(', ')})` });
    }
  }
  return [...problems.items];
}

/** Every fact a cap cites must be in the evidence ledger, as for the cells' evidence. */
export function capFactsInLedger(rubric: Rubric, ledger: EvidenceLedger): Problem[] {
  return rubric.caps.flatMap((c) => c.facts.filter((f) => !ledger.byId.has(f)).map((f): Problem => ({
    code: 'rubric.unknown-fact', file: c.factsLocation.file, line: c.factsLocation.line, path: c.factsLocation.path,
    message: `cap '${c.id}' cites '${f}', which is not a fact in ${ledger.file}`, hint: 'add the fact to the ledger or correct the id',
  })));
}

/** Every market a ledger fact names must be a row of the data. */
export function ledgerMarketsInData(ledger: EvidenceLedger, data: Dataset): Problem[] {
  const ids = new Set(data.ids);
  return ledger.facts.flatMap((f, i) => f.markets.filter((m) => !ids.has(m)).map((m): Problem => ({
    code: 'evidence.unknown-market', file: ledger.file, path: `facts[${i}].markets`, message: `fact '${f.id}' names market '${m}', which is not a row of ${data.file}`, hint: `markets: ${listSome(ids)}`,
  })));
}

import { InputError, type Problem } from './errors/problem';
import { fileSystemReader, type InputReader } from './io/read-input';
import { loadCells } from './data/load-cells';
import { loadDictionary } from './data/load-dictionary';
import { loadMarkets } from './data/load-markets';
import { loadEvidence } from './evidence/load-evidence';
import type { Dataset } from './model/dataset';
import type { EvidenceLedger } from './model/evidence';
import type { IndicatorDictionary } from './model/indicator';
import type { Rubric } from './model/rubric';
import { compileRubric } from './rubric/compile-rubric';
import { loadRubric, type RubricSource } from './rubric/load-rubric';
import type { RubricSpec } from './rubric/schema';
import { relabelStubs } from './project/stub-cells';
import { capFactsInLedger, ledgerMarketsInData, rubricColumnsInData } from './project/cross-checks';

/** The files of a rubric-mode run. `cells` and `evidence` are optional for data sets that carry no trace. */
export interface ProjectFiles {
  readonly rubric: string;
  readonly data: string;
  readonly dictionary: string;
  readonly cells?: string;
  readonly evidence?: string;
  /** Folder of the ledger's source documents (the project's `sources:`), for the heading check. */
  readonly sources?: string;
  /** Folder of outcomes CSVs (the project's `outcomes:`), which `report` backtests. */
  readonly outcomes?: string;
}

export interface Project {
  readonly rubric: Rubric;
  /** The rubric file as validated (schema and structural rules), before binding: what the report page recompiles. */
  readonly rubricSpec: RubricSpec;
  readonly data: Dataset;
  readonly dictionary: IndicatorDictionary;
  readonly evidence?: EvidenceLedger;
  readonly files: ProjectFiles;
  /** Checks that were skipped and why (a ledger's source not found); the CLI prints them on standard error. */
  readonly warnings: readonly Problem[];
}

/** Runs a loader; its input problems are collected instead of thrown, so one run reports every broken file. */
function attempt<T>(problems: Problem[], load: () => T): T | undefined {
  try {
    return load();
  } catch (e) {
    if (e instanceof InputError) {
      for (const p of e.problems) problems.push(p);
      return undefined;
    }
    throw e;
  }
}

/**
 * Loads and cross-checks every input of a rubric run: rubric, dictionary, data, evidence ledger, cell evidence.
 * Each file is checked on its own, then against the others (rubric ↔ dictionary, data ↔ dictionary, cells ↔ data
 * and ledger, ledger markets ↔ data). All problems of all files are thrown together as one InputError.
 */
export function loadProject(files: ProjectFiles, input: InputReader = fileSystemReader): Project {
  const problems: Problem[] = [];
  const src: RubricSource | undefined = attempt(problems, () => loadRubric(files.rubric, input));
  const dictionary = attempt(problems, () => loadDictionary(files.dictionary, input));
  const evidence = files.evidence ? attempt(problems, () => loadEvidence(files.evidence!, { sourcesDir: files.sources, reader: input })) : undefined;
  const rubric = src && dictionary ? attempt(problems, () => compileRubric(src, dictionary)) : undefined;
  let data = dictionary ? attempt(problems, () => loadMarkets(files.data, dictionary, input)) : undefined;
  if (data && dictionary && files.cells && (evidence || !files.evidence)) {
    data = attempt(problems, () => loadCells(files.cells!, data!, dictionary, evidence, input));
  }
  // Across files, once: nothing downstream (scoring included) checks these again.
  if (evidence && data) problems.push(...ledgerMarketsInData(evidence, data));
  if (rubric && evidence) problems.push(...capFactsInLedger(rubric, evidence));
  if (rubric && data) problems.push(...rubricColumnsInData(rubric, data));
  if (files.cells) {
    // Stub rows written by validate --stub-cells fail as cells.stub, saying what to fill in (src/project/stub-cells).
    const relabelled = relabelStubs(problems, files.cells, input);
    problems.splice(0, problems.length, ...relabelled);
  }
  if (problems.length) throw new InputError(problems);
  return { rubric: rubric!, rubricSpec: src!.spec, data: data!, dictionary: dictionary!, evidence, files, warnings: evidence?.warnings ?? [] };
}

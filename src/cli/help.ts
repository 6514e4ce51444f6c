export const MAIN_HELP = `moatscore — competitive-positioning scoring engine

Usage: moatscore [command] [options]

Commands:
  rank        rank alternatives (the default command)
  validate    check every input file and report all problems at once
  schema      print the JSON Schema of rubric files

Options:
  -h, --help     help for moatscore or a command (moatscore rank --help)
  -v, --version  print the version

With no command, moatscore ranks the six NEC markets with the bundled rubric.
Exit codes: 0 success, 1 bad input, 2 bad usage, 70 internal error.
`;

const INPUTS = `Inputs (rubric mode; each defaults to the bundled NEC file):
  --rubric FILE      rubric YAML (default rubrics/pricing-power.yaml)
  --data FILE        market data CSV (default data/markets.csv)
  --dictionary FILE  indicator dictionary YAML (default data/indicators.yaml)
  --cells FILE       evidence per data cell CSV (default data/cells.csv with the default data)
  --evidence FILE    evidence ledger YAML (default seeds/evidence.yaml with the default data)

Rubric-free mode (--data without --rubric): any CSV with an id column (and optional name)
  --criteria a,b,c   columns to rank on (default: every column but id and name)
  --weights a=2,b=1  criterion weights, normalised to sum 1 (default: equal)
  --cost c,d         criteria where less is better (default: none)`;

export const RANK_HELP = `Usage: moatscore rank [options]

Ranks alternatives and prints a positioning table: rank, id, name, score, one column per condition score, tier,
and the binding (weakest) condition. Ties share a rank (1, 2, 2, 4).

${INPUTS}

Method and output:
  --method M     wsm | wpm | topsis | gate (default: the rubric's method; wsm without a rubric)
  --format F     table | md | json | csv (default table)
  --output FILE  write to FILE atomically instead of standard output
  -h, --help     this help
`;

export const VALIDATE_HELP = `Usage: moatscore validate [options]

Checks every input file (rubric, dictionary, data, cell evidence, evidence ledger) and their cross-references,
and reports every problem at once as file:line path: message (fix) [code]. Exit 0 when all are valid, 1 otherwise.

${INPUTS}
  -h, --help     this help
`;

export const SCHEMA_HELP = `Usage: moatscore schema [--output FILE]

Prints the JSON Schema (draft 2020-12) of rubric files, generated from the zod schema the loader uses, so editors
can complete and check rubric YAML (add "# yaml-language-server: $schema=rubric.schema.json" to a rubric).

  --output FILE  write to FILE atomically instead of standard output
  -h, --help     this help
`;

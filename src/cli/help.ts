import { METHOD_IDS } from '../methods/plugins';

/** The method ids as the help lists them, from the plug-in list. */
const METHODS = METHOD_IDS.join(' | ');

export const MAIN_HELP = `moatscore — competitive-positioning scoring engine

Usage: moatscore [command] [options]

Commands:
  rank         rank alternatives (the default command)
  validate     check every input file and report all problems at once
  scenarios    rank under every scenario file, side by side
  weights      elicit weights: AHP matrix, rank order, entropy, CRITIC
  sensitivity  how far the ranking can be trusted: sweeps, rank-reversal thresholds, SMAA
  compare      markets side by side, criterion by criterion, with what decides the gap
  explain      one market's score traced down to the rules and the cited evidence
  export       scorecards as CSV (long or wide) with provenance
  diff         compare two exported scorecards: rank moves, score and contribution changes
  report       one self-contained HTML page: table, charts, live weight sliders, evidence drill-down
  methods      the ranking under every method side by side, their agreement and a consensus
  backtest     correlate the ranking scores with an observed outcome per market (Spearman, Kendall, exact p)
  schema       print the JSON Schema of a file kind: rubric, dictionary, evidence, scenario, outcomes, project
  projects     list the bundled projects (use one with --project ID)
  init         write a small working project into a folder, to build your own model from

Options:
  -h, --help     help for moatscore or a command (moatscore rank --help)
  -v, --version  print the version

With no command, moatscore ranks the six NEC markets with the bundled rubric (the bundled project 'nec').
Every scoring command takes --project DIR|NAME: a folder with a moatscore.yaml, or a bundled project id.
Exit codes: 0 success, 1 bad input, 2 bad usage, 70 internal error.
`;

const ADJUST = `Adjusting weights (rubric mode):
  --weight PATH=W    set a declared weight to W; PATH is a condition (switching-cost) or condition.criterion
                     (trust-procurement.supplier-field); repeatable. W replaces the declared weight as if the
                     rubric were edited: siblings keep theirs, then every level is renormalised to sum 1.
  --weight PATH=xF   multiply the declared weight by F (x0.5 halves it, x0 switches it off), e.g.
                       --weight switching-cost=x2    # twice its declared weight; siblings keep theirs
                       --weight switching-cost=0.5   # declared weight 0.5, whatever the rubric said
                     The table's footer prints the condition weights in force, in percent, and what changed.
  --scenario NAME    apply the project's scenario NAME (weight and indicator overrides) before --weight
  --scenarios DIR    folder of scenario files (default: the project's, data/scenarios for the bundled one)`;

const INPUTS = `Inputs (rubric mode; each defaults to the project's file):
  --project DIR|ID   a project folder (its moatscore.yaml names every file below) or a bundled project id
                     (moatscore projects); default: the bundled NEC project. A file option overrides one file.
  --rubric FILE      rubric YAML (default rubrics/pricing-power.yaml)
  --data FILE        market data CSV (default data/markets.csv)
  --dictionary FILE  indicator dictionary YAML (default data/indicators.yaml)
  --cells FILE       evidence per data cell CSV (default data/cells.csv with the default data)
  --evidence FILE    evidence ledger YAML (default seeds/evidence.yaml with the default data)

Rubric-free mode (--data without --rubric): any CSV with an id column (and optional name)
  --criteria a,b,c   columns to rank on (default: every column but id and name)
  --weights a=2,b=1  criterion weights, normalised to sum 1 (default: equal);
                     or --weights entropy | critic for weights from the data
  --cost c,d         criteria where less is better (default: none)`;

/** The method ids, as every --method line lists them (the order of src/methods/plugins.ts). */

const METHOD_PARAMS = `Method parameters (each criterion named as in the ranking: condition.criterion, or a CSV column):
  --param v=X            vikor: weight of group utility S against regret R, 0 to 1 (default 0.5)
  --preference C=F,…     promethee2: preference function per criterion, F one of usual, ushape:q=Q, vshape:p=P,
                         level:q=Q:p=P, linear:q=Q:p=P, gaussian:s=S (default usual, or a rubric criterion's
                         preference: field); differences in the criterion's own units (rubric criterion scores,
                         named condition.criterion, or the CSV column)
  --bounds C=MIN:MAX,…   spotis: the bounds of each criterion (default: the rubric scale; required without a rubric)`;

export const RANK_HELP = `Usage: moatscore rank [options]

Ranks alternatives and prints a positioning table: rank, id, name, score, one column per condition score, tier,
and the binding (weakest) condition. Ties share a rank (1, 2, 2, 4). In rubric mode (up to 200 markets) it also
says how sure it is: range (the central 90% of each market's ranks over sensitivity smaa's default 10,000 samples,
fixed seed), an uncertainty grade (range width 0 low, 1 medium, 2 high, 3+ very-high), and a tier held in fewer
than 90% of the samples shows that share (entrenched 55%). * marks a market the gate capped, † one a risk cap bit.

${INPUTS}

${ADJUST}
  --show-changes     add each market's rank under the rubric's own weights and data, and its move

Method and output:
  --method M     ${METHODS}
                 (default: the rubric's method; wsm without a rubric)
  --format F     table | md | json | csv (default table); json adds each method's own quantities as detail:
                 vikor {S, R, Q}, promethee2 {phiPlus, phiMinus, netFlow}, topsis {dPlus, dMinus}, spotis {distance},
                 copras {sPlus, sMinus, Q, U}, edas {SP, SN, NSP, NSN, AS}; moora's score is its ratio y itself
                 vikor also gives its compromise set (conditions C1, C2): a footer line, a top-level
                 json "compromise" object and a csv "compromise" column (true/false)
  --output FILE  write to FILE instead of standard output (atomically for regular files;
                 see README)
  -h, --help     this help

${METHOD_PARAMS}

Examples:
  moatscore rank
  moatscore rank --method wsm --weight switching-cost=0.5 --show-changes
  moatscore rank --data data/markets.csv --criteria outage-severity,credible-suppliers --cost credible-suppliers
`;

export const METHODS_HELP = `Usage: moatscore methods [options]

Ranks the same markets (rubric or plain CSV) under every method and prints the rank of each market under each
method, columns in consensus order; then the agreement of each pair of rankings: Spearman's ρ, Kendall's τ-b,
weighted Spearman r_w and the WS similarity coefficient (Sałabun & Urbaniak 2020; both weigh the top ranks more,
WS takes the first method as reference). The consensus is Copeland's: a market beats another when more methods
rank it above than below. A method that cannot rank the data (gate without a rubric, spotis without bounds) is
listed under the table with the reason. JSON: { rankings: { method: { id: rank } }, agreement: [{ a, b, spearman,
kendall, rw, ws }], consensus: [id, …], skipped: [{ method, why }] }; csv: the rankings only.

${INPUTS}
  --weight PATH=W, --scenario NAME, --scenarios DIR   as for rank
  --method A,B,…   the methods to compare (default: all: ${METHODS})
  --format F       table | md | json | csv (default table)
  --output FILE    write to FILE (atomically for regular files; see README)
  -h, --help       this help

${METHOD_PARAMS}

Examples:
  moatscore methods
  moatscore methods --method wsm,topsis,vikor,promethee2 --param v=0.7 --format json
`;

export const SCENARIOS_HELP = `Usage: moatscore scenarios [options]

Ranks the markets under the rubric's own weights (base) and under every scenario file, and prints one table:
markets as rows, the base rank and one rank column per scenario. CSV: id,base,<scenario ids…>,base_gated,
<scenario id>_gated… (true where the gate capped the market).

${INPUTS}
  --weight PATH=W    applied to the base and every scenario alike
  --scenarios DIR    folder of scenario files (default: the project's)
  --method M         ${METHODS} (default: the rubric's)
  --format F         table | md | json | csv (default table)
  --output FILE      write to FILE (atomically for regular files; see README)
  -h, --help         this help

A scenario file (YAML): id, title, rationale, weights: [{path, weight, rationale}],
indicators: [{market, indicator, value, rationale, evidence: [fact ids]}].

Examples:
  moatscore scenarios
  moatscore scenarios --method wsm --format csv
`;

export const WEIGHTS_HELP = `Usage: moatscore weights ahp MATRIX.csv [--max-cr X] [--format F]
       moatscore weights roc ID,ID,…              (most important first)
       moatscore weights entropy|critic DATA.csv [--criteria a,b] [--cost c]

ahp      weights from a pairwise comparison matrix (first row and column: criterion ids; entries 1/9…9,
         fractions such as 1/3 allowed; reciprocal checked): principal eigenvector by power iteration,
         λmax, consistency index CI = (λmax − n)/(n − 1) and ratio CR = CI/RI (Saaty's random index).
         CR up to 0.10 is acceptable; above it a warning (once, on standard error); above --max-cr
         (default 0.2) an error, exit 1.
         --format json prints exactly { "weights": { "<id>": number }, "lambdaMax", "ci", "cr", "randomIndex" }.
roc      rank-order centroid weights w_i = (1/n) Σ_{k=i..n} 1/k (Barron & Barrett 1996)
entropy  Shannon-entropy weights over the CSV's numeric columns (Hwang & Yoon 1981)
critic   CRITIC weights: contrast × conflict (Diakoulaki et al. 1995); --cost reverses a column

  --format F     table | md | json | csv (default table)
  --output FILE  write to FILE (atomically for regular files; see README)
  -h, --help     this help

Examples:
  moatscore weights ahp data/weights/conditions-ahp.csv
  moatscore weights roc switching-cost,trust-procurement,outage-penalty,integrated-stack
  moatscore weights critic data/markets.csv --criteria outage-severity,proprietary-tech,credible-suppliers --cost credible-suppliers
`;

export const VALIDATE_HELP = `Usage: moatscore validate [options]

Checks every input file (rubric, dictionary, data, cell evidence, evidence ledger) and their cross-references,
and reports every problem at once as file:line path: message (fix) [code]. Exit 0 when all are valid, 1 otherwise.
Section headings the ledger cites are checked against the source text where it can be found (beside the ledger,
then in the project's sources folder); where it cannot, a warning on standard error says the check was skipped
(validate is the one command that says so: in an installed package, without the documents, rank stays quiet).
Scenario files are checked too: the project's own, or those in --scenarios DIR (none for a --rubric, --data or
--dictionary given without --project: the bundled scenarios are written for the bundled model).

${INPUTS}
  --stub-cells   append a stub row to the cells file for every cell that has none (one atomic write), marked
                 TODO for the analyst; stubs fail validation (cells.stub) until evidence and rationale are filled.
                 Appends only when missing cells are the only problem; otherwise writes nothing.
  -h, --help     this help

Examples:
  moatscore validate
  moatscore init my-model && moatscore validate --project my-model --stub-cells
`;

export const SCHEMA_HELP = `Usage: moatscore schema [--kind KIND] [--output FILE]

Prints the JSON Schema (draft 2020-12) of one kind of input file, generated from the zod schema its loader uses,
so editors can complete and check the file: add "# yaml-language-server: $schema=FILE.schema.json" as its first
line (moatscore init writes them all into a new project's .schemas/ and references them).

  --kind KIND    rubric (default) | dictionary | evidence | scenario | outcomes | project (moatscore.yaml).
                 outcomes files are CSV (market,outcome,evidence,rationale): that schema describes one row.
  --output FILE  write to FILE instead of standard output (atomically for regular files;
                 see README)
  -h, --help     this help

Examples:
  moatscore schema --output rubric.schema.json
  moatscore schema --kind evidence
`;

export const SENSITIVITY_HELP = `Usage: moatscore sensitivity [sweep|thresholds|smaa] [options]
       moatscore sensitivity values [MARKET…] [options]
       moatscore sensitivity reversal [--method A,B,…] [options]

How far the ranking can be trusted. With no analysis named, runs sweep, thresholds and smaa.

  sweep        for each condition weight (the others rescaled proportionally): the interval over which the ranking
               holds and the weight at which each pair swaps — closed form for wsm, numeric for the other methods
  thresholds   rank-reversal thresholds (Triantaphyllou & Sánchez 1997): for each criterion weight, the smallest
               absolute and relative change that reverses any pair, and the most critical criterion
  smaa         SMAA-2 (Lahdelma & Salminen 2001): weights uniform on the simplex (and values inside the data's
               low/high ranges): rank acceptability b1…bN, central weights, confidence factors, pairwise winning
  values       what would it take: for each market (all, or those named) and indicator, the smallest change of
               that one indicator that changes the market's tier, gate status or rank (Triantaphyllou & Sánchez
               1997, performance measures). Numbers step by whole units on their declared scale (counts with no
               scale: 0 to 50 above the value), nearest first, either direction, the lower value first on ties;
               every other category is one step, in the dictionary's order. One row per market, indicator and
               effect; --format json prints { "changes": [{ market, indicator, from, to, effect, steps, detail }] }.
               Takes no SMAA option.
  reversal     rank-reversal checks (Wang & Triantaphyllou 2008, test criteria 1–3) under every method (or those
               listed with --method A,B): remove each alternative in turn, and add a copy of the worst alternative
               with each criterion 1% of its range worse; lists every pair whose order flips, the method and the
               change. Rubric-free too (--data). --format json: { methods, changes, reversals: [{ method, change,
               a, b, before, after }], skipped }. Takes no SMAA option.

SMAA options:
  --samples N        number of samples (default 10000, which bounds each index's 95% error by ±0.0098)
  --seed S           seed of the random stream (default 20261121); the same seed gives byte-identical output
  --sampler K        dirichlet (default) | sorted — two exact ways to sample the simplex
  --level L          conditions (default: sample condition weights, keep criterion weights inside each condition)
                     | criteria (sample global criterion weights)
  --fixed-values     do not sample indicator values inside their low/high ranges
  --constraint C     what is known about the weights (repeatable): 'a >= b', 'a <= 2*b', 'a >= 0.2',
                     'a in [0.1, 0.4]', over the level's weight ids; weights are then drawn uniformly over the
                     constrained simplex by hit-and-run (Tervonen et al. 2012), seeded. A rubric's weightConstraints:
                     (over conditions) apply too. Constraints that leave no room are an error naming a minimal
                     conflicting set.

${INPUTS}
  --weight PATH=W, --scenario NAME, --scenarios DIR   as for rank: the analysis starts from the adjusted weights
  --method M         ${METHODS} (default: the rubric's)

Rubric-free (--data FILE without --rubric): sweep, thresholds and smaa run on the matrix rank builds, each criterion
acting as a condition, with --weights and --cost as for rank; there are no value ranges, tiers or caps (values and
gate need a rubric).  moatscore sensitivity --data table.csv --weights a=2,b=1 --cost c
  --format F         table | md | json | csv (csv needs one named analysis; smaa's rows: id,b1…bN,confidence,cw_<id>…)
  --output FILE      write to FILE (atomically for regular files; see README)
  -h, --help         this help

Examples:
  moatscore sensitivity sweep
  moatscore sensitivity smaa --samples 2000 --seed 7
  moatscore sensitivity values vran
`;

export const COMPARE_HELP = `Usage: moatscore compare MARKET MARKET [MARKET…] [options]

One column per market (two to four in a table); rows for score, rank, tier, binding, each condition score, and for
each criterion its indicator values, the rule that fired, its score, global weight and weighted contribution. The
table keeps every line within 100 columns: texts too long for a column (rules, values) go on wrapped lines under
their row, and market ids longer than 14 characters become A, B, … with a legend. With two markets, an "ahead by"
column (+0.260 (subsea): by how much and which market is better; for rank, lower is better) and every criterion
whose weighted contribution differs, largest first, with a total equal to the heading. csv and json keep every
column unwrapped, any number of markets, and a signed delta = first − second.

${INPUTS}
  --weight PATH=W, --scenario NAME, --scenarios DIR, --method M   as for rank
  --format F     table | md | json | csv (default table)
  --output FILE  write to FILE (atomically for regular files; see README)
  -h, --help     this help

Rubric-free (--data FILE without --rubric): each criterion is a row with its value and the score the method reads
(wsm: value / column maximum, or minimum / value for a cost; moora: the vector-normalised value), its weight and,
under wsm and moora, its contribution; other methods' scores do not split by criterion, so no contributions.

Examples:
  moatscore compare subsea public-dx
  moatscore compare defense biometrics subsea --format md
`;

export const EXPLAIN_HELP = `Usage: moatscore explain MARKET [options]

The full trace of one market, top down: score and method → each condition → each criterion → the rule that fired
(its band or table row and expression, with the values substituted) → score × weight = contribution → the
indicator values with their low/high range → the analyst's rationale and the evidence facts (id, paraphrase,
source document and section). It ends with the market's two cheapest one-indicator changes that move its tier,
gate status or rank (all of them: moatscore sensitivity values MARKET); JSON field cheapestChanges.

${INPUTS}
  --weight PATH=W, --scenario NAME, --scenarios DIR, --method M   as for rank
  --format F     table (text for people, the default) | json (for tools)
  --output FILE  write to FILE (atomically for regular files; see README)
  -h, --help     this help

Rubric-free (--data FILE without --rubric): each criterion with its value, the score the method reads and its
weight (and contribution under wsm and moora); no cheapest changes, which move indicators on a dictionary's scales.

Examples:
  moatscore explain vran
  moatscore explain subsea --method wsm --format json
`;

export const EXPORT_HELP = `Usage: moatscore export [--shape long|wide] [--provenance file|header|none] [--bom] [--output FILE]
       moatscore export --format xlsx --output FILE.xlsx

Scorecards as CSV (RFC 4180, written with csv-stringify's rules), or as an Excel workbook. In CSV, row 1 is the
header and every column holds one type: numbers, or text (empty cells allowed), so a spreadsheet sorts and filters
it as it opens.
  --format csv|xlsx    csv (default), or xlsx: a workbook whose weights still work in the spreadsheet (needs
                       --output; --shape, --provenance and --bom are CSV-only). Sheets: Ranking, Scorecard,
                       Weights, Tiers, Evidence, Provenance. Each weight is a yellow input cell named
                       w_<condition> or w_<condition>__<criterion> (- written _), e.g. w_switching_cost; changing
                       one recomputes condition scores, scores, gate cap, tiers and ranks as rank --weight does.
                       Under wpm and topsis, scores and ranks are values (only wsm and gate recompute).
  --shape long         one row per market × criterion (default): market, name, condition, criterion, indicators,
                       value (the number, when the criterion reads one numeric indicator), value_text (a category,
                       or "a = 3; b = 5" for several indicators), rule, criterion_score, condition_weight,
                       criterion_weight, global_weight, contribution, condition_score, score, rank, tier, gated,
                       evidence
  --shape wide         one row per market: rank, score, tier, gated, binding, one column per criterion and
                       condition score
  gated is true or false: true where the gate capped the market (the table's *).
  --provenance file    engine version, rubric and data files with their SHA-256, method, overrides, scenario, seed,
                       as "# key: value" lines in FILE.provenance.txt beside --output, written with it as one unit
                       (default with --output; on standard output the default is none)
  --provenance header  the same lines before the CSV header (csv-parse skips them with comment: '#'); they fill
                       column A of the first rows in a spreadsheet
  --provenance none    no provenance
  --bom                start with a UTF-8 byte-order mark. LibreOffice Calc and Excel then read the file as UTF-8
                       (without it, both may show → as â†’); with the default sidecar A1 reads "market". With
                       --provenance header the BOM sits before the first # line, in A1's comment text.

Text cells a spreadsheet would run as a formula (starting with = + - @ tab or CR, or a quote) get a leading '
(OWASP); numbers, negative ones included, stay numbers. Under wsm each market's contributions sum to its score.

${INPUTS}
  --weight PATH=W, --scenario NAME, --scenarios DIR, --method M   as for rank
  --output FILE  write to FILE (atomically for regular files; see README)
  -h, --help     this help

Rubric-free (--data FILE without --rubric): long and wide CSV, each criterion its own condition (condition =
criterion), criterion_score the value as the method reads it (see compare --help); provenance records the weights
and cost criteria instead of a rubric. The xlsx workbook needs a rubric. diff reads these scorecards too.

Examples:
  moatscore export --output scorecard.csv
  moatscore export --shape wide --provenance none --output wide.csv
  moatscore export --format xlsx --output card.xlsx
`;

export const DIFF_HELP = `Usage: moatscore diff OLD.csv NEW.csv [--format F] [--output FILE]

Compares two scorecards written by moatscore export (say, before and after a weight change): rank moves and score
changes per market, and the criteria whose contribution (long shape) or score (wide shape) changed most. The two
must have the same shape and rubric; otherwise it says which differs.

  --format F     table | md | json | csv (default table; csv holds the per-market table)
  --output FILE  write to FILE (atomically for regular files; see README)
  -h, --help     this help

Examples:
  moatscore export --output old.csv && moatscore export --weight switching-cost=0.5 --output new.csv && moatscore diff old.csv new.csv
  moatscore export --shape wide --output a.csv && moatscore export --shape wide --method wsm --output b.csv && moatscore diff a.csv b.csv --format md
`;

export const REPORT_HELP = `Usage: moatscore report [options] [--output FILE.html]

Writes one self-contained HTML page (no network, no server): the ranked positioning table with heat-coloured
condition scores; a stacked bar of weighted contributions, a radar of condition scores with markets overlaid, a
GE–McKinsey-style positioning matrix, and the SMAA-2 rank acceptability heat map; a method-agreement panel (the
ranks under every method and their pairwise agreement, as moatscore methods prints them); a slider per condition weight
and a method selector that re-rank in the page with the engine's own code; a "copy as CLI" line; and an evidence
drill-down on every market and condition score. Prints on A4 landscape.

${INPUTS}
  --weight PATH=W, --scenario NAME, --scenarios DIR, --method M   as for rank: the page starts from them
  --samples N, --seed S   SMAA samples and seed for the heat map (default 10000, 20261121)
  The page re-ranks with the rubric in the browser, so it needs one: for a plain CSV use rank --format md,
  compare, sensitivity and export, which all take --data FILE without a rubric.
  --outcomes FILE         backtest against this outcomes CSV (default: every CSV in the project's outcomes folder,
                          data/outcomes for NEC; none when --data is not the project's); shown as a static table
  --output FILE  write the page to FILE (atomically for regular files; see README); default: standard output
  -h, --help     this help

Examples:
  moatscore report --output report.html
  moatscore report --method wsm --samples 2000 --output wsm.html
`;

export const PROJECTS_HELP = `Usage: moatscore projects [--format F] [--output FILE]

Lists the bundled projects: id, title, folder and how many markets each ranks. Any scoring command takes one with
--project ID; a folder with a moatscore.yaml works the same way (--project DIR).

  --format F     table | md | json | csv (default table)
  --output FILE  write to FILE instead of standard output (atomically for regular files;
                 see README)
  -h, --help     this help

Examples:
  moatscore projects
  moatscore rank --project nec
`;

export const INIT_HELP = `Usage: moatscore init DIR

Writes a small, working project into DIR (created if missing): moatscore.yaml naming the files, a rubric with two
conditions, an indicator dictionary, three markets, a cell-evidence row for every cell, an evidence ledger with a
stub source text (sources/notes.txt), a scenario, a README, and the JSON Schemas (.schemas/) that the YAML files
name on their first line so an editor completes and checks them. Every file is commented to teach its format.
It never overwrites: if any of its files exists in DIR, it lists them and writes nothing (exit 2).

  -h, --help  this help

Then edit the files and check them with validate; --stub-cells appends a row to fill in for each cell that has none.

Examples:
  moatscore init my-model
  moatscore init my-model && moatscore rank --project my-model
`;

export const BACKTEST_HELP = `Usage: moatscore backtest --outcomes FILE [options]

Ranks as rank does (every input and adjustment option applies), then pairs each market's score with its observed
outcome and prints Spearman's ρ (average ranks for ties), Kendall's τ-b (tie-corrected), and a one-sided
permutation p-value: the share of all n! pairings of the outcomes with the scores whose Spearman ρ is at least the
observed one (higher score ↔ higher outcome). Exact for n ≤ 10; above, a Monte Carlo estimate from 100,000
random pairings with seed 20261121, printed with the output. The small-n caveat says the smallest p the data can
reach (1/n! without ties: 1/24 ≈ 0.042 for n = 4).

Outcomes file (CSV, UTF-8): header market,outcome,evidence,rationale
  market     a ranked market id (an unknown or repeated market is an error naming the line)
  outcome    a number (strict: 12.6, not 12.6% or 12,6); empty = the market is left out on purpose
  evidence   fact ids of the evidence ledger separated by ; (checked when a ledger is loaded)
  rationale  why this outcome measures this market, or why the market has none (required)
Lines starting with # before the header are comments. Markets with no row are left out, never guessed.

  --outcomes FILE    the outcomes CSV (required); data/outcomes/margin-ladder.csv holds NEC's FY2025 margins
${INPUTS}
  --weight PATH=W, --scenario NAME, --scenarios DIR, --method M   as for rank
  --format F         table | json (default table); json: { n, spearman, kendall, pValue, pairs: [{ market,
                     score, outcome }], statistic, exact, permutations, smallestP, leftOut, caveat, … }
  --output FILE      write to FILE (atomically for regular files; see README)
  -h, --help         this help

Examples:
  moatscore backtest --outcomes data/outcomes/margin-ladder.csv
  moatscore backtest --outcomes data/outcomes/margin-ladder.csv --method wsm --format json
`;

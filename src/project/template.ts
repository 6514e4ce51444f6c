/**
 * The project `moatscore init DIR` writes: a small model that validates and ranks as written, every file commented
 * to teach its format. Three markets, two conditions, three indicators, every cell cited from a ledger whose source
 * is a stub text file the analyst replaces with the real document. YAML files name their JSON Schema (written
 * beside them in .schemas/) on the first line so an editor completes and checks them offline. The CSV loaders read
 * no comment lines, so the CSV formats are taught in the manifest and README.md instead.
 */
// The language server resolves the path against the file itself, so a file one folder down reaches up one.
const schemaLine = (kind: string, up = '') => `# yaml-language-server: $schema=${up}.schemas/${kind}.schema.json`;

export const TEMPLATE_FILES: Readonly<Record<string, string>> = {
  'moatscore.yaml': `${schemaLine('project')}
# A moatscore project: this manifest names the files of one model; every path is relative to this file.
# Run any command on it with --project DIR:   moatscore validate --project DIR   moatscore rank --project DIR
id: my-model
title: My model — three markets, two conditions
# The rubric: conditions, the criteria inside each, how an indicator becomes a score, weights and tiers.
rubric: rubric.yaml
# What each data column means, its kind and scale.
dictionary: indicators.yaml
# One row per market: id,name, then one column per indicator of the dictionary.
data: markets.csv
# One row per market x indicator: market,indicator,low,high,evidence,rationale. low/high (optional) bound the
# value where the evidence is unsure; evidence lists fact ids of the ledger, space-separated; rationale says why.
# moatscore validate --stub-cells appends a row to fill in for every cell that has none.
cells: cells.csv
# The evidence ledger: facts paraphrased from the source documents, each with its source file and section heading.
evidence: evidence.yaml
# Scenario files (weight and indicator overrides): moatscore scenarios --project DIR ranks under each.
scenarios: scenarios
# Where the ledger's source documents are (after the ledger's own folder): each cited section must be a heading
# of the document, a short line on its own.
sources: sources
`,

  'rubric.yaml': `${schemaLine('rubric')}
# The rubric: what makes a market attractive here, as conditions scored on one scale.
id: my-model
title: My model — where the buyer's pain meets a defensible position
description: Two conditions, equally weighted; a market needs both.
# The default aggregation method: wsm (weighted sum), wpm (weighted product), topsis, or gate.
method: wsm
# Every criterion and condition score is on this scale.
scale: { min: 0, max: 5 }

conditions:
  - id: buyer-pain
    name: The buyer is hurt badly when the system fails
    weight: 0.5           # condition weights are relative; siblings are normalised to sum 1
    criteria:
      - id: outage-cost
        name: Cost of an outage to the buyer
        weight: 1
        # raw: the indicator mapped linearly from its dictionary scale (1-5) onto the rubric scale (0-5).
        rule: { type: raw, indicator: outage-cost, direction: benefit }

  - id: defensibility
    name: Hard to displace once chosen
    weight: 0.5
    criteria:
      - id: switching
        name: Switching cost
        weight: 0.6
        rule: { type: raw, indicator: switching-cost, direction: benefit }
      - id: rivals
        name: Few credible rivals
        weight: 0.4
        rationale: Three or fewer rivals let trust decide; past six the buyer can always find a cheaper bid.
        # bands: ascending thresholds over a number; the last band has no "below".
        rule:
          type: bands
          indicator: rivals
          bands:
            - { below: 4, score: 5 }
            - { below: 7, score: 2.5 }
            - { score: 0 }

# Tiers label the result; the first whose condition holds applies (overall, weakest, strongest, condition ids).
tiers:
  - id: strong
    when: "overall >= 3.5 and weakest >= 2.5"
    meaning: Both conditions hold clearly.
  - id: mixed
    when: "weakest >= 1.5"
    meaning: Both hold at least partly.
  - id: weak
    when: "true"
    meaning: At least one condition fails.
`,

  'indicators.yaml': `${schemaLine('dictionary')}
# The indicator dictionary: every column of markets.csv besides id and name.
# kind: rating | count | years | percent | amount | category. A rating needs a scale; a category lists its values.
indicators:
  - id: outage-cost
    kind: rating
    name: Cost of an outage
    meaning: How badly a failure of the system hurts the buyer, operationally and in public.
    scale: { min: 1, max: 5 }
    anchors:              # what the points of the scale mean, so two analysts rate alike
      "1": an inconvenience the buyer recovers from cheaply
      "3": a material loss the buyer's own customers notice
      "5": a public or national incident
  - id: switching-cost
    kind: rating
    name: Switching cost
    meaning: How painful it is for the buyer to replace the incumbent supplier.
    scale: { min: 1, max: 5 }
  - id: rivals
    kind: count
    name: Credible rivals
    meaning: Suppliers the buyer would treat as credible for a large award.
    unit: suppliers
`,

  'markets.csv': `id,name,outage-cost,switching-cost,rivals
hospitals,Hospital records systems,5,3,3
retail,Retail point of sale,3,2,8
utilities,Utility grid control,5,5,4
`,

  'cells.csv': `market,indicator,low,high,evidence,rationale
hospitals,outage-cost,,,hospital-outage,"A records outage stops admissions, which the notes call a public incident."
hospitals,switching-cost,3,4,hospital-migration,"Migrations take years and need clinical sign-off; rated 3, up to 4, as the notes do not say how many years."
hospitals,rivals,,,hospital-vendors,The notes count three credible vendors.
retail,outage-cost,,,retail-outage,Stores fall back to offline tills; a loss customers notice but recover from.
retail,switching-cost,,,retail-switching,Point-of-sale terminals are replaced on a short hardware cycle.
retail,rivals,,,retail-vendors,The notes count eight vendors bidding on price.
utilities,outage-cost,,,utility-outage,A grid-control failure is a regional blackout.
utilities,switching-cost,,,utility-certification,Each control system is certified with the regulator; replacing it restarts certification.
utilities,rivals,,,utility-vendors,The notes count four vendors the regulator has certified.
`,

  'evidence.yaml': `${schemaLine('evidence')}
# The evidence ledger: facts paraphrased from the source documents, in your own words. Every cell of cells.csv
# cites at least one fact id. Each fact names its source file and the section heading it comes from; validate
# checks that the heading is a line of the source (looked up beside this file, then in the project's sources folder).
conditions: [buyer-pain, defensibility]
sources:
  - file: notes.txt
    title: Market notes (replace with your source document)
    sections:             # the headings of the document, exactly as it writes them
      - Hospitals
      - Retail
      - Utilities
facts:
  - id: hospital-outage
    markets: [hospitals]
    conditions: [buyer-pain]
    text: When a hospital records system fails, admissions stop and the failure becomes a public incident.
    source: { file: notes.txt, section: Hospitals }
  - id: hospital-migration
    markets: [hospitals]
    conditions: [defensibility]
    text: Moving a hospital to a new records system takes years and needs clinical sign-off at each step.
    source: { file: notes.txt, section: Hospitals }
  - id: hospital-vendors
    markets: [hospitals]
    conditions: [defensibility]
    text: Three vendors are treated as credible for a hospital records award.
    figure: { value: 3, unit: vendors, period: "2026" }
    source: { file: notes.txt, section: Hospitals }
  - id: retail-outage
    markets: [retail]
    conditions: [buyer-pain]
    text: Stores fall back to offline tills when point of sale fails, losing some sales but recovering quickly.
    source: { file: notes.txt, section: Retail }
  - id: retail-switching
    markets: [retail]
    conditions: [defensibility]
    text: Retailers replace point-of-sale terminals on a short hardware cycle and rebid the contract each time.
    source: { file: notes.txt, section: Retail }
  - id: retail-vendors
    markets: [retail]
    conditions: [defensibility]
    text: Eight vendors bid for retail point-of-sale contracts, mostly on price.
    figure: { value: 8, unit: vendors, period: "2026" }
    source: { file: notes.txt, section: Retail }
  - id: utility-outage
    markets: [utilities]
    conditions: [buyer-pain]
    text: A failure of grid-control software can black out a region, which the regulator investigates.
    source: { file: notes.txt, section: Utilities }
  - id: utility-certification
    markets: [utilities]
    conditions: [defensibility]
    text: Each grid-control system is certified with the regulator, and a replacement restarts the certification.
    source: { file: notes.txt, section: Utilities }
  - id: utility-vendors
    markets: [utilities]
    conditions: [defensibility]
    # kind: caveat marks a fact where the source says the evidence is weak or the question open.
    kind: caveat
    text: Four vendors hold the regulator's certification, though the notes say the list is under review.
    figure: { value: 4, unit: vendors, period: "2026" }
    source: { file: notes.txt, section: Utilities }
`,

  'sources/notes.txt': `Market notes
This is a stub source document. Replace it with the real text your ledger paraphrases (a report, filing or
interview notes saved as plain text), and keep its section headings as short lines on their own, because moatscore
checks that every section the ledger cites is a heading of this file, written exactly as here.
Hospitals
A records outage stops admissions and becomes a public incident. Migration to a new system takes years and needs clinical sign-off at each step. Three vendors are credible for a large award.
Retail
Stores fall back to offline tills when point of sale fails. Terminals are replaced on a short hardware cycle and the contract is rebid each time; eight vendors compete, mostly on price.
Utilities
A grid-control failure can black out a region. Every system is certified with the regulator and a replacement restarts certification. Four vendors hold the certification, a list under review.
`,

  'scenarios/rivals-matter-more.yaml': `${schemaLine('scenario', '../')}
# A scenario: weight and indicator overrides, applied before ranking. moatscore rank --project DIR --scenario ID
# ranks under one; moatscore scenarios --project DIR ranks under each, side by side.
id: rivals-matter-more
title: Rivals matter more than switching cost
rationale: If buyers can always rebid, the number of credible rivals decides defensibility more than switching pain.
weights:
  - path: defensibility.rivals      # condition.criterion, or a condition id
    weight: 0.7
    rationale: Test whether the ranking holds when rivalry dominates defensibility.
indicators:
  - market: utilities
    indicator: rivals
    value: 6
    rationale: The certified list is under review; suppose two more vendors are certified.
    evidence: [utility-vendors]
`,

  'README.md': `# my-model

A moatscore project. Every file is named in moatscore.yaml.

    moatscore validate --project .     # check every file and cross-reference
    moatscore rank --project .         # rank the markets
    moatscore explain hospitals --project .

To add a market or indicator: add the row to markets.csv (or the column there and the indicator to
indicators.yaml), then run \`moatscore validate --project . --stub-cells\` to append a row to cells.csv for every
cell that has no evidence yet. Each stub says TODO in its rationale and fails validation until you cite fact ids
from evidence.yaml and write the rationale.

CSV files take no comment lines. markets.csv: \`id,name,<indicator>,…\`. cells.csv:
\`market,indicator,low,high,evidence,rationale\` (low/high optional; evidence space-separated fact ids).

The YAML files name their JSON Schema in .schemas/ on their first line, so an editor with the YAML language server
completes and checks them (regenerate with \`moatscore schema --kind KIND\`).
`,
};

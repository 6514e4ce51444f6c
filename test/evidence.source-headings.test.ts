import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadEvidence } from '../src/evidence/load-evidence';
import { headingsOf } from '../src/evidence/source-headings';
import { problemsOf, fixture } from './helpers';

const SOURCE = `Report title
First section
${'A paragraph long enough to be body text and never a heading, because it runs on past the limit of characters. '.repeat(2)}
Second section
${'More body text that is a paragraph, again well past one hundred and twenty characters so it cannot be a heading. '.repeat(2)}
`;

const ledger = (section: string) => `conditions: [a]
sources:
  - file: report.txt
    title: Report
    sections: [First section, Second section]
facts:
  - id: f1
    markets: [m]
    conditions: [a]
    text: A fact paraphrased from the first section of the report.
    source: { file: report.txt, section: First section }
  - id: f2
    markets: [m]
    conditions: [a]
    text: A fact paraphrased from the second section of the report.
    source: { file: report.txt, section: ${section} }
`;

describe('section headings are proven against the source text', () => {
  it('a heading is a short line on its own, matched after trimming', () => {
    expect([...headingsOf(SOURCE)]).toEqual(['Report title', 'First section', 'Second section']);
  });

  it('passes when every declared and cited section is a heading of the source beside the ledger', () => {
    const dir = fixture({ 'e.yaml': ledger('Second section'), 'report.txt': SOURCE });
    expect(loadEvidence(join(dir, 'e.yaml')).warnings).toEqual([]);
  });

  it('a declared section that the source does not have is a problem at its line', () => {
    const dir = fixture({ 'e.yaml': ledger('Second section').replace('Second section]', 'Third section]').replace('section: Second section', 'section: Third section'), 'report.txt': SOURCE });
    const ps = problemsOf(() => loadEvidence(join(dir, 'e.yaml')));
    expect(ps.map((p) => [p.code, p.line, p.path])).toEqual([
      ['evidence.not-a-heading', 5, 'sources[0].sections[1]'],
      ['evidence.not-a-heading', 16, 'facts[1].source.section'],
    ]);
  });

  it('the source is looked up in the project sources folder when not beside the ledger', () => {
    const dir = fixture({ 'ledger/e.yaml': ledger('Second section'), 'docs/report.txt': SOURCE.replace('Second section', 'Renamed section') });
    const ps = problemsOf(() => loadEvidence(join(dir, 'ledger/e.yaml'), { sourcesDir: join(dir, 'docs') }));
    expect(ps.map((p) => [p.code, p.line])).toEqual([['evidence.not-a-heading', 5], ['evidence.not-a-heading', 16]]);
  });

  it('a source that cannot be found is a warning naming where it looked, not an error', () => {
    const dir = fixture({ 'e.yaml': ledger('Second section') });
    const w = loadEvidence(join(dir, 'e.yaml'), { sourcesDir: join(dir, 'docs') }).warnings!;
    expect(w.map((p) => [p.code, p.severity, p.line, p.path])).toEqual([['evidence.source-not-found', 'warning', 3, 'sources[0].file']]);
    expect(w[0].message).toContain(`looked in ${join(dir, 'report.txt')} and ${join(dir, 'docs', 'report.txt')}`);
  });
});

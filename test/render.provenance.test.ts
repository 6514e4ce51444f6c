import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { provenanceLines, scorecardCsv, type Provenance } from '../src/render/scorecard';
import { escapeControls } from '../src/io/printable';

const PROV: Provenance = {
  engine: 'moatscore 0.1.0', rubric: 'rubrics/r.yaml', rubricSha256: 'ab', rubricId: 'r', data: 'data/m.csv', dataSha256: 'cd',
  method: 'wsm', shape: 'long', overrides: 'none', scenario: 'none', seed: 'none',
};

describe('scorecard provenance block', () => {
  it('a path holding a newline and a formula stays on its own comment line (issue #10)', () => {
    const text = provenanceLines({ ...PROV, data: 'evil\n=1+1+cmd|\' /C calc\'!A0\r\n#x' });
    expect(text.split('\n')).toHaveLength(12);
    expect(text).toContain("# data: evil\\n=1+1+cmd|' /C calc'!A0\\r\\n#x\n");
    expect(text.split('\n').slice(0, 11).every((l) => l.startsWith('# '))).toBe(true);
  });

  it('a reader that skips comment lines sees only the header and the rows', () => {
    const csv = scorecardCsv(['market', 'score'], [['a', 1]], { bom: false, provenance: { ...PROV, rubric: 'x\n=2+2,\r"' } });
    expect(parse(csv, { comment: '#', comment_no_infix: true })).toEqual([['market', 'score'], ['a', '1']]);
  });

  it('escapes reversibly: backslash, CR, LF, tab and other controls as \\\\ \\r \\n \\t \\xNN', () => {
    expect(escapeControls('a\\b\r\n\t\u0000\u001b\u007f\u009bé')).toBe('a\\\\b\\r\\n\\t\\x00\\x1b\\x7f\\x9bé');
  });
});

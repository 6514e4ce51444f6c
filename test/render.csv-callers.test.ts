import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cli, fixture } from './helpers';

/**
 * Every command that writes CSV goes through the one writer (src/render/csv-writer.ts): hostile ids and names come
 * out quoted and neutralised whichever command wrote them (issue #10: rank, sensitivity, weights and diff did not).
 */
describe('CSV of every command is quoted and neutralised', () => {
  const dir = fixture({
    't.csv': 'id,name,a,b\n=1+1,"@SUM(1)",1,2\n-x,"Cloud\r=2+2",3,1\n',
    'm.csv': ',a,=b\na,1,3\n=b,1/3,1\n',
    // Two wide scorecards whose first market id was neutralised by export; diff reads it back as =1+1.
    'old.csv': "market,name,rank,score,tier,binding,x.y\n'=1+1,A,1,0.9,,,0.5\nb,B,2,0.5,,,0.4\n",
    'new.csv': "market,name,rank,score,tier,binding,x.y\n'=1+1,A,2,0.4,,,0.1\nb,B,1,0.5,,,0.4\n",
  });

  it('rank --data: ids and names', () => {
    const r = cli(['rank', '--data', join(dir, 't.csv'), '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('rank,id,name,score,gated\n1,\'-x,"Cloud\r=2+2",0.75,false\n2,\'=1+1,\'@SUM(1),0.666666666667,false\n');
  });

  it('weights ahp and roc: criterion ids', () => {
    expect(cli(['weights', 'ahp', join(dir, 'm.csv'), '--format', 'csv']).stdout).toBe("id,weight\na,0.75\n'=b,0.25\n");
    expect(cli(['weights', 'roc', '=a,-b', '--format', 'csv']).stdout).toBe("id,rank,weight\n'=a,1,0.75\n'-b,2,0.25\n");
  });

  it('diff writes back the quote it stripped when reading', () => {
    const r = cli(['diff', join(dir, 'old.csv'), join(dir, 'new.csv'), '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const records = parse(r.stdout) as string[][];
    expect(records.map((x) => x[0])).toEqual(['market', 'b', "'=1+1"]);
    expect(records[2]).toEqual(["'=1+1", '1', '2', '-1', '0.9', '0.4', '-0.5', '', '']);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main';
import { tempDir } from './helpers';

/**
 * The "done when": a workbook opened in LibreOffice with one weight cell changed shows the ranking
 * `rank --weight` prints for that weight. LibreOffice is not a requirement of `npm test`: without `soffice` on the
 * PATH this file is skipped, and says so in its name.
 */
const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const io = { isTTY: false, env: {} };

/** Opens the workbook in headless LibreOffice, which recalculates it, and returns the first sheet (Ranking) as CSV rows. */
function libreOfficeRanking(file: string, dir: string): string[][] {
  // A fresh profile set to "Recalculation on file load: Always" (Tools > Options > Calc > Formula): the file was
  // edited outside LibreOffice, and by default LibreOffice trusts the cached results of a file that says Excel
  // wrote it. (A weight typed inside LibreOffice recomputes its dependents at once, whatever this setting.)
  mkdirSync(join(dir, 'profile', 'user'), { recursive: true });
  writeFileSync(join(dir, 'profile', 'user', 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`);
  const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'csv', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return parse(readFileSync(join(dir, 'card.csv'), 'utf8'), { relax_column_count: true }) as string[][];
}

describe.skipIf(!SOFFICE)(SOFFICE ? 'export --format xlsx in LibreOffice' : 'export --format xlsx in LibreOffice — SKIPPED: soffice not on PATH (apt-get install libreoffice-calc to run it)', () => {
  for (const [method, weight, value] of [['gate', 'switching-cost', 0.5], ['gate', 'outage-penalty', 10], ['wsm', 'trust-procurement', 0]] as const) {
    it(`${method}: typing ${value} into w_${weight.replace(/-/g, '_')} gives the ranking of rank --weight ${weight}=${value}`, async () => {
      const dir = tempDir();
      const file = join(dir, 'card.xlsx');
      expect(run(['export', '--format', 'xlsx', '--method', method, '--output', file], io).code).toBe(0);
      // Change one input cell as a person would, through its defined name; the cached results stay stale, so
      // what LibreOffice shows is what it recomputed.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ref = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.find((n) => n.name === `w_${weight.replace(/-/g, '_')}`)!.ranges[0];
      wb.getWorksheet('Weights')!.getCell(ref.split('!')[1].replace(/\$/g, '')).value = value;
      await wb.xlsx.writeFile(file);

      const rows = libreOfficeRanking(file, dir).slice(1).filter((r) => /^\d+$/.test(r[0]));
      const cli = JSON.parse(run(['rank', '--format', 'json', '--method', method, '--weight', `${weight}=${value}`], io).stdout) as { ranking: { id: string; rank: number; score: number; tier: string }[] };
      const sheet = Object.fromEntries(rows.map((r) => [r[1], { rank: Number(r[0]), tier: r[5], score: Number(r[3]) }]));
      expect(Object.keys(sheet).sort()).toEqual(cli.ranking.map((a) => a.id).sort());
      for (const a of cli.ranking) {
        expect({ id: a.id, rank: sheet[a.id].rank, tier: sheet[a.id].tier }).toEqual({ id: a.id, rank: a.rank, tier: a.tier });
        // LibreOffice's CSV carries 15 significant digits; rank's JSON 12.
        expect(Math.abs(sheet[a.id].score - a.score), a.id).toBeLessThanOrEqual(1e-9);
      }
    }, 180_000);
  }
});

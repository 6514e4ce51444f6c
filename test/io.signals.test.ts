import { describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createReadStream, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { BIN, cli, ROOT, tempDir } from './helpers';
import { rubricUniverse } from '../bench/io';

/**
 * An interrupt never ends in exit 0 (issue #10: SIGTERM during a write exited 0). While reading and computing the
 * signal keeps its default action: the process stops at once and the shell reports 128+signal. While files are
 * replaced the CLI defers it to the end of the write, then exits 128+signal itself.
 */
const shellStatus = (code: number | null, signal: NodeJS.Signals | null) => code ?? 128 + constants.signals[signal!];

describe('interrupts', () => {
  it.each([['TERM', 143], ['INT', 130]])('SIG%s while computing: the shell sees %i, and nothing is written', (sig, status) => {
    const dir = tempDir();
    // 50 million SMAA samples take minutes; the signal comes after one second, whatever the process is doing then.
    const script = `"${process.execPath}" "${BIN}" sensitivity smaa --samples 50000000 --output "${join(dir, 'out.csv')}" & pid=$!; sleep 1; kill -${sig} $pid; wait $pid; echo "status=$?"`;
    const r = spawnSync('/bin/sh', ['-c', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe(`status=${status}\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('SIGTERM during a file write: exit 143 once the rename is done, the complete new file, no temporary file', () => {
    const dir = tempDir();
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'previous\n');
    // The CLI's own entry point, with a write call that sends the process a real SIGTERM after the first chunk.
    const script = `
      const fs = require('node:fs');
      process.argv = [process.argv[0], 'moatscore', 'rank', '--format', 'csv', '--output', ${JSON.stringify(target)}];
      let n = 0;
      require(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))}).main({
        renameSync: fs.renameSync,
        writeSync: (...a) => { const w = fs.writeSync(...a); if (++n === 1) process.kill(process.pid, 'SIGTERM'); return w; },
      });
    `;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(shellStatus(r.status, r.signal)).toBe(143);
    expect(r.status).toBe(143);
    expect(readFileSync(target, 'utf8')).toBe(cli(['rank', '--format', 'csv']).stdout);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('SIGTERM while blocked writing a FIFO whose reader stopped reading: stops at once (143), the FIFO stays a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // 500 generated markets: a report of about 0.6 MB (the default one, 120 KB, can fit in the pipe and the reader's
    // first chunk together, and would finish before the signal).
    const data = join(dir, 'markets.csv');
    writeFileSync(data, rubricUniverse(500, 7));
    const child = spawn(process.execPath, [BIN, 'report', '--rubric', join(ROOT, 'rubrics', 'pricing-power.yaml'), '--data', data, '--samples', '10', '--output', fifo], { cwd: ROOT });
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('exit', (c, s) => done([c, s])));
    // Read the first chunk, then stop: the report (far over the 64 KB a pipe holds) blocks the writer.
    const reader = createReadStream(fifo);
    await new Promise((done) => reader.once('data', done));
    reader.pause();
    await new Promise((done) => setTimeout(done, 300));
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    reader.destroy();
    expect(shellStatus(code, signal)).toBe(143);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['markets.csv', 'pipe']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectGolden, fixture, tempDir } from './helpers';

describe('golden files are written only on purpose', () => {
  const saved = process.env.UPDATE_GOLDEN;
  afterEach(() => {
    if (saved === undefined) delete process.env.UPDATE_GOLDEN;
    else process.env.UPDATE_GOLDEN = saved;
  });
  it('a missing golden file fails and is not created', () => {
    delete process.env.UPDATE_GOLDEN;
    const dir = tempDir();
    expect(() => expectGolden('new.txt', 'output\n', dir)).toThrow('golden file test/golden/new.txt is missing; run UPDATE_GOLDEN=1');
    expect(existsSync(join(dir, 'new.txt'))).toBe(false);
  });
  it('a golden file that differs fails', () => {
    delete process.env.UPDATE_GOLDEN;
    const dir = fixture({ 'g.txt': 'old\n' });
    expect(() => expectGolden('g.txt', 'new\n', dir)).toThrow();
  });
  it('UPDATE_GOLDEN=1 writes it', () => {
    process.env.UPDATE_GOLDEN = '1';
    const dir = fixture({ 'g.txt': 'old\n' });
    expectGolden('g.txt', 'new\n', dir);
    expect(readFileSync(join(dir, 'g.txt'), 'utf8')).toBe('new\n');
  });
});

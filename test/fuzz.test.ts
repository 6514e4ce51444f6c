import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check, input, TARGETS } from './fuzz-targets';

/** A bounded fuzz run in the suite; `npm run fuzz` runs the same harness for longer. */
describe('fuzz: random and mutated files through every command that reads one', () => {
  it.each(TARGETS.map((t) => [t.name, t] as const))('%s', (_name, target) => {
    fc.assert(fc.property(input(target.seed), (content) => {
      const problem = check(target, content);
      expect(problem, problem ?? '').toBeNull();
    }), { numRuns: 60, seed: 42 });
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOutputs } from '../src/io/atomic-write';
import { UsageError } from '../src/errors/problem';
import { tempDir } from './helpers';

/**
 * Writing to odd targets, generated: folders of regular files, missing names, sub-folders, and symbolic links to
 * any of them, to each other (chains and loops) and to a character device. Whatever --output names, afterwards
 * every link is still the same link, every device still a device, no other file changed, no temporary file is left,
 * and the file the path leads to holds the content — or the write was refused with a usage error and nothing changed.
 */
type Node = { kind: 'file' } | { kind: 'missing' } | { kind: 'dir' } | { kind: 'link'; to: number | 'device' };

const ROOT_USER = process.getuid?.() === 0;
const nodeArb = (n: number): fc.Arbitrary<Node> => fc.oneof(
  fc.constant<Node>({ kind: 'file' }), fc.constant<Node>({ kind: 'missing' }), fc.constant<Node>({ kind: 'dir' }),
  fc.integer({ min: 0, max: n - 1 }).map((to): Node => ({ kind: 'link', to })),
  ...(ROOT_USER ? [fc.constant<Node>({ kind: 'link', to: 'device' })] : []),
);
const layoutArb = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.array(nodeArb(n), { minLength: n, maxLength: n }), fc.integer({ min: 0, max: n - 1 })));

/** Type and content of every entry, links not followed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    out[name] = st.isSymbolicLink() ? `link:${readlinkSync(p)}` : st.isFile() ? `file:${readFileSync(p, 'utf8')}` : st.isDirectory() ? 'dir' : st.isCharacterDevice() ? 'chardev' : 'other';
  }
  return out;
}

/** Where a path leads in the model: the node finally reached, or a loop. */
function reach(nodes: Node[], start: number): number | 'device' | 'loop' {
  let at: number | 'device' = start;
  for (let hop = 0; hop <= nodes.length; hop++) {
    if (at === 'device') return at;
    const node: Node = nodes[at];
    if (node.kind !== 'link') return at;
    at = node.to;
  }
  return 'loop';
}

describe('writing to generated odd targets', () => {
  const devDir = tempDir();
  const device = join(devDir, 'null');
  if (ROOT_USER) execFileSync('mknod', [device, 'c', '1', '3']);

  it('links stay links, devices stay devices, nothing else changes, no temporary file remains', () => {
    fc.assert(fc.property(layoutArb, ([nodes, target]) => {
      const dir = tempDir();
      nodes.forEach((node, k) => {
        const p = join(dir, `n${k}`);
        if (node.kind === 'file') writeFileSync(p, `old ${k}`);
        if (node.kind === 'dir') mkdirSync(p);
        if (node.kind === 'link') symlinkSync(node.to === 'device' ? device : `n${node.to}`, p);
      });
      const before = snapshot(dir);
      const lands = reach(nodes, target);
      let refused: unknown;
      try {
        writeOutputs([{ target: join(dir, `n${target}`), content: 'NEW' }]);
      } catch (e) {
        refused = e;
      }
      const after = snapshot(dir);
      const landsOn = typeof lands === 'number' ? nodes[lands].kind : lands;
      if (landsOn === 'loop' || landsOn === 'dir') {
        expect(refused).toBeInstanceOf(UsageError);
        expect(after).toEqual(before);
        return;
      }
      expect(refused).toBeUndefined();
      const expected = { ...before };
      if (typeof lands === 'number') expected[`n${lands}`] = 'file:NEW';
      expect(after).toEqual(expected);
      if (ROOT_USER) expect(lstatSync(device).isCharacterDevice()).toBe(true);
    }), { numRuns: 300, seed: 2026 });
  });
});

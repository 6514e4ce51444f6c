import { create, parseDependencies } from 'mathjs/number';
import { plainTree, type ExprTree } from './tree';

/**
 * The only mathjs instance: parse only. Nothing mathjs builds is ever evaluated; the tree is copied to plain data,
 * checked against an allow-list (see compile.ts) and compiled to closures of our own, so `import`, `evaluate`,
 * `config`, property access and assignment are unreachable by construction rather than by a deny-list.
 *
 * The report page's bundle replaces this module with shipped-trees.ts (scripts/build.js), so the page holds no parser.
 */
const math = create({ parseDependencies });

let recording: Map<string, ExprTree> | undefined;

export function parseExpression(text: string): ExprTree {
  const tree = plainTree(math.parse(text));
  recording?.set(text, tree);
  return tree;
}

/**
 * Runs `fn` and returns, beside its result, every expression it parsed with its tree, in first-parse order: what the
 * report ships so the page compiles the rubric without a parser.
 */
export function recordTrees<T>(fn: () => T): { result: T; trees: [string, ExprTree][] } {
  const outer = recording;
  recording = new Map();
  try {
    const result = fn();
    return { result, trees: [...recording] };
  } finally {
    recording = outer;
  }
}

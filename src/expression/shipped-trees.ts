import type { ExprTree } from './tree';

/**
 * The report page's stand-in for sandbox.ts (swapped in by scripts/build.js): it "parses" by looking up the trees the
 * CLI parsed and shipped in the payload, so mathjs' parser is not in the page. The page never edits an expression,
 * so every expression it compiles is one the CLI already parsed and checked.
 */
const shipped = new Map<string, ExprTree>();

export function shipTrees(trees: readonly (readonly [string, ExprTree])[]): void {
  for (const [text, tree] of trees) shipped.set(text, tree);
}

export function parseExpression(text: string): ExprTree {
  const tree = shipped.get(text);
  // compile.ts reports this as expression.syntax with the text; it means the payload and the page disagree.
  if (!tree) throw new Error(`the report did not ship a parsed tree for "${text}"; regenerate it with moatscore report`);
  return tree;
}

export function recordTrees<T>(fn: () => T): { result: T; trees: [string, ExprTree][] } {
  return { result: fn(), trees: [] };
}

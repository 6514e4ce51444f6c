import { create, parseDependencies, type MathNode } from 'mathjs/number';

/**
 * The only mathjs instance: parse only. Nothing mathjs builds is ever evaluated; the tree is checked against an
 * allow-list (see compile.ts) and compiled to closures of our own, so `import`, `evaluate`, `config`, property
 * access and assignment are unreachable by construction rather than by a deny-list.
 */
const math = create({ parseDependencies });

export function parseExpression(text: string): MathNode {
  return math.parse(text);
}

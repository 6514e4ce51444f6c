import type { MathNode } from 'mathjs/number';

/**
 * A parsed expression as plain data: the subset of mathjs' node fields the compiler (compile.ts) reads, and nothing
 * else. Being JSON, a tree parsed by the CLI can ride in the report's payload, and the page compiles it with the
 * same compiler without carrying mathjs' parser (about 60% of the page's start-up script time).
 */
export type ExprTree =
  | { readonly type: 'ConstantNode'; readonly value: unknown }
  | { readonly type: 'SymbolNode'; readonly name: string }
  | { readonly type: 'ParenthesisNode'; readonly content: ExprTree }
  | { readonly type: 'ConditionalNode'; readonly condition: ExprTree; readonly trueExpr: ExprTree; readonly falseExpr: ExprTree }
  | { readonly type: 'OperatorNode'; readonly fn: string; readonly op: string; readonly args: readonly ExprTree[] }
  | { readonly type: 'FunctionNode'; readonly fn: ExprTree; readonly args: readonly ExprTree[] }
  /** Any other construct (assignment, indexing, …): kept by kind only, for the compiler to refuse by name. */
  | { readonly type: 'Other'; readonly kind: string };

/** Copies a mathjs parse tree into an ExprTree; constructs the compiler refuses keep only their kind. */
export function plainTree(node: MathNode): ExprTree {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': return { type: 'ConstantNode', value: n.value };
    case 'SymbolNode': return { type: 'SymbolNode', name: n.name as string };
    case 'ParenthesisNode': return { type: 'ParenthesisNode', content: plainTree(n.content as MathNode) };
    case 'ConditionalNode': return { type: 'ConditionalNode', condition: plainTree(n.condition as MathNode), trueExpr: plainTree(n.trueExpr as MathNode), falseExpr: plainTree(n.falseExpr as MathNode) };
    case 'OperatorNode': return { type: 'OperatorNode', fn: n.fn as string, op: n.op as string, args: (n.args as MathNode[]).map(plainTree) };
    case 'FunctionNode': return { type: 'FunctionNode', fn: plainTree(n.fn as MathNode), args: (n.args as MathNode[]).map(plainTree) };
    default: return { type: 'Other', kind: node.type };
  }
}

import { Container } from 'inversify';
import type { AggregationMethod } from './methods/method';
import { METHOD_PLUGINS } from './methods/plugins';
import type { Renderer } from './render/renderer';
import { CsvRenderer } from './render/csv-renderer';
import { JsonRenderer } from './render/json-renderer';
import { MarkdownRenderer, TableRenderer } from './render/table-renderer';
import { UsageError } from './errors/problem';

/**
 * The composition root: the only file that builds a container. Plug-ins (aggregation methods, renderers) are
 * undecorated classes bound by token with toResolvedValue, so domain code imports no inversify; a new method is one class
 * and one line in src/methods/plugins.ts (the list the report page reads too), a new format one class and one line here.
 */
export const TOKENS = {
  method: Symbol.for('moatscore.AggregationMethod'),
  renderer: Symbol.for('moatscore.Renderer'),
} as const;

export function buildContainer(): Container {
  const c = new Container();
  for (const Method of METHOD_PLUGINS) c.bind<AggregationMethod>(TOKENS.method).toResolvedValue(() => new Method()).inSingletonScope();
  c.bind<Renderer>(TOKENS.renderer).toResolvedValue(() => new TableRenderer()).inSingletonScope();
  c.bind<Renderer>(TOKENS.renderer).toResolvedValue(() => new MarkdownRenderer()).inSingletonScope();
  c.bind<Renderer>(TOKENS.renderer).toResolvedValue(() => new JsonRenderer()).inSingletonScope();
  c.bind<Renderer>(TOKENS.renderer).toResolvedValue(() => new CsvRenderer()).inSingletonScope();
  return c;
}

/** Plug-ins by id, with an error that lists the valid ids. */
export class Registry<T extends { readonly id: string }> {
  private readonly byId: ReadonlyMap<string, T>;
  constructor(private readonly kind: 'method' | 'format', items: readonly T[]) {
    this.byId = new Map(items.map((i) => [i.id, i]));
  }
  get ids(): string[] {
    return [...this.byId.keys()];
  }
  get(id: string): T {
    const item = this.byId.get(id);
    if (!item) throw new UsageError(`usage.unknown-${this.kind}`, `unknown ${this.kind} '${id}'`, `choose one of: ${this.ids.join(', ')}`);
    return item;
  }
}

export interface Plugins {
  readonly methods: Registry<AggregationMethod>;
  readonly renderers: Registry<Renderer>;
}

export function resolvePlugins(c: Container = buildContainer()): Plugins {
  return {
    methods: new Registry('method', c.getAll<AggregationMethod>(TOKENS.method)),
    renderers: new Registry('format', c.getAll<Renderer>(TOKENS.renderer)),
  };
}

import { Container } from 'inversify';
import type { Services, Streams } from './cli/command';
import { UsageError } from './errors/problem';
import { writeOutputs, type OutputFile, type WriteOptions } from './io/atomic-write';
import { fileSystemReader, type InputReader } from './io/read-input';
import type { AggregationMethod } from './methods/method';
import { METHOD_PLUGINS } from './methods/plugins';
import { CsvRenderer } from './render/csv-renderer';
import { JsonRenderer } from './render/json-renderer';
import type { Renderer } from './render/renderer';
import { MarkdownRenderer, TableRenderer } from './render/table-renderer';
import { SMAA_DEFAULTS } from './analysis/smaa';
import { version } from './cli/version';

/**
 * The composition root: the only file that builds a container. Everything bound here is an undecorated class or a
 * plain function, bound by token with toResolvedValue, so domain code and kernels import no inversify and the
 * library works without a container. The CLI resolves one `Services` per run: the plug-in lists and the
 * collaborators a command would otherwise reach for as globals (the input reader, the writer, the version written into provenance,
 * the default seed, the process's streams). A test rebinds any token to swap one of them (test/cli.injection.test.ts).
 *
 * A new method is one class and one line in src/methods/plugins.ts: the CLI (bound below), the rubric schema's
 * `method` enum (src/rubric/schema.ts) and the report page (which cannot load inversify in the browser) all read
 * that list. A new output format is one class and one binding here.
 */
export const TOKENS = {
  method: Symbol.for('moatscore.AggregationMethod'),
  renderer: Symbol.for('moatscore.Renderer'),
  /** Reads every input file, with the checks every input gets (io/read-input.ts). */
  input: Symbol.for('moatscore.InputReader'),
  /** Writes a command's output files, all or none (io/atomic-write.ts). */
  writer: Symbol.for('moatscore.OutputWriter'),
  /** The engine version: `--version` and the `engine` line of export provenance. */
  version: Symbol.for('moatscore.Version'),
  /** The seed of every sampled analysis when --seed is not given (SMAA in sensitivity and report). */
  seed: Symbol.for('moatscore.DefaultSeed'),
  /** The process's standard output and error, which only src/cli/cli.ts writes to. */
  streams: Symbol.for('moatscore.Streams'),
  /** What a command receives: the above, resolved together. */
  services: Symbol.for('moatscore.Services'),
} as const;

export type OutputWriter = (files: readonly OutputFile[], opts: WriteOptions) => void;

export function buildContainer(): Container {
  const c = new Container({ defaultScope: 'Singleton' });
  for (const Method of METHOD_PLUGINS) c.bind<AggregationMethod>(TOKENS.method).toResolvedValue(() => new Method());
  c.bind<Renderer>(TOKENS.renderer).toResolvedValue(() => new TableRenderer());
  c.bind<Renderer>(TOKENS.renderer).toResolvedValue(() => new MarkdownRenderer());
  c.bind<Renderer>(TOKENS.renderer).toResolvedValue(() => new JsonRenderer());
  c.bind<Renderer>(TOKENS.renderer).toResolvedValue(() => new CsvRenderer());
  c.bind<InputReader>(TOKENS.input).toConstantValue(fileSystemReader);
  c.bind<OutputWriter>(TOKENS.writer).toConstantValue(writeOutputs);
  c.bind<string>(TOKENS.version).toResolvedValue(version);
  c.bind<number>(TOKENS.seed).toConstantValue(SMAA_DEFAULTS.seed);
  c.bind<Streams>(TOKENS.streams).toResolvedValue(() => ({ stdout: process.stdout, stderr: process.stderr }));
  c.bind<Services>(TOKENS.services).toResolvedValue(
    (methods: AggregationMethod[], renderers: Renderer[], input: InputReader, writer: OutputWriter, engineVersion: string, seed: number): Services => ({
      methods: new Registry('method', methods), renderers: new Registry('format', renderers), input, writer, version: engineVersion, seed,
    }),
    [{ serviceIdentifier: TOKENS.method, isMultiple: true }, { serviceIdentifier: TOKENS.renderer, isMultiple: true }, TOKENS.input, TOKENS.writer, TOKENS.version, TOKENS.seed],
  );
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

/** A command's collaborators, from a container (the default one unless a test built its own). */
export function resolveServices(c: Container = buildContainer()): Services {
  return c.get<Services>(TOKENS.services);
}

/** The plug-in lists alone (what analyses and tests that rank in process need). */
export function resolvePlugins(c: Container = buildContainer()): Plugins {
  const { methods, renderers } = resolveServices(c);
  return { methods, renderers };
}

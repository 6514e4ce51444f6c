import type { OutputWriter, Plugins } from '../ioc';
import type { InputReader } from '../io/read-input';

/** What a command hands back: text for standard output (or --output), and diagnostics for standard error. */
export interface CommandOutput {
  readonly stdout?: string;
  readonly stderr?: string;
  /** The command's data, written to --output when given, else to standard output. */
  readonly output?: string | Buffer;
  /** Files written next to --output, as one unit with it: all of them or none (export --provenance file). */
  readonly alsoWrite?: readonly { readonly path: string; readonly content: string }[];
  /** The output carries the table renderer's own colour codes, which the terminal scrub keeps. */
  readonly colour?: boolean;
}

export interface Io {
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  /** The --output path, read once by the CLI (options.ts takeOutput); commands never parse it themselves. */
  readonly output?: string;
}

/**
 * A command's collaborators, handed in by the composition root (src/ioc.ts) rather than imported as globals, so a
 * test can swap any of them: the plug-in lists, the writer of output files, the engine version for provenance
 * and the default seed of sampled analyses.
 */
export interface Services extends Plugins {
  /** Where every input file is read from (io/read-input.ts; the file system by default). */
  readonly input: InputReader;
  readonly writer: OutputWriter;
  readonly version: string;
  readonly seed: number;
}

/** The process's output streams (bound in src/ioc.ts; written only by src/cli/cli.ts). */
export interface Streams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export type Command = (args: string[], io: Io, services: Services) => CommandOutput;

import type { Plugins } from '../ioc';

/** What a command hands back: text for standard output (or --output), and diagnostics for standard error. */
export interface CommandOutput {
  readonly stdout?: string;
  readonly stderr?: string;
  /** The command's data, written to --output when given, else to standard output. */
  readonly output?: string;
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

export type Command = (args: string[], io: Io, plugins: Plugins) => CommandOutput;

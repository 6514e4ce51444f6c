import type { Plugins } from '../ioc';

/** What a command hands back: text for standard output (or --output), and diagnostics for standard error. */
export interface CommandOutput {
  readonly stdout?: string;
  readonly stderr?: string;
  /** The command's data, written to --output when given, else to standard output. */
  readonly output?: string | Buffer;
}

export interface Io {
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

export type Command = (args: string[], io: Io, plugins: Plugins) => CommandOutput;

import { COMMANDS, run } from '../src/cli/main';

/**
 * The "Examples:" lines of every command's --help, as [command, line], read from the help the CLI prints (so a
 * command added to COMMANDS without examples fails here). Each command has two or three.
 */
export const HELP_EXAMPLES: [string, string][] = Object.keys(COMMANDS).flatMap((command) => {
  const lines = run([command, '--help'], { isTTY: false, env: {} }).stdout.split('\n');
  const at = lines.indexOf('Examples:');
  const examples = at < 0 ? [] : lines.slice(at + 1).map((l) => l.trim()).filter((l) => l.startsWith('moatscore '));
  if (examples.length < 1 || examples.length > 3) throw new Error(`${command} --help has ${examples.length} examples; give it one to three`);
  return examples.map((l): [string, string] => [command, l]);
});

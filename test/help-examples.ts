import { INIT_HELP, METHODS_HELP, PROJECTS_HELP, SCHEMA_HELP, VALIDATE_HELP } from '../src/cli/help';

/** The "Examples:" lines of the help pages of init, projects, schema, validate and methods, as [command, line]. */
export const HELP_EXAMPLES: [string, string][] = Object.entries({ init: INIT_HELP, projects: PROJECTS_HELP, schema: SCHEMA_HELP, validate: VALIDATE_HELP, methods: METHODS_HELP })
  .flatMap(([command, text]) => {
    const lines = text.split('\n');
    const at = lines.indexOf('Examples:');
    const examples = lines.slice(at + 1).map((l) => l.trim()).filter((l) => l.startsWith('moatscore '));
    if (at < 0 || examples.length < 2) throw new Error(`${command} --help has fewer than two examples`);
    return examples.map((l): [string, string] => [command, l]);
  });

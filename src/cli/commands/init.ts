import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { kebabId } from '../../io/kebab-id';
import { UsageError } from '../../errors/problem';
import { writeFileAtomic } from '../../io/atomic-write';
import { YAML_SCHEMA_KINDS, jsonSchemaOf } from '../../project/schemas';
import { TEMPLATE_FILES } from '../../project/template';
import type { Command } from '../command';
import { INIT_HELP } from '../help';
import { HELP_OPTION, parseOptions } from '../options';
import { displayPath } from '../paths';

/** Every file `init` writes, relative to the project folder: the template and the JSON Schemas its YAML names. */
export function initFiles(id = 'my-model'): Record<string, string> {
  const files: Record<string, string> = Object.fromEntries(Object.entries(TEMPLATE_FILES).map(([n, text]) => [n, text.replace(/^(id: |# )my-model$/gm, `$1${id}`)]));
  for (const kind of YAML_SCHEMA_KINDS) files[`.schemas/${kind}.schema.json`] = JSON.stringify(jsonSchemaOf(kind), null, 2) + '\n';
  return files;
}

/** Writes a small working project into DIR. Refuses, writing nothing, if any of its files already exists. */
export const init: Command = (args) => {
  const { values, positionals } = parseOptions(args, { ...HELP_OPTION }, 'init');
  if (values.help) return { stdout: INIT_HELP };
  if (positionals.length !== 1) throw new UsageError('usage.missing-argument', 'init needs one folder: moatscore init DIR', 'the folder is created if it does not exist');
  const dir = positionals[0];
  // The folder's name becomes the project and rubric id where it is a valid one, so two projects read apart.
  const name = basename(resolve(dir));
  const files = initFiles(kebabId.safeParse(name).success ? name : undefined);
  const names = Object.keys(files).sort();
  const existing = names.filter((n) => existsSync(join(dir, n)));
  if (existing.length) {
    throw new UsageError('usage.would-overwrite', `init: ${existing.length} file${existing.length === 1 ? '' : 's'} already exist in ${displayPath(dir)}: ${existing.join(', ')}; nothing was written`, 'choose a new folder, or move those files away');
  }
  const written: string[] = [];
  try {
    for (const n of names) {
      mkdirSync(dirname(join(dir, n)), { recursive: true });
      writeFileAtomic(join(dir, n), files[n]);
      written.push(join(dir, n));
    }
  } catch (e) {
    // All or nothing: the files this run created are removed (none of them existed before, checked above).
    for (const f of written) rmSync(f, { force: true });
    const err = e as NodeJS.ErrnoException;
    throw new UsageError('usage.cannot-write', `init: cannot write into ${displayPath(dir)} (${err.code ?? err.message})`, 'choose a folder you can write to');
  }
  const shown = displayPath(dir);
  return {
    stdout: `created ${shown}: ${names.length} files (${names.filter((n) => !n.startsWith('.schemas/')).join(', ')}, and .schemas/)\n` +
      `next:\n  moatscore validate --project ${shown}\n  moatscore rank --project ${shown}\n`,
  };
};

import { loadDictionary } from '../../data/load-dictionary';
import { loadMarkets } from '../../data/load-markets';
import { UsageError } from '../../errors/problem';
import { BUNDLED_PROJECTS, bundledManifest } from '../../project/bundled';
import { loadManifest } from '../../project/manifest';
import { gridFormat, renderGrid } from '../../render/grid';
import type { Command } from '../command';
import { PROJECTS_HELP } from '../help';
import { HELP_OPTION, OUTPUT_OPTIONS, parseOptions } from '../options';
import { displayPath, packageRoot } from '../paths';

/** The bundled projects: what `--project NAME` accepts, each with its folder and how many markets it ranks. */
export const projects: Command = (args, _io, services) => {
  const { values, positionals } = parseOptions(args, { ...OUTPUT_OPTIONS, ...HELP_OPTION }, 'projects');
  if (values.help) return { stdout: PROJECTS_HELP };
  if (positionals.length) throw new UsageError('usage.bad-argument', `projects takes no arguments (got '${positionals[0]}')`, 'moatscore projects lists the bundled projects');
  const format = gridFormat(values.format);
  const rows = BUNDLED_PROJECTS.map((b) => {
    // By the bundled path, never through --project resolution: a folder named like an id must not shadow it here.
    const m = loadManifest(displayPath(bundledManifest(b.id, packageRoot())!));
    const markets = loadMarkets(displayPath(m.data), loadDictionary(displayPath(m.dictionary), services.input), services.input).ids.length;
    return [m.id, m.title, displayPath(m.dir), markets];
  });
  return { output: renderGrid({ title: 'Bundled projects', head: ['id', 'title', 'folder', 'markets'], rows, notes: ['Use one with --project ID; start your own with moatscore init DIR.'] }, format) };
};

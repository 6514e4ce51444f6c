#!/usr/bin/env node
'use strict';
// Bundles the CLI and the library with esbuild. One bundle loads in ~0.1 s where resolving the same modules one
// file at a time (mathjs alone: 0.4 s) would blow the 0.3 s cold-start budget; see README "Speed".
const { build, buildSync } = require('esbuild');
const { version } = require('../package.json');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  define: { MOATSCORE_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
};
buildSync({ ...common, entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js' });
buildSync({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
// The report page: the same engine modules, bundled for the browser and inlined into the HTML by `moatscore report`.
// platform 'browser' makes any Node-only import a build error, so the page can never reach for the file system.
// The page compiles the trees the CLI parsed (payload.trees), so its bundle swaps the mathjs parser (sandbox.ts) for
// the lookup in shipped-trees.ts: no parser in the page, about 60% less script time before the table shows.
const path = require('node:path');
const shippedTrees = {
  name: 'shipped-trees',
  setup(b) {
    const sandbox = path.resolve(__dirname, '../src/expression/sandbox');
    b.onResolve({ filter: /sandbox$/ }, (args) => (path.resolve(args.resolveDir, args.path) === sandbox ? { path: `${path.dirname(sandbox)}/shipped-trees.ts` } : undefined));
  },
};
build({
  ...common, platform: 'browser', format: 'iife', target: 'es2020', sourcemap: false, legalComments: 'none',
  entryPoints: ['src/report/page.ts'], outfile: 'dist/report-page.js', plugins: [shippedTrees],
}).catch(() => process.exit(1));

import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, cli, tempDir } from './helpers';

/**
 * The package as a user installs it: `npm pack` (prepare: the bundle, the declarations and the ESM entry),
 * unpacked into a consumer's node_modules with its dependencies linked from this worktree (offline). The README's
 * library example (test/fixtures/library-example.ts) must compile under tsc --strict against it and run.
 */
describe('the packed package is a typed library', () => {
  it('compiles the README example with tsc --strict, runs it, and serves CommonJS and ESM alike', () => {
    const tmp = tempDir();
    // prepare's bundle step is done by the suite's global setup; re-running it here would rewrite dist/cli.js under
    // the CLI tests running beside this one. So: the declarations and ESM entry, then pack without scripts.
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-types.js')], { cwd: ROOT, stdio: 'ignore' });
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp, '--silent'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop()!;
    const consumer = join(tmp, 'consumer');
    const modules = join(consumer, 'node_modules');
    mkdirSync(join(modules, '@types'), { recursive: true });
    execFileSync('tar', ['-xzf', join(tmp, packed), '-C', modules]);
    renameSync(join(modules, 'package'), join(modules, 'moatscore'));
    const pkg = JSON.parse(execFileSync('cat', [join(modules, 'moatscore', 'package.json')], { encoding: 'utf8' })) as { dependencies: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies)) symlinkSync(join(ROOT, 'node_modules', dep), join(modules, dep), 'dir');
    symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), join(modules, '@types', 'node'), 'dir');
    expect(readdirSync(join(modules, 'moatscore', 'dist', 'types'))).toContain('index.d.ts');

    copyFileSync(join(ROOT, 'test', 'fixtures', 'library-example.ts'), join(consumer, 'example.ts'));
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, target: 'ES2022', module: 'node20', types: ['node'], outDir: 'out', skipLibCheck: false },
      files: ['example.ts'],
    }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);

    // The example ranks the bundled NEC project with its gate method: exactly what `moatscore rank` prints, but for
    // the file paths, which the library gives as it found them (inside the installed package).
    const run = spawnSync(process.execPath, [join(consumer, 'out', 'example.js')], { cwd: consumer, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.replaceAll(`${join(modules, 'moatscore')}/`, '')).toBe(cli(['rank']).stdout);
    // The installed package has no ../shared/seeds beside it: the heading check is skipped, and said.
    expect(run.stderr).toContain("warning: source '000_545ac16c1f9c17f3.txt' was not found");

    // One module under both conditions of the exports map: the same named exports from require and import.
    const names = (code: string, ext: string) => {
      writeFileSync(join(consumer, `names.${ext}`), code);
      return spawnSync(process.execPath, [join(consumer, `names.${ext}`)], { cwd: consumer, encoding: 'utf8' }).stdout;
    };
    const viaRequire = names("console.log(Object.keys(require('moatscore')).sort().join(','))", 'cjs');
    const viaImport = names("import * as m from 'moatscore'; console.log(Object.keys(m).filter((k) => k !== 'default').sort().join(','))", 'mjs');
    expect(viaImport).toBe(viaRequire);
    expect(viaRequire).toContain('loadProject');
  }, 180_000);
});

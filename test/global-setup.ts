import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** CLI tests spawn the real bundle, so build it once before the suite. */
export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.js')], { stdio: 'inherit' });
}

declare const MOATSCORE_VERSION: string | undefined;

/** The engine version: set by the esbuild bundle, read from package.json when running from source. */
export function version(): string {
  if (typeof MOATSCORE_VERSION === 'string') return MOATSCORE_VERSION;
  return (require('../../package.json') as { version: string }).version;
}

import { isAbsolute, relative, resolve } from 'node:path';

/** How a path is shown in messages: relative to the working folder when inside it, else absolute. */
export function displayPath(p: string): string {
  const abs = resolve(p);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

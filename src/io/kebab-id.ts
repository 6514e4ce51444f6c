import { z } from 'zod';
import { checkId } from '../data/check-id';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Ids of conditions, criteria, indicators, facts and markets: kebab-case, so they read the same in YAML, CSV and URLs.
 * The one id check (data/check-id.ts) runs first, so an id with a zero-width or control character is reported as
 * such (`<prefix>.invisible-in-id`) rather than as "not kebab-case", which would not tell the user what to look for.
 */
export const kebabId = z.string().superRefine((s, ctx) => {
  const id = checkId(s);
  if (typeof id !== 'string' && id.code !== 'data.blank-id') ctx.addIssue({ code: 'custom', message: id.message, params: { code: 'invisible-in-id' } });
  else if (!KEBAB.test(s)) ctx.addIssue({ code: 'invalid_format', format: 'regex', pattern: KEBAB.source, message: 'must be kebab-case: lower-case letters, digits and single hyphens' });
});

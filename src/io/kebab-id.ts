import { z } from 'zod';

/** Ids of conditions, criteria, indicators, facts and markets: kebab-case, so they read the same in YAML, CSV and URLs. */
export const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

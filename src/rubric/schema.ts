import { z } from 'zod';
import { kebabId as kebab } from '../io/kebab-id';
import { METHOD_IDS } from '../methods/plugins';
import { AHP_DEFAULT_MAX_CR } from '../weights/ahp';

const weight = z.number().describe('Relative weight >= 0; siblings are normalised to sum 1');

/** Entries of a comparison matrix: numbers, or fractions written as "1/3". */
const ratio = z.union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*\/\s*\d+(\.\d+)?\s*$/, 'write a number or a fraction such as "1/3"')]);

/** Weights elicited instead of written: an AHP pairwise comparison matrix or a rank order of the siblings. */
export const WeightingSchema = z.union([
  z.strictObject({
    ahp: z.strictObject({
      matrix: z.array(z.array(ratio)).min(1).describe('Pairwise comparisons on the Saaty 1/9…9 scale, rows and columns in the order the siblings are listed'),
      maxCr: z.number().positive().default(AHP_DEFAULT_MAX_CR).describe('Consistency ratio above which the matrix is refused (above 0.10 is a warning)'),
    }),
  }),
  z.strictObject({
    rankOrder: z.array(kebab).min(1).describe('Sibling ids, most important first; weights are rank-order centroids'),
  }),
]).describe('Elicited weights for the siblings (then their own weight fields are left out)');
const score = z.union([z.number(), z.string().min(1)]).describe('A score on the rubric scale, or an expression giving one');

const RawRule = z.strictObject({
  type: z.literal('raw'),
  indicator: kebab,
  direction: z.enum(['benefit', 'cost']).describe('benefit: more is better; cost: less is better'),
  range: z.tuple([z.number(), z.number()]).optional().describe('Value range mapped onto the rubric scale; defaults to the indicator scale'),
}).describe('The indicator value mapped linearly onto the rubric scale');

const MapRule = z.strictObject({
  type: z.literal('map'),
  indicator: kebab,
  scores: z.record(kebab, z.number()).describe('A score for every category of the indicator'),
}).describe('A score per category of a categorical indicator');

const BandsRule = z.strictObject({
  type: z.literal('bands'),
  indicator: kebab,
  bands: z.array(z.strictObject({
    below: z.number().optional().describe('The band holds values below this bound and at or above the previous one; the last band has none'),
    score,
    note: z.string().optional(),
  })).min(1),
}).describe('Threshold bands over one numeric indicator, ascending');

const TableRule = z.strictObject({
  type: z.literal('table'),
  hit: z.enum(['first', 'unique', 'collect']).describe('first: the first matching row; unique: exactly one row may match; collect: aggregate all matching rows'),
  aggregate: z.enum(['sum', 'min', 'max']).optional().describe('With hit: collect, how the matching rows combine'),
  rows: z.array(z.strictObject({
    when: z.string().min(1).describe('A boolean expression over indicators (ids with _ for -)'),
    score,
    note: z.string().optional(),
  })).min(1),
}).describe('A decision table whose rows are conditions over indicators');

const ExpressionRule = z.strictObject({
  type: z.literal('expression'),
  expr: z.string().min(1).describe('A numeric expression over indicators (ids with _ for -)'),
}).describe('A formula that computes the score directly');

export const RuleSchema = z.discriminatedUnion('type', [RawRule, MapRule, BandsRule, TableRule, ExpressionRule]);

export const RubricSchema = z.strictObject({
  $schema: z.string().optional(),
  id: kebab,
  title: z.string().min(1),
  description: z.string().optional(),
  // Generated from the plug-in list, so a method added there is accepted here (and in the JSON Schema) with no edit.
  method: z.enum(METHOD_IDS).default('wsm').describe('Default aggregation method'),
  scale: z.strictObject({ min: z.number(), max: z.number() }).describe('The scale every criterion and condition score is on'),
  conditions: z.array(z.strictObject({
    id: kebab,
    name: z.string().min(1),
    weight: weight.optional(),
    rationale: z.string().optional(),
    weighting: WeightingSchema.optional(),
    criteria: z.array(z.strictObject({
      id: kebab,
      name: z.string().min(1),
      weight: weight.optional(),
      rationale: z.string().optional(),
      rule: RuleSchema,
      preference: z.string().optional().describe("PROMETHEE II's preference function on this criterion's score differences: usual, ushape:q=, vshape:p=, level:q=:p=, linear:q=:p=, gaussian:s= (default usual); --preference overrides it"),
    })).min(1),
  })).min(1),
  weighting: WeightingSchema.optional(),
  tiers: z.array(z.strictObject({
    id: kebab,
    when: z.string().min(1).describe('Boolean expression over overall, weakest, strongest and condition ids (with _ for -); the first matching tier applies'),
    meaning: z.string().optional(),
  })).min(1),
  caps: z.array(z.strictObject({
    id: kebab.describe('Unique among caps'),
    when: z.string().min(1).describe('A boolean expression over indicators (ids with _ for -), as in table rows; the cap bites where it is true'),
    tier: kebab.optional().describe('The best tier a market the cap bites can have (tiers are listed best first)'),
    ceiling: z.number().optional().describe('The highest overall score, on the rubric scale, a market the cap bites can have (applied under wsm, wpm and gate)'),
    rationale: z.string().min(1).describe('Why this one risk can wipe out the economics, whatever the other scores'),
    facts: z.array(kebab).default([]).describe('Fact ids of the evidence ledger behind the cap'),
  })).optional().describe('Risk caps: the non-compensatory veto (ELECTRE veto threshold, Roy 1968/1991). Each needs tier, ceiling or both'),
  weightConstraints: z.array(z.string().min(1)).optional().describe("What is known about the condition weights, for SMAA (sampled by hit-and-run): 'a >= b', 'a <= 2*b', 'a >= 0.2', 'a in [0.1, 0.4]' over condition ids"),
  gate: z.strictObject({
    threshold: z.number().describe('Minimum score every condition needs; a market below it is capped'),
    tier: kebab.describe('The best tier a capped market can have'),
  }).optional(),
});

export type RubricSpec = z.infer<typeof RubricSchema>;
export type RuleSpec = z.infer<typeof RuleSchema>;
export type WeightingSpec = z.infer<typeof WeightingSchema>;

/** JSON Schema for editors (`moatscore schema`), generated from the zod schema so the two cannot disagree. */
export function rubricJsonSchema(): unknown {
  return z.toJSONSchema(RubricSchema, { io: 'input', target: 'draft-2020-12' });
}

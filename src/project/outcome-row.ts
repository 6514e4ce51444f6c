import { z } from 'zod';
import { kebabId } from '../io/kebab-id';

/**
 * One row of an outcomes CSV (`market,outcome,evidence,rationale`): the observed outcome a backtest correlates the
 * ranking scores with. The loader is src/analysis/backtest.ts (a CSV reader, no zod); this schema describes the row it
 * reads, for `moatscore schema --kind outcomes`: keep the two in step.
 */
export const OutcomeRowSchema = z.strictObject({
  market: kebabId.describe('A market id of the project data'),
  outcome: z.number().nullable().describe('The observed outcome, higher is better (an operating margin in percent, say); empty in the CSV (null here) leaves the market out on purpose'),
  evidence: z.string().describe('Fact ids of the evidence ledger, separated by ;'),
  rationale: z.string().min(1).describe('Why this outcome measures this market, or why the market has none'),
}).describe('One row of an outcomes CSV with the header market,outcome,evidence,rationale');

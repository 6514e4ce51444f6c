import { z } from 'zod';
import { kebabId } from '../io/kebab-id';

/**
 * One row of an outcomes CSV (`market,outcome,evidence,rationale`): the observed outcome a backtest correlates the
 * ranking scores with. Declared here so `moatscore schema --kind outcomes` describes the same row the loader reads.
 */
export const OutcomeRowSchema = z.strictObject({
  market: kebabId.describe('A market id of the project data'),
  outcome: z.number().describe('The observed outcome; higher is better (for example an operating margin in percent)'),
  evidence: z.string().describe('Fact ids of the evidence ledger, space-separated'),
  rationale: z.string().min(1).describe('Why this outcome belongs to this market'),
}).describe('One row of an outcomes CSV with the header market,outcome,evidence,rationale');

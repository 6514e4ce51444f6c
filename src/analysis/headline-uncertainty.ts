import type { Dataset } from '../model/dataset';
import type { IndicatorDictionary } from '../model/indicator';
import type { RankingUncertainty, RankResult } from '../model/result';
import type { Rubric } from '../model/rubric';
import type { AggregationMethod } from '../methods/method';
import { rankingUncertainty } from './rank-uncertainty';
import { sensitivityModel } from './sensitivity-model';
import { smaa, SMAA_DEFAULTS } from './smaa';

/** Above this many markets the headline leaves uncertainty out (it would cost seconds); `sensitivity smaa` has it. */
export const HEADLINE_MAX_MARKETS = 200;

/**
 * The headline uncertainty of a rubric ranking: SMAA-2 with the `sensitivity smaa` defaults (condition weights
 * uniform, values inside their ranges, 10,000 samples, fixed seed), so the table and the analysis agree; tier
 * confidence is the share of those samples giving each market the tier the ranking displays.
 */
export function headlineUncertainty(result: RankResult, rubric: Rubric, data: Dataset, method: AggregationMethod, dictionary?: IndicatorDictionary): RankingUncertainty {
  const n = data.ids.length;
  if (n > HEADLINE_MAX_MARKETS) {
    return { samples: 0, seed: SMAA_DEFAULTS.seed, level: 'condition', valuesSampled: false, byId: {}, skipped: `${n.toLocaleString('en')} markets is more than the ${HEADLINE_MAX_MARKETS} the headline samples; moatscore sensitivity smaa computes the same ranges` };
  }
  const s = smaa(sensitivityModel(rubric, data, method, dictionary), { ...SMAA_DEFAULTS, tiers: true });
  const shown = new Map(result.ranking.map((a) => [a.id, a.tier]));
  const tierConfidence = s.ids.map((id, i) => s.tierAcceptability![i][shown.get(id) ?? ''] ?? 0);
  return rankingUncertainty(s.ids, s.acceptability, tierConfidence, { samples: s.samples, seed: s.seed, level: s.level === 'conditions' ? 'condition' : 'criterion', valuesSampled: s.valuesSampled });
}

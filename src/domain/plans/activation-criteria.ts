import type { ResponseLevel } from '../incidents';
import { gradeRank, type WarningGrade } from '../warning';
import type { ActivationCriterion, CriterionMetric, PlanContent } from './plan-content';

const levelRanks: Record<ResponseLevel, number> = { I: 4, II: 3, III: 2, IV: 1 };

/** I (particularly serious) ranks highest: an item or criterion "from II" applies at II and I. */
export const levelRank = (level: ResponseLevel): number => levelRanks[level];
export const atLeast = (level: ResponseLevel, threshold: ResponseLevel): boolean => levelRank(level) >= levelRank(threshold);
export const moreSerious = (a: ResponseLevel, b: ResponseLevel): ResponseLevel => (levelRank(a) >= levelRank(b) ? a : b);

/** What is known when someone considers activating: the warning grade raised, and any figures counted so far. */
export type ActivationFacts = { warningGrade?: WarningGrade; metrics?: Partial<Record<CriterionMetric, number>> };

/**
 * A criterion is met when it has a machine condition and every condition it has holds: the warning grade is at
 * least its grade, the figure at least its minimum. A criterion with only text is for a person to judge.
 */
export function criterionMet(criterion: ActivationCriterion, facts: ActivationFacts): boolean {
  if (criterion.warningGrade === undefined && criterion.metric === undefined) return false;
  if (criterion.warningGrade !== undefined && (facts.warningGrade === undefined || gradeRank(facts.warningGrade) < gradeRank(criterion.warningGrade))) return false;
  if (criterion.metric !== undefined) {
    const value = facts.metrics?.[criterion.metric.key];
    if (value === undefined || value < criterion.metric.min) return false;
  }
  return true;
}

/** The most serious level whose criteria the facts meet, with the criteria met; undefined when none is. */
export function suggestedLevel(content: Pick<PlanContent, 'activationCriteria'>, facts: ActivationFacts): { level: ResponseLevel; met: ActivationCriterion[] } | undefined {
  const met = content.activationCriteria.filter((c) => criterionMet(c, facts));
  if (met.length === 0) return undefined;
  const level = met.map((c) => c.level).reduce(moreSerious);
  return { level, met: met.filter((c) => c.level === level) };
}

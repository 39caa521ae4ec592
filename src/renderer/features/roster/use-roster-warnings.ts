import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolEntry } from '../../../domain/roster/labour-pool';
import { doubleBookings } from '../../../domain/roster/labour-pool-conflicts';
import type { RosterRulesFields, RosterShift } from '../../../domain/roster/roster';
import { personWarnings, type RuleViolation } from '../../../domain/roster/roster-rules';
import { useRuleText } from './labels';
import { KeyedMemo } from './keyed-memo';

/**
 * The warning text for each shift that breaks a fatigue rule or is double-booked by labour pool work, by shift id.
 * The rules are checked per person and kept for everyone whose shifts did not change, so one assignment re-checks
 * one person, not the whole roster.
 */
export function useRosterWarnings(input: {
  shifts: readonly RosterShift[];
  byPerson: ReadonlyMap<string, readonly RosterShift[]>;
  rules: RosterRulesFields | undefined;
  pool: readonly PoolEntry[];
  now: number;
}): ReadonlyMap<string, string> {
  const { shifts, byPerson, rules, pool, now } = input;
  const { t } = useTranslation();
  const ruleText = useRuleText();
  const [perPerson] = useState(() => new KeyedMemo<Map<string, RuleViolation[]>>());
  const found = useMemo(() => {
    const all = new Map<string, RuleViolation[]>();
    if (!rules) return all;
    const limits = [rules.maxConsecutiveHours, rules.minRestHours, rules.maxWeeklyHours];
    for (const [staffId, list] of byPerson) {
      for (const [id, violations] of perPerson.get(staffId, [...limits, ...list], () => personWarnings(list, rules))) all.set(id, violations);
    }
    perPerson.sweep();
    return all;
  }, [byPerson, rules, perPerson]);
  return useMemo(() => {
    const text = new Map([...found].map(([id, list]) => [id, list.map(ruleText)]));
    // A shift whose person is also on incident work from the labour pool at that time is double-booked.
    for (const booking of doubleBookings(pool, shifts, now).values()) {
      for (const id of booking.shiftIds) text.set(id, [...(text.get(id) ?? []), t('roster.grid.doubleBooked')]);
    }
    for (const s of shifts) if (s.override) text.set(s.id, [...(text.get(s.id) ?? []), t('roster.override.cellNote', { reason: s.override.reason })]);
    return new Map([...text].map(([id, list]) => [id, list.join('；')]));
  }, [found, pool, shifts, now, ruleText, t]);
}

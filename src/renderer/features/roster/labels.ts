import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profession } from '../../../domain/roster/staff';

/** Profession names; literal keys so the i18n test can check each one exists in both languages. */
export function useProfessionLabels(): Record<Profession, string> {
  const { t } = useTranslation();
  return {
    physician: t('roster.professions.physician'),
    nurse: t('roster.professions.nurse'),
    technician: t('roster.professions.technician'),
    pharmacist: t('roster.professions.pharmacist'),
    logistics: t('roster.professions.logistics'),
    security: t('roster.professions.security'),
    administration: t('roster.professions.administration'),
    volunteer: t('roster.professions.volunteer'),
  };
}

/**
 * A planning warning in words: which rule, and the numbers that break it. The same function until the language
 * changes, so the roster's warnings are not worded again on every render.
 */
export function useRuleText(): (v: import('../../../domain/roster/roster-rules').RuleViolation) => string {
  const { t } = useTranslation();
  return useCallback(
    (v) => {
      if (v.rule === 'overlap') return t('roster.rules.overlap');
      if (v.rule === 'consecutive') return t('roster.rules.consecutive', { hours: v.hours, limit: v.limit });
      if (v.rule === 'rest') return t('roster.rules.rest', { hours: v.hours, limit: v.limit });
      return t('roster.rules.weekly', { hours: v.hours, limit: v.limit });
    },
    [t],
  );
}

/** The directory's field names as the forms label them, for refusals that point at a field (never `staffNo`). */
export function useStaffFieldLabels(): Record<'staffNo' | 'name' | 'department' | 'profession' | 'homeUnit' | 'phone', string> {
  const { t } = useTranslation();
  return {
    staffNo: t('roster.staff.staffNo'),
    name: t('roster.staff.name'),
    department: t('roster.staff.department'),
    profession: t('roster.staff.profession'),
    homeUnit: t('roster.staff.homeUnit'),
    phone: t('roster.staff.phone'),
  };
}

import type { TFunction } from 'i18next';
import type { ReserveLevel, ReserveQuota } from '../../../domain/resources/reserve-settings';
import type { BurnSource, ReserveBasis } from '../../../domain/resources/reserves';

// Written out key by key so the i18n test sees every key this feature can show (no computed keys).
export function reserveLevelLabel(t: TFunction, level: ReserveLevel): string {
  switch (level) {
    case 'standing': return t('resources.reserves.level.standing');
    case 'I': return t('resources.reserves.level.I');
    case 'II': return t('resources.reserves.level.II');
    case 'III': return t('resources.reserves.level.III');
    case 'IV': return t('resources.reserves.level.IV');
  }
}

/** Which quotas are in force and why: the incident's level, a verified warning's, or the standing reserve. */
export function reserveBasisText(t: TFunction, basis: ReserveBasis): string {
  if (basis.kind === 'standing') return t('resources.reserves.inForceStanding');
  if (basis.kind === 'incident') return t('resources.reserves.inForce', { level: reserveLevelLabel(t, basis.level) });
  return t('resources.reserves.inForceWarning', { level: reserveLevelLabel(t, basis.level), grade: warningGradeLabel(t, basis.grade) });
}

function warningGradeLabel(t: TFunction, grade: Extract<ReserveBasis, { kind: 'warning' }>['grade']): string {
  switch (grade) {
    case 'red': return t('resources.reserves.grade.red');
    case 'orange': return t('resources.reserves.grade.orange');
    case 'yellow': return t('resources.reserves.grade.yellow');
    case 'blue': return t('resources.reserves.grade.blue');
  }
}

export function quotaText(t: TFunction, quota: ReserveQuota, unit: string): string {
  return quota.basis === 'days' ? t('resources.reserves.quota.days', { count: quota.amount }) : t('resources.reserves.quota.units', { amount: quota.amount, unit });
}

/** The burn rate with where it comes from: measured use must never be confused with a plan. */
export function burnText(t: TFunction, source: BurnSource, perDay: number, language: string): string {
  const rate = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(perDay);
  if (source === 'history') return t('resources.reserves.burn.history', { rate });
  if (source === 'planned') return t('resources.reserves.burn.planned', { rate });
  return t('resources.reserves.burn.none');
}

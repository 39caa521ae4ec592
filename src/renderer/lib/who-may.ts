import type { TFunction } from 'i18next';
import { isPermission, parseWhoMayParam, positionsWhoMay, type Role } from '../../domain/roles';
import { positionKey } from '../i18n/keys';

/** Position names as the UI shows them, joined as "A, B or C" / "A、B或C" in the user's language. */
export function positionList(t: TFunction, roles: readonly Role[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(roles.map((role) => t(positionKey(role))));
}

/** "Only the Incident Commander or Planning Chief may do this" / "仅总指挥或计划组组长可用"; null when nobody is named. */
export function whoMayText(t: TFunction, roles: readonly Role[], locale: string): string | null {
  if (roles.length === 0) return null;
  return t('errorDetails.forbidden', { replace: { roles: positionList(t, roles, locale) }, defaultValue: '' }) || null;
}

/**
 * Who may, read from a `forbidden` refusal: the roles it names, or (a refusal recorded before refusals named them)
 * the positions holding the permission it names, from the same role table the server checks.
 */
export function refusalRoles(params: Readonly<Record<string, string | number>>): Role[] {
  const named = parseWhoMayParam(params['roles']);
  if (named.length > 0) return named;
  const permission = params['permission'];
  return isPermission(permission) ? positionsWhoMay(permission) : [];
}

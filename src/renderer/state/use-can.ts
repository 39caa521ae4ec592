import { useTranslation } from 'react-i18next';
import { can, positionsWhoMay, RoleSchema, type Permission, type Role } from '../../domain/roles';
import { whoMayText } from '../lib/who-may';
import { selectLanguage } from './selectors';
import { useApp } from './store-context';

export type Can = {
  allowed: boolean;
  /** "Only the Incident Commander or Planning Chief may do this", from the same role table the server checks. */
  whoMay: string;
  /** `whoMay` when not allowed, else undefined: a disabled control's tooltip and accessible description. */
  title: string | undefined;
};

/** The logged-in user's roles, or null on a standalone desk (nobody logged in: it acts as its local administrator). */
function useRoles(): Role[] | null {
  const user = useApp((s) => s.sync?.user ?? null);
  if (!user) return null;
  return user.roles.flatMap((r) => {
    const parsed = RoleSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

function useVerdict(allowed: boolean, whoMayRoles: readonly Role[]): Can {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const whoMay = whoMayText(t, whoMayRoles, language) ?? t('errors.forbidden');
  return { allowed, whoMay, title: allowed ? undefined : whoMay };
}

/**
 * Whether the person at this desk may use a command, and who may, so the screen disables what the server would
 * refuse and says whom to ask instead of refusing after the click. The server still decides.
 */
export function useCan(permission: Permission): Can {
  const roles = useRoles();
  return useVerdict(roles === null || can({ userId: '', roles }, permission), positionsWhoMay(permission));
}

/** The same for a command one named role holds (a plan's approver), the administrator standing in as the server allows. */
export function useHoldsRole(role: Role): Can {
  const roles = useRoles();
  return useVerdict(roles === null || roles.includes(role) || roles.includes('admin'), [role]);
}

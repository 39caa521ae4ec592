import { can, RoleSchema, type Permission } from '../../domain/roles';
import { useApp } from './store-context';

/**
 * Whether the person at this desk may use a command, so the screen can disable what the server would refuse.
 * Standalone (nobody logged in) the workstation acts as its local administrator. The server still decides.
 */
export function usePermission(permission: Permission): boolean {
  const user = useApp((s) => s.sync?.user ?? null);
  if (!user) return true;
  const roles = user.roles.flatMap((r) => {
    const parsed = RoleSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  return can({ userId: user.username, roles }, permission);
}

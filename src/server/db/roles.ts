import { z } from 'zod';
import type { Db } from './db';
import { migrate } from './migrations';

/**
 * Two PostgreSQL roles, so the server cannot rewrite the incident's record (README, "Database roles"):
 * - the owner owns every table and function and runs migrations; the server never connects as it;
 * - the app role is what the server connects as: read and write on the working tables, but on `audit` only
 *   SELECT and INSERT. Not being the owner, it cannot disable the append-only triggers or the hash chain's.
 * Run once by a superuser (`npm run server -- setup-roles`); running it again after a migration re-applies the
 * grants and ownership to what the migration added.
 */
export const RoleNameSchema = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'a lowercase PostgreSQL role name' });
export type RoleSetup = { owner: string; app: string; ownerPassword?: string | undefined; appPassword?: string | undefined };

export async function setupRoles(db: Db, setup: RoleSetup): Promise<void> {
  const owner = RoleNameSchema.parse(setup.owner);
  const app = RoleNameSchema.parse(setup.app);
  if (owner === app) throw new Error('the owner and app roles must differ: the point is that the server is not the owner');
  await migrate(db);
  await db.transaction(async (tx) => {
    const run = async (template: string, ...args: (string | undefined)[]) => {
      const [row] = await tx.query<{ sql: string }>(`SELECT format(${template}) AS sql`, args);
      if (row) await tx.exec(row.sql);
    };
    for (const [role, password] of [[owner, setup.ownerPassword], [app, setup.appPassword]] as const) {
      const [exists] = await tx.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (!exists) await run(`'CREATE ROLE %I LOGIN', $1::text`, role);
      if (password) await run(`'ALTER ROLE %I PASSWORD %L', $1::text, $2::text`, role, password);
    }
    const tables = await tx.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
    for (const { name } of tables) await run(`'ALTER TABLE public.%I OWNER TO %I', $1::text, $2::text`, name, owner);
    const routines = await tx.query<{ name: string }>(
      `SELECT p.oid::regprocedure::text AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`,
    );
    for (const { name } of routines) await run(`'ALTER ROUTINE %s OWNER TO %I', $1::text, $2::text`, name, owner);
    await run(`'GRANT USAGE ON SCHEMA public TO %I', $1::text`, app);
    await run(`'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', $1::text`, app);
    await run(`'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', $1::text`, app);
    // The record: append and read only. The migrations table: read only (the server checks the schema version).
    await run(`'REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON public.audit FROM %I, PUBLIC', $1::text`, app);
    await run(`'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.schema_migrations FROM %I', $1::text`, app);
    // Tables a later migration adds (run as the owner) are the app's to use; rerun this to re-narrow the audit.
    await run(`'ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', $1::text, $2::text`, owner, app);
  });
}

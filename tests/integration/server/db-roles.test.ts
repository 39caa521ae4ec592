import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/server/audit-chain';
import { openPgDb } from '../../../src/server/db/pg-db';
import { setupRoles } from '../../../src/server/db/roles';
import { createTestDatabase, databaseUrl, newClientId, post, postgresReachable, pushBody, pushed, startTestServer } from '../../fixtures/server';

describe.runIf(await postgresReachable())('the owner and app roles on PostgreSQL', { timeout: 120_000 }, () => {
  it('runs the server as the app role, which can append to the audit but not change it or switch its triggers off', async () => {
    const suffix = randomBytes(4).toString('hex');
    const roles = { owner: `hcc_owner_${suffix}`, app: `hcc_app_${suffix}` };
    const database = await createTestDatabase();
    const admin = openPgDb(database.url);
    const appUrl = new URL(database.url);
    appUrl.username = roles.app;
    try {
      await setupRoles(admin, roles);
      // The server starts as the app role: the schema is current, so it migrates nothing and creates nothing.
      const srv = await startTestServer({ databaseUrl: appUrl.toString() });
      try {
        const session = await srv.login(await srv.createUser());
        const response = await post(srv.url, '/api/sync/push', pushBody(newClientId(), [pushed(1, 'stock.issue', { id: 'nope', qty: 1 })]), session.token);
        expect(response.status).toBe(200);
        expect(await verifyAuditChain(srv.server.db)).toMatchObject({ ok: true, rows: 1 });
      } finally {
        await srv.close();
      }

      const app = new pg.Client({ connectionString: appUrl.toString() });
      await app.connect();
      try {
        const [owner] = (await app.query<{ owner: string }>(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit'`)).rows;
        expect(owner?.owner).toBe(roles.owner);
        await expect(app.query(`UPDATE audit SET result = 'rejected'`)).rejects.toThrow(/permission denied/);
        await expect(app.query('DELETE FROM audit')).rejects.toThrow(/permission denied/);
        await expect(app.query('TRUNCATE audit')).rejects.toThrow(/permission denied/);
        await expect(app.query('ALTER TABLE audit DISABLE TRIGGER audit_no_change')).rejects.toThrow(/must be owner/);
        await expect(app.query('DROP TRIGGER audit_chain ON audit')).rejects.toThrow(/must be owner/);
        await expect(app.query('CREATE TABLE audit_copy (x int)')).rejects.toThrow(/permission denied/);
      } finally {
        await app.end();
      }
    } finally {
      await admin.close();
      await database.drop();
      const root = new pg.Client({ connectionString: databaseUrl });
      await root.connect();
      await root.query(`DROP ROLE IF EXISTS ${roles.app}`).catch(() => undefined);
      await root.query(`DROP ROLE IF EXISTS ${roles.owner}`).catch(() => undefined);
      await root.end();
    }
  });
});

import type { FastifyInstance } from 'fastify';
import { SYNC_PROTOCOL_VERSION } from '../contract/sync';
import type { Db } from './db/db';
import type { PushBatcher } from './push';

export type HealthPolicy = {
  /** The write probe must finish within this, or the server is reported unhealthy. */
  probeTimeoutMs: number;
  /** A push left unanswered this long means the write path is stalled, whatever the probe says. */
  pushStallMs: number;
};

export const defaultHealthPolicy: HealthPolicy = { probeTimeoutMs: 5_000, pushStallMs: 20_000 };

class ProbeTimeout extends Error {}

/**
 * `GET /health` answers 200 only when a push could be served now: a read-write transaction that takes a
 * transaction id (refused on a read-only standby after a failover) commits within `probeTimeoutMs`, and no
 * push has waited longer than `pushStallMs`. A silent link, a pool exhausted by stuck connections or a lock
 * held forever all turn it 503, so a load balancer or an operator sees the stall instead of a cheerful 200.
 */
export function registerHealthRoute(app: FastifyInstance, db: Db, batcher: PushBatcher, policy: HealthPolicy): void {
  app.get('/health', async (_request, reply) => {
    const pushQueueAgeMs = batcher.oldestWaitMs();
    let timer: NodeJS.Timeout | undefined;
    try {
      const probe = db.transaction(async (tx) => {
        await tx.query('SELECT txid_current()');
        const [row] = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
        return row?.version ?? 0;
      });
      // The probe may outlive the answer (until the pool's own timeouts end it): its failure is already reported.
      probe.catch(() => undefined);
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new ProbeTimeout()), policy.probeTimeoutMs);
      });
      const schemaVersion = await Promise.race([probe, timeout]);
      if (pushQueueAgeMs > policy.pushStallMs) {
        app.log.error({ pushQueueAgeMs }, 'health: pushes are stalled');
        return await reply.status(503).send({ ok: false, storage: db.kind, reason: 'pushes stalled', pushQueueAgeMs });
      }
      return { ok: true, storage: db.kind, schemaVersion, protocolVersion: SYNC_PROTOCOL_VERSION, pushQueueAgeMs };
    } catch (error) {
      const reason = error instanceof ProbeTimeout ? `no write within ${policy.probeTimeoutMs} ms` : 'database unavailable';
      app.log.error({ err: error, pushQueueAgeMs }, `health check failed: ${reason}`);
      return reply.status(503).send({ ok: false, storage: db.kind, reason, pushQueueAgeMs });
    } finally {
      clearTimeout(timer);
    }
  });
}

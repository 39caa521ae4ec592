import { ApiFailure } from '../../src/contract/errors';
import type { MutationRequest } from '../../src/contract/mutation-request';
import { createWorkstation } from '../../src/workstation/workstation';
import type { FromWorker, ToWorker } from './worker-protocol';

/**
 * One chaos workstation in its own process (so it can be SIGKILLed mid-write). It acknowledges a mutation to
 * the orchestrator only when the workstation has answered, i.e. when the write is durable in its SQLite file.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: client-worker <data-dir> [clock-skew-ms]');
// A desk whose clock is a day out is common (a PC that never saw a time server); the product must not care.
const skewMs = Number(process.argv[3] ?? '0');
const ws = createWorkstation({ dataDir, now: () => Date.now() + skewMs, sync: { pollMs: 1_000 } });

function send(message: FromWorker): void {
  // The orchestrator may be gone (it ended the run, or died): an answer nobody waits for is dropped.
  if (process.connected) process.send?.(message);
}

process.on('message', (message: ToWorker) => {
  void handle(message);
});

async function handle(message: ToWorker): Promise<void> {
  try {
    switch (message.type) {
      case 'login':
        await ws.call('auth.login', { serverUrl: message.serverUrl, username: message.username, password: message.password });
        return send({ type: 'done', reqId: message.reqId });
      case 'logout':
        await ws.call('auth.logout', {});
        return send({ type: 'done', reqId: message.reqId });
      case 'mutate': {
        const { mutationId } = await ws.call('mutate', { name: message.name, args: message.args } as MutationRequest);
        // Read back the time it was stamped with. Queued right behind the write, before any pull could confirm it.
        const stored = await ws.queue.run(() => ws.store.pending().find((p) => p.mutationId === mutationId));
        return send({ type: 'acked', reqId: message.reqId, mutationId, at: stored?.at ?? null, args: stored?.args ?? null });
      }
      case 'status':
        return send({ type: 'status', reqId: message.reqId, status: await ws.call('sync.status', {}) });
      case 'syncNow':
        await ws.call('sync.now', {});
        return send({ type: 'done', reqId: message.reqId });
      case 'dump': {
        const rows = await ws.queue.run(() => ws.store.rows.scanAll.all().map(({ kind, id, data, deleted }) => ({ kind, id, data, deleted })));
        return send({ type: 'dump', reqId: message.reqId, rows, pending: ws.store.pendingCount() });
      }
    }
  } catch (error) {
    const failure = error instanceof ApiFailure ? error.error : { code: 'internal', message: String(error) };
    send({ type: 'refused', reqId: message.reqId, code: failure.code, message: failure.message });
  }
}

send({ type: 'ready', clientId: ws.clientId });
// An orchestrator that died (or was killed) takes its desks with it rather than leaving them running.
process.on('disconnect', () => process.exit(1));
process.on('SIGTERM', () => {
  void ws.close().then(() => process.exit(0));
});

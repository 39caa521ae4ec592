import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { Poke } from './push';

export const POKE_CHANNEL = 'hcc_poke';

type Subscriber = (poke: Poke) => void;

/**
 * Fans pokes out to this instance's sockets. A poke only says "space S has reached version V, pull": a lower
 * version than one already announced carries no news, so the hub forwards each space's versions increasing.
 * That also drops the echo of this instance's own NOTIFY, which arrives after it poked locally.
 */
export class PokeHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly announced = new Map<string, number>();

  subscribe(spaces: readonly string[], subscriber: Subscriber): () => void {
    for (const space of spaces) {
      let set = this.subscribers.get(space);
      if (!set) this.subscribers.set(space, (set = new Set()));
      set.add(subscriber);
    }
    return () => {
      for (const space of spaces) this.subscribers.get(space)?.delete(subscriber);
    };
  }

  publish(poke: Poke): void {
    if ((this.announced.get(poke.space) ?? 0) >= poke.version) return;
    this.announced.set(poke.space, poke.version);
    for (const subscriber of this.subscribers.get(poke.space) ?? []) subscriber(poke);
  }
}

export function encodePoke(poke: Poke): string {
  return `${poke.space}:${poke.version}`;
}

export function decodePoke(payload: string): Poke | undefined {
  const match = /^([a-z0-9][a-z0-9-]*):(\d+)$/.exec(payload);
  if (!match?.[1] || !match[2]) return undefined;
  return { space: match[1], version: Number(match[2]) };
}

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to someone else) so pokes from every server
 * instance on this database reach this instance's sockets. Reconnects with back-off; while it is down,
 * workstations' polling covers the lost pokes.
 */
export function listenForPokes(connectionString: string, hub: PokeHub, log: FastifyBaseLogger): { ready: Promise<void>; close: () => Promise<void> } {
  let client: pg.Client | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = 500;

  const connect = async (): Promise<void> => {
    // keepAlive: a LISTEN connection is silent by nature; only the kernel's probes notice its peer vanished.
    const next = new pg.Client({ connectionString, keepAlive: true, connectionTimeoutMillis: 10_000 });
    next.on('notification', (message) => {
      const poke = message.channel === POKE_CHANNEL && message.payload ? decodePoke(message.payload) : undefined;
      if (poke) hub.publish(poke);
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'poke listener lost its connection');
      retry();
    });
    await next.connect();
    await next.query(`LISTEN ${POKE_CHANNEL}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    delay = 500;
  };

  const retry = () => {
    const dead = client;
    client = undefined;
    void dead?.end().catch(() => undefined);
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().catch((error: unknown) => {
        log.warn({ err: error }, 'poke listener could not reconnect');
        retry();
      });
    }, delay);
    delay = Math.min(delay * 2, 30_000);
  };

  return {
    ready: connect(),
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await client?.end().catch(() => undefined);
    },
  };
}

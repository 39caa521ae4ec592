import type { Db } from '../../src/server/db/db';
import type { ReplicaRow } from './worker-protocol';

export type Acked = { clientId: string; mutationId: number; name: string };

/** JSON with sorted keys: jsonb reorders keys, so replicas and server are compared by content. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type ServerState = { rows: Map<string, string>; audit: Map<string, { result: string; code: string | null }> };

export async function readServerState(db: Db): Promise<ServerState> {
  const rows = new Map<string, string>();
  for (const row of await db.query<{ kind: string; id: string; data: unknown; deleted: boolean }>('SELECT kind, id, data, deleted FROM entity')) {
    rows.set(`${row.kind}/${row.id}`, `${row.deleted ? 1 : 0}:${canonical(row.data)}`);
  }
  const audit = new Map<string, { result: string; code: string | null }>();
  for (const row of await db.query<{ client_id: string; mutation_id: string | number; result: string; code: string | null }>(
    'SELECT client_id, mutation_id, result, code FROM audit',
  )) {
    const key = `${row.client_id}#${Number(row.mutation_id)}`;
    if (audit.has(key)) audit.set(`${key}#dup${audit.size}`, { result: 'duplicate', code: null });
    else audit.set(key, { result: row.result, code: row.code });
  }
  return { rows, audit };
}

export function replicaDiffers(server: ServerState, replica: readonly ReplicaRow[]): number {
  let differences = 0;
  const seen = new Set<string>();
  for (const row of replica) {
    const key = `${row.kind}/${row.id}`;
    seen.add(key);
    if (server.rows.get(key) !== `${row.deleted}:${canonical(JSON.parse(row.data))}`) differences++;
  }
  for (const key of server.rows.keys()) if (!seen.has(key)) differences++;
  return differences;
}

/**
 * Exactly once, checked on the effects: every stock row's quantity must equal the replay of the applied
 * receipts and issues the audit holds for it, in version order. A mutation applied twice (or lost after being
 * recorded) makes them differ.
 */
export async function stockReplayMismatches(db: Db): Promise<{ mismatches: number; negatives: number }> {
  const applied = await db.query<{ name: string; args: { id: string; qty: number } }>(
    "SELECT name, args FROM audit WHERE result = 'applied' AND name LIKE 'stock.%' ORDER BY version",
  );
  const replay = new Map<string, number>();
  for (const { name, args } of applied) {
    const qty = replay.get(args.id) ?? 0;
    replay.set(args.id, name === 'stock.receive' ? qty + args.qty : qty - args.qty);
  }
  let mismatches = 0;
  let negatives = 0;
  const stock = await db.query<{ id: string; qty: number }>("SELECT id, (data->>'qty')::int AS qty FROM entity WHERE kind = 'stock'");
  for (const row of stock) {
    if (row.qty < 0) negatives++;
    if (replay.get(row.id) !== row.qty) mismatches++;
  }
  for (const value of replay.values()) if (value < 0) negatives++;
  return { mismatches, negatives };
}

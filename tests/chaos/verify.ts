import type { Db } from '../../src/server/db/db';
import type { ReplicaRow } from './worker-protocol';

/** JSON with sorted keys: jsonb reorders keys, so replicas and server are compared by content. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How the run names a mutation in any store: its name, arguments and the time the desk stamped on it. */
export function mutationKey(name: string, args: unknown, at: number | null): string {
  return `${name}|${canonical(args)}|${at ?? '?'}`;
}

/**
 * A mutation a desk acknowledged (durable in its file). `key` names it by content (see `mutationKey`), `author`
 * is the username logged in on that desk when it was made, `forgotten` is set when a restore of the desk's file
 * took it back before it reached the server: nothing can bring such work back, so it is not counted as lost.
 */
export type Acked = {
  key: string;
  nameArgs: string;
  author: string;
  forgotten: boolean;
  /** Where it was made, for the failure report: the desk, its client id then, and the desk's own number for it. */
  desk: number;
  clientId: string;
  localId: number;
};

export type AuditRow = {
  key: string;
  nameArgs: string;
  user: string;
  result: string;
  code: string | null;
  clientId: string;
  mutationId: number;
};

export type ServerState = { rows: Map<string, string>; audit: AuditRow[] };

export async function readServerState(db: Db): Promise<ServerState> {
  const rows = new Map<string, string>();
  for (const row of await db.query<{ kind: string; id: string; data: unknown; deleted: boolean }>('SELECT kind, id, data, deleted FROM entity')) {
    rows.set(`${row.kind}/${row.id}`, `${row.deleted ? 1 : 0}:${canonical(row.data)}`);
  }
  // A 'duplicate' row is a desk copy's re-keyed change the server recognised and did not apply: not work done twice.
  const audit = (
    await db.query<{
      name: string; args: unknown; client_at: number; username: string | null; user_id: string; result: string; code: string | null;
      client_id: string; mutation_id: number;
    }>(
      `SELECT a.name, a.args, a.client_at, u.username, a.user_id, a.result, a.code, a.client_id, a.mutation_id
         FROM audit a LEFT JOIN app_user u ON u.id = a.user_id WHERE a.result <> 'duplicate' ORDER BY a.seq`,
    )
  ).map((a) => ({
    clientId: a.client_id,
    mutationId: Number(a.mutation_id),
    key: mutationKey(a.name, a.args, Number(a.client_at)),
    nameArgs: mutationKey(a.name, a.args, null),
    user: a.username ?? a.user_id,
    result: a.result,
    code: a.code,
  }));
  return { rows, audit };
}

/**
 * Each failure in full, so a run can be diagnosed from its log alone: what the desk made (desk, client id, its
 * own number, content, author) and what the audit holds (client id, mutation number, user), with the audit's
 * other rows of the same content for a duplicate.
 */
export type Finding =
  | { kind: 'lost'; made: Acked }
  | { kind: 'misattributed'; made: Acked; recorded: AuditRow }
  | { kind: 'duplicated'; recorded: AuditRow; sameContent: AuditRow[] };

export type Judgement = { lost: number; duplicated: number; misattributed: number; forgottenByRestore: number; findings: Finding[] };

/**
 * Matches what desks acknowledged with what the server's audit finally holds, by content rather than by
 * (client id, mutation id), which a restored or cloned desk may legitimately re-key.
 * - lost: acknowledged, not forgotten by a desk restore, and absent from the final server state (a mutation the
 *   server applied and then lost to a server restore counts as lost unless a desk sent it again);
 * - duplicated: an audit row no acknowledged mutation accounts for and no unacknowledged attempt (a desk killed
 *   mid-write) explains: the same work recorded twice;
 * - misattributed: an acknowledged mutation whose audit names someone other than the user who made it.
 */
export function judge(acked: readonly Acked[], unackedAttempts: readonly string[], audit: readonly AuditRow[]): Judgement {
  const byKey = new Map<string, AuditRow[]>();
  for (const row of audit) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  const allByKey = new Map([...byKey].map(([key, rows]) => [key, [...rows]]));
  const findings: Finding[] = [];
  const take = (key: string): AuditRow | undefined => {
    const rows = byKey.get(key);
    const row = rows?.shift();
    if (rows?.length === 0) byKey.delete(key);
    return row;
  };
  let lost = 0;
  let misattributed = 0;
  let forgottenByRestore = 0;
  for (const a of acked) {
    // A desk that could not say when it stamped a mutation (never expected) is matched on name and arguments.
    const row = a.key.endsWith('|?') ? takeByNameArgs(byKey, a.nameArgs) : take(a.key);
    if (a.forgotten) forgottenByRestore++;
    if (!row) {
      if (!a.forgotten) {
        lost++;
        findings.push({ kind: 'lost', made: a });
      }
      continue;
    }
    if (row.user !== a.author) {
      misattributed++;
      findings.push({ kind: 'misattributed', made: a, recorded: row });
    }
  }
  const attempts = new Map<string, number>();
  for (const nameArgs of unackedAttempts) attempts.set(nameArgs, (attempts.get(nameArgs) ?? 0) + 1);
  let duplicated = 0;
  for (const rows of byKey.values()) {
    for (const row of rows) {
      const left = attempts.get(row.nameArgs) ?? 0;
      if (left > 0) attempts.set(row.nameArgs, left - 1);
      else {
        duplicated++;
        findings.push({ kind: 'duplicated', recorded: row, sameContent: (allByKey.get(row.key) ?? []).filter((r) => r !== row) });
      }
    }
  }
  return { lost, duplicated, misattributed, forgottenByRestore, findings };
}

function takeByNameArgs(byKey: Map<string, AuditRow[]>, nameArgs: string): AuditRow | undefined {
  for (const [key, rows] of byKey) {
    const index = rows.findIndex((r) => r.nameArgs === nameArgs);
    if (index < 0) continue;
    const [row] = rows.splice(index, 1);
    if (rows.length === 0) byKey.delete(key);
    return row;
  }
  return undefined;
}

/** One line of the failure report for a finding. */
export function describeFinding(f: Finding): string {
  const audited = (r: AuditRow) => `${r.clientId} #${r.mutationId} by ${r.user} (${r.result}${r.code ? ` ${r.code}` : ''})`;
  const made = (a: Acked) => `desk ${a.desk} (client ${a.clientId}, local #${a.localId}) by ${a.author}: ${a.key}`;
  switch (f.kind) {
    case 'lost':
      return `lost: made on ${made(f.made)}; no audit row holds it`;
    case 'misattributed':
      return `misattributed: made on ${made(f.made)}; audited as ${audited(f.recorded)}, expected author ${f.made.author}, recorded ${f.recorded.user}`;
    case 'duplicated':
      return `duplicated: ${audited(f.recorded)}: ${f.recorded.key}; same content also as ${f.sameContent.map(audited).join(', ') || 'nothing else'}`;
  }
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

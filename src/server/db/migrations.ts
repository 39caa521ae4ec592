import type { Db } from './db';

/**
 * Forward-only migrations, one list for PGlite and PostgreSQL. Never edit one that has shipped: add the next.
 * Each is tested from an empty database and from the version before it. Times are epoch ms (bigint), like the
 * domain's; ids are text so UUIDv7s and slugs need no casts.
 */
export const migrations: readonly string[] = [
  // 1: spaces and accounts. A fresh server has one space, so the first user has somewhere to work.
  `
  CREATE TABLE space (
    id text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('hospital', 'exercise')),
    -- The last sync version handed out in this space (see push.ts: taken under this row's lock).
    version bigint NOT NULL DEFAULT 0,
    created_at bigint NOT NULL
  );
  INSERT INTO space (id, name, kind, created_at)
    VALUES ('demo-hospital', 'Demo hospital', 'hospital', (extract(epoch FROM now()) * 1000)::bigint);
  CREATE TABLE app_user (
    id text PRIMARY KEY,
    username text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    roles text[] NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));
  CREATE TABLE user_space (
    user_id text NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    space_id text NOT NULL REFERENCES space (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, space_id)
  );
  -- Only the SHA-256 of a token is kept: a stolen backup opens no session.
  CREATE TABLE session (
    token_hash text PRIMARY KEY,
    user_id text NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    revoked_at bigint
  );
  CREATE INDEX session_by_user ON session (user_id);
  `,
  // 2: sync. Entities are generic (kind, id, JSON) like the workstation's; the audit is append-only.
  `
  CREATE TABLE client (
    id text PRIMARY KEY,
    last_mutation_id bigint NOT NULL DEFAULT 0,
    last_user_id text REFERENCES app_user (id) ON DELETE SET NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
  );
  CREATE TABLE entity (
    kind text NOT NULL,
    id text NOT NULL,
    space text NOT NULL REFERENCES space (id),
    data jsonb NOT NULL,
    version bigint NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    PRIMARY KEY (kind, id)
  );
  CREATE INDEX entity_by_version ON entity (space, version, kind, id);
  CREATE TABLE audit (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id text NOT NULL,
    mutation_id bigint NOT NULL,
    user_id text NOT NULL,
    space text NOT NULL,
    name text NOT NULL,
    args jsonb NOT NULL,
    client_at bigint NOT NULL,
    server_at bigint NOT NULL,
    result text NOT NULL CHECK (result IN ('applied', 'rejected')),
    code text,
    message text,
    version bigint,
    UNIQUE (client_id, mutation_id)
  );
  CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'audit is append-only: it is the incident''s record';
  END
  $$;
  CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
  CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
  `,
  // 3: a refusal's params (the numbers and names behind its code: { item, store, onHand, requested }), so a
  // workstation can say exactly why. Null for applied mutations and for refusals recorded before this version.
  // Adding a nullable column without a default rewrites no row, and the append-only triggers do not fire on it.
  `
  ALTER TABLE audit ADD COLUMN params jsonb;
  `,
  // 4: trust in who and what a client id stands for (issue 11, items 1, 2, 3 and 5).
  // - server_meta.epoch: made once when the database is created, so a desk can tell another database (a new
  //   install) from this one; a restored backup keeps it, and is told apart by space_version (below).
  // - client.owner_user_id / desk_proof_hash: a client id belongs to one account on one desk. Clients from before
  //   this version take their last user as owner, and their desk's proof on first use.
  // - audit.content_hash: what was applied under a (client id, mutation id), so a reused id with other content
  //   (a restored or cloned desk file) is answered `conflict` rather than `duplicate`. Null for older rows.
  // - audit.handed_over: set when a user took over another's pending work ({ from, clientId, mutationId }).
  // - space_version: a random token per version a push gave a space. A desk sends back the token of its cursor;
  //   a token the server no longer has means the database went back (restored), and the desk re-pulls.
  `
  CREATE TABLE server_meta (key text PRIMARY KEY, value text NOT NULL);
  INSERT INTO server_meta (key, value) VALUES ('epoch', gen_random_uuid()::text);
  ALTER TABLE client ADD COLUMN owner_user_id text REFERENCES app_user (id) ON DELETE SET NULL;
  ALTER TABLE client ADD COLUMN desk_proof_hash text;
  UPDATE client SET owner_user_id = last_user_id;
  ALTER TABLE audit ADD COLUMN content_hash text;
  ALTER TABLE audit ADD COLUMN handed_over jsonb;
  CREATE TABLE space_version (
    space text NOT NULL REFERENCES space (id) ON DELETE CASCADE,
    version bigint NOT NULL,
    token text NOT NULL,
    PRIMARY KEY (space, version)
  );
  `,
  // 5: a hash chain over the audit, so a
  // change made by whoever can bypass the append-only triggers (the tables' owner) shows. Each row carries
  // its position in the chain, the previous row's hash and its own: SHA-256 over a canonical encoding (jsonb's
  // text form, which is the same for the same values) of its content and the previous hash. The hash is made
  // in the database by a BEFORE INSERT trigger, so no code path can skip it; writers take an advisory
  // transaction lock, so positions follow commit order (seq is handed out before the lock, so it cannot be).
  // Existing rows are chained in seq order here. verify-audit (cli.ts, audit-chain.ts) walks the chain.
  `
  ALTER TABLE audit ADD COLUMN chain_pos bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text;
  CREATE FUNCTION audit_row_hash(a audit) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
      a.chain_pos, a.prev_hash, a.seq, a.client_id, a.mutation_id, a.user_id, a.space, a.name, a.args, a.client_at,
      a.server_at, a.result, a.code, a.message, a.params, a.version, a.content_hash, a.handed_over)::text, 'UTF8')), 'hex')
  $$;
  CREATE FUNCTION audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    last_pos bigint;
    last_hash text;
  BEGIN
    PERFORM pg_advisory_xact_lock(4710019);
    SELECT chain_pos, hash INTO last_pos, last_hash FROM audit ORDER BY chain_pos DESC LIMIT 1;
    NEW.chain_pos := coalesce(last_pos, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.hash := audit_row_hash(NEW);
    RETURN NEW;
  END
  $$;
  ALTER TABLE audit DISABLE TRIGGER audit_no_change;
  DO $$
  DECLARE
    r audit;
    pos bigint := 0;
    prev text := repeat('0', 64);
  BEGIN
    FOR r IN SELECT * FROM audit ORDER BY seq LOOP
      pos := pos + 1;
      r.chain_pos := pos;
      r.prev_hash := prev;
      prev := audit_row_hash(r);
      UPDATE audit SET chain_pos = pos, prev_hash = r.prev_hash, hash = prev WHERE seq = r.seq;
    END LOOP;
  END
  $$;
  ALTER TABLE audit ENABLE TRIGGER audit_no_change;
  ALTER TABLE audit ALTER COLUMN chain_pos SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
  CREATE UNIQUE INDEX audit_chain_pos ON audit (chain_pos);
  CREATE TRIGGER audit_chain BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_chain();
  `,
  // The server's own time of the change that last wrote each row (issue 11, item 10), sent with pulls beside the
  // desk's time, so a desk with a wrong clock cannot silently put its entries elsewhere in the record. NULL for
  // rows written before this version: their receive time is in the audit (server_at), not repeated here.
  `
  ALTER TABLE entity ADD COLUMN received_at bigint;
  `,
  // 7: the real space an exercise space was made from (issue 16, item 1), so a drill can be traced to its
  // hospital without reading anything into its name. NULL for hospitals and for exercises made by the CLI.
  `
  ALTER TABLE space ADD COLUMN source_space text REFERENCES space (id);
  `,
  // 8: a re-keyed change's first number (PushedMutation.origin), so two copies of one desk file that each re-keyed
  // the same pending change apply it once: the second is recorded as a 'duplicate' of the first, which consumes its
  // id and changes nothing. The index is partial: re-keyed changes are rare.
  `
  ALTER TABLE audit ADD COLUMN origin_client_id text, ADD COLUMN origin_mutation_id bigint;
  CREATE INDEX audit_origin ON audit (origin_client_id, origin_mutation_id) WHERE origin_client_id IS NOT NULL;
  ALTER TABLE audit DROP CONSTRAINT audit_result_check;
  ALTER TABLE audit ADD CONSTRAINT audit_result_check CHECK (result IN ('applied', 'rejected', 'duplicate'));
  -- The chain covers the origin too; a row without one hashes exactly as before, so older links still verify.
  CREATE OR REPLACE FUNCTION audit_row_hash(a audit) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to((CASE WHEN a.origin_client_id IS NULL THEN base
                                          ELSE base || jsonb_build_array(a.origin_client_id, a.origin_mutation_id) END)::text, 'UTF8')), 'hex')
      FROM (SELECT jsonb_build_array(
        a.chain_pos, a.prev_hash, a.seq, a.client_id, a.mutation_id, a.user_id, a.space, a.name, a.args, a.client_at,
        a.server_at, a.result, a.code, a.message, a.params, a.version, a.content_hash, a.handed_over) AS base) AS b
  $$;
  `,
];

export const SERVER_SCHEMA_VERSION = migrations.length;

export class SchemaTooNewError extends Error {
  constructor(found: number) {
    super(`the database is at schema ${found} but this server knows ${SERVER_SCHEMA_VERSION}: update the server`);
    this.name = 'SchemaTooNewError';
  }
}

// Any constant works; it only has to be the same for every instance, so two starting together take turns.
const MIGRATION_LOCK = 4_710_001;

export async function schemaVersion(db: Db): Promise<number> {
  const [exists] = await db.query<{ present: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
  if (!exists?.present) return 0;
  const [row] = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}

/** Brings the database up to `target` (default: the newest), one transaction per step. */
export async function migrate(db: Db, target = SERVER_SCHEMA_VERSION): Promise<number> {
  for (;;) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      // Only when missing: the server may run as a role that may not create tables (README, "Database roles").
      const [exists] = await tx.query<{ present: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
      if (!exists?.present) await tx.exec('CREATE TABLE schema_migrations (version int PRIMARY KEY, applied_at bigint NOT NULL)');
      const [row] = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
      const current = row?.version ?? 0;
      if (current > SERVER_SCHEMA_VERSION) throw new SchemaTooNewError(current);
      const sql = migrations[current];
      if (current >= target || sql === undefined) return true;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [current + 1, Date.now()]);
      return false;
    });
    if (done) return schemaVersion(db);
  }
}

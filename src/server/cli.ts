import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createSpace, createUser, NewSpaceSchema, NewUserSchema } from './accounts';
import { createHospitalServer } from './app';
import { verifyAuditChain } from './audit-chain';
import { lockDataDir } from './db/data-dir-lock';
import { migrate } from './db/migrations';
import { openDb } from './db/open';
import { setupRoles } from './db/roles';
import { importHave } from './exchange/have-import';
import { serverTimeZone, spaceHaveDocument } from './exchange/have-source';
import { exportRm, importRm, rmExports, type RmExport } from './exchange/rm-exchange';
import { exportCap } from './exchange/cap-source';
import { SchemaRefusal, writeValidated } from '../node/xml-schema';

const usage = `hospital server

  npm run server -- [serve] [--port 4710] [--host 127.0.0.1] [--data-dir ./data/server]
  npm run server -- create-user --username U --password P --roles incident_commander,operator
                                 --spaces demo-hospital [--display-name "Name"] [--data-dir ./data/server]
  npm run server -- create-space --id S --name "Name" [--kind hospital|exercise] [--data-dir ./data/server]
  npm run server -- export-have --space S --out file.xml [--time-zone Asia/Shanghai] [--data-dir ./data/server]
                                 the space's EDXL-HAVE 1.0 document, written only if it validates (xmllint)
  npm run server -- import-have --space S --in file.xml --as USERNAME [--data-dir ./data/server]
                                 neighbours' HAVE 1.0 beds into the space's region data, as USERNAME (audited);
                                 a file the schema refuses is refused with xmllint's message
  npm run server -- export-rm --space S --request ID --message request|response|commit --out file.xml
                                 a resource request (HICS 213RR) as EDXL-RM 1.0 RequestResource,
                                 ResponseToRequestResource or CommitResource, written only if it validates
  npm run server -- import-rm --space S --in file.xml --as USERNAME
                                 another hospital's RequestResource as incoming mutual-aid requests, or its
                                 ResponseToRequestResource / CommitResource recorded on the request we sent (audited)
  npm run server -- export-cap --space S --alert ID --out file.xml [--time-zone Asia/Shanghai]
                                 a verified early-warning alert as CAP 1.2 (Alert, or Update / Cancel once an
                                 incident was opened on it or it was dismissed), written only if it validates
  npm run server -- verify-audit [--data-dir ./data/server]     walks the audit's hash chain; exit 1 at a break
  npm run server -- migrate [--data-dir ./data/server]          brings the schema up to date (as the owner role)
  npm run server -- setup-roles --owner hcc_owner --app hcc_app [--owner-password P] [--app-password P]
                                 PostgreSQL, as a superuser: the owner role and the server's app role (README)

Storage: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in <data-dir>/pglite.
Bind beyond loopback (--host 0.0.0.0) only behind a TLS-terminating proxy: tokens travel in headers.`;

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

async function withDb(dataDir: string, fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<void>): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  const unlock = databaseUrl ? () => undefined : lockDataDir(dataDir);
  const db = await openDb({ databaseUrl, dataDir });
  try {
    await migrate(db);
    await fn(db);
  } finally {
    await db.close();
    unlock();
  }
}

async function serve(port: number, host: string, dataDir: string): Promise<void> {
  const server = await createHospitalServer({ databaseUrl: process.env['DATABASE_URL'], dataDir });
  const url = await server.listen(port, host);
  server.app.log.info({ url, storage: server.db.kind }, 'hospital server ready');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    // A request stuck on a dead database must not keep the process up forever.
    setTimeout(() => process.exit(1), 15_000).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: process.env['PORT'] ?? '4710' },
      host: { type: 'string', default: process.env['HOST'] ?? '127.0.0.1' },
      'data-dir': { type: 'string', default: process.env['DATA_DIR'] ?? './data/server' },
      username: { type: 'string' },
      password: { type: 'string' },
      'display-name': { type: 'string' },
      roles: { type: 'string' },
      spaces: { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      owner: { type: 'string' },
      app: { type: 'string' },
      'owner-password': { type: 'string' },
      'app-password': { type: 'string' },
      space: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      as: { type: 'string' },
      'time-zone': { type: 'string' },
      request: { type: 'string' },
      message: { type: 'string' },
      alert: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'serve';
  const dataDir = values['data-dir'];
  if (values.help) {
    console.log(usage);
    return;
  }
  switch (command) {
    case 'serve': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, not ${values.port}`);
      return serve(port, values.host, dataDir);
    }
    case 'create-user': {
      // Checked before the database opens: a refused password (too short, too common, the username) says why at once.
      const input = NewUserSchema.parse({
        username: values.username,
        password: values.password,
        displayName: values['display-name'],
        roles: list(values.roles),
        spaces: list(values.spaces),
      });
      return withDb(dataDir, async (db) => {
        const user = await db.transaction((tx) => createUser(tx, input));
        console.log(`created user ${user.username} (${user.id}) with roles ${user.roles.join(', ')}`);
      });
    }
    case 'create-space':
      return withDb(dataDir, async (db) => {
        await createSpace(db, NewSpaceSchema.parse({ id: values.id, name: values.name ?? values.id, kind: values.kind }));
        console.log(`created space ${values.id ?? ''}`);
      });
    case 'export-have': {
      const { space, out } = values;
      if (!space || !out) throw new Error(`export-have needs --space and --out\n\n${usage}`);
      return withDb(dataDir, async (db) => {
        const snapshot = await spaceHaveDocument(db, space, Date.now(), values['time-zone'] ?? serverTimeZone());
        if (!snapshot) throw new Error(`no space ${space}`);
        await writeValidated(out, snapshot.xml, 'have-1.0');
        console.log(`wrote ${out}: EDXL-HAVE 1.0 for ${space} at version ${snapshot.version}, valid against have.xsd`);
      });
    }
    case 'import-have': {
      const { space, as: username } = values;
      const file = values.in;
      if (!space || !file || !username) throw new Error(`import-have needs --space, --in and --as\n\n${usage}`);
      const xml = await readFile(file, 'utf8');
      return withDb(dataDir, async (db) => {
        const result = await importHave(db, { space, username, xml, label: basename(file), now: Date.now });
        for (const line of result.imported) console.log(`imported ${line.place} (${line.name}): ${JSON.stringify(line.available)} as of ${new Date(line.reportedAt).toISOString()}`);
        for (const line of result.skipped) console.log(`skipped ${line.name}: ${line.reason}`);
        for (const line of result.refused) console.log(`refused ${line.place}: ${line.code}: ${line.message}`);
        if (result.refused.length > 0) process.exitCode = 1;
      });
    }
    case 'export-rm': {
      const { space, out, request: requestId, message } = values;
      if (!space || !out || !requestId || !message || !Object.hasOwn(rmExports, message)) throw new Error(`export-rm needs --space, --request, --message request|response|commit and --out\n\n${usage}`);
      return withDb(dataDir, async (db) => {
        const xml = await exportRm(db, { space, requestId, message: message as RmExport, now: Date.now() });
        await writeValidated(out, xml, rmExports[message as RmExport].schema);
        console.log(`wrote ${out}: EDXL-RM 1.0 ${rmExports[message as RmExport].schema.split('/')[1] ?? message}, valid against its schema`);
      });
    }
    case 'export-cap': {
      const { space, out, alert } = values;
      if (!space || !out || !alert) throw new Error(`export-cap needs --space, --alert and --out\n\n${usage}`);
      return withDb(dataDir, async (db) => {
        const cap = await exportCap(db, { space, alertId: alert, timeZone: values['time-zone'] });
        await writeValidated(out, cap.xml, 'cap-1.2');
        console.log(`wrote ${out}: CAP 1.2 ${cap.msgType} ${cap.identifier}, valid against CAP-v1.2.xsd`);
      });
    }
    case 'import-rm': {
      const { space, as: username } = values;
      const file = values.in;
      if (!space || !file || !username) throw new Error(`import-rm needs --space, --in and --as\n\n${usage}`);
      const xml = await readFile(file, 'utf8');
      return withDb(dataDir, async (db) => {
        const imported = await importRm(db, { space, username, xml, label: basename(file), now: Date.now });
        if (imported.kind === 'answer') {
          const { answer, requestId, duplicate } = imported.result;
          const counted = answer.qty === undefined ? '' : `, ${answer.qty} ${answer.message === 'commit' ? 'committed' : 'counted'}`;
          console.log(`${duplicate ? 'duplicate: already recorded' : 'recorded'} ${answer.message} ${answer.messageId} on request ${requestId}: ${answer.response} from ${answer.from}${answer.reason ? ` (${answer.reason})` : ''}${counted}`);
          return;
        }
        const result = imported.result;
        for (const line of result.received) console.log(`received mutual-aid request ${line.id}: ${line.qty} × ${line.item}`);
        for (const line of result.duplicates) console.log(`already received: ${line.item}`);
        for (const line of result.unreadable) console.log(`unreadable line ${line.elementId}: ${line.reason}`);
        for (const line of result.refused) console.log(`refused ${line.item}: ${line.code}: ${line.message}`);
        if (result.refused.length > 0) process.exitCode = 1;
      });
    }
    case 'migrate':
      return withDb(dataDir, async (db) => {
        console.log(`schema at version ${(await db.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations'))[0]?.v ?? 0}`);
      });
    case 'setup-roles': {
      const databaseUrl = process.env['DATABASE_URL'];
      if (!databaseUrl) throw new Error('setup-roles is for PostgreSQL (set DATABASE_URL to a superuser connection); PGlite has one superuser and no roles');
      const db = await openDb({ databaseUrl });
      try {
        await setupRoles(db, { owner: values.owner ?? 'hcc_owner', app: values.app ?? 'hcc_app', ownerPassword: values['owner-password'], appPassword: values['app-password'] });
      } finally {
        await db.close();
      }
      console.log(`roles ready: ${values.owner ?? 'hcc_owner'} owns the tables (run migrations as it); the server connects as ${values.app ?? 'hcc_app'}`);
      return;
    }
    case 'verify-audit':
      return withDb(dataDir, async (db) => {
        const check = await verifyAuditChain(db);
        if (check.ok) {
          console.log(`audit intact: ${check.rows} rows`);
          if (check.last) console.log(`last link: chain position ${check.last.chainPos} (seq ${check.last.seq}), hash ${check.last.hash}: record it elsewhere to compare with the next check`);
        } else {
          console.log(`audit BROKEN at seq ${check.seq} (chain position ${check.chainPos}), after ${check.rows} intact rows: ${check.problem}`);
          process.exitCode = 1;
        }
        if (db.kind === 'pglite') {
          console.log('note: PGlite runs as its one superuser, which can disable the append-only triggers; the chain shows a change unless every later hash was recomputed too. Use PostgreSQL with the two roles (README) for an audit the server itself cannot alter.');
        }
      });
    default:
      throw new Error(`unknown command ${command}\n\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Zod's message lists every bad field; anything else prints its message without a stack for the operator.
  // A schema refusal prints xmllint's own lines, which name the file, line and element at fault.
  if (error instanceof SchemaRefusal) console.error(`refused: the document does not validate against the OASIS schema\n${error.message}`);
  else console.error(error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error));
  process.exit(1);
});

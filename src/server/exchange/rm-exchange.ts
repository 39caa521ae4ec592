import { commitResourceMessage, requestMessageId, requestResourceMessage, responseToRequestMessage } from '../../domain/edxl/rm-messages';
import { mutualAidRequestArgs, readRequestResource, readRmAnswer, rmMessageRoot, type RmAnswer, type RmAnswerMessage } from '../../domain/edxl/rm-import';
import { ResourceRequestSchema } from '../../domain/resources/resource-requests';
import { requireValid, type ExchangeSchema } from '../../node/xml-schema';
import type { Db } from '../db/db';
import { findSpace } from './have-source';
import { pushAsUser, type pushAs } from './push-as-user';

export const rmExports = {
  request: { schema: 'rm-1.0/RequestResource', build: requestResourceMessage, none: '' },
  response: { schema: 'rm-1.0/ResponseToRequestResource', build: responseToRequestMessage, none: 'the request is still pending: there is no decision to answer with' },
  commit: { schema: 'rm-1.0/CommitResource', build: commitResourceMessage, none: 'nothing has been issued against the request yet' },
} as const satisfies Record<string, { schema: ExchangeSchema; build: unknown; none: string }>;
export type RmExport = keyof typeof rmExports;

/** One request (HICS 213RR) of a space as an EDXL-RM 1.0 message, validated against that message's schema. */
export async function exportRm(db: Db, input: { space: string; requestId: string; message: RmExport; now: number }): Promise<string> {
  const space = await findSpace(db, input.space);
  if (!space) throw new Error(`no space ${input.space}`);
  const [row] = await db.query<{ data: unknown }>("SELECT data FROM entity WHERE kind = 'resourceRequest' AND id = $1 AND space = $2 AND NOT deleted", [input.requestId, input.space]);
  if (!row) throw new Error(`no resource request ${input.requestId} in ${input.space}`);
  const spec = rmExports[input.message];
  const xml = spec.build(ResourceRequestSchema.parse(row.data), space, input.now);
  if (xml === undefined) throw new Error(`no ${input.message} message for request ${input.requestId}: ${spec.none}`);
  await requireValid(xml, spec.schema, `${input.message}-${input.requestId}.xml`);
  return xml;
}

export type RmImport = {
  received: { id: string; item: string; qty: number }[];
  /** Lines already imported from this message (same message id and line): not taken twice. */
  duplicates: { item: string }[];
  unreadable: { elementId: string; reason: string }[];
  refused: { item: string; code: string; message: string }[];
};

/**
 * Another hospital's EDXL-RM 1.0 RequestResource, validated against its schema (a SchemaRefusal carries
 * xmllint's message and nothing is written), lands as incoming mutual-aid requests: one pending request per
 * resource line, applied as `request.receiveMutualAid` under `username` (Logistics), recorded in the audit.
 */
export async function importRmRequest(db: Db, input: { space: string; username: string; xml: string; label: string; now: () => number }): Promise<RmImport> {
  return receiveRmRequest(input, (space, mutations) => pushAsUser(db, { space, username: input.username, mutations, now: input.now }));
}

/**
 * Delivers one of our requests to another hospital space on this server: the same RequestResource an export
 * writes (validated), imported there as `import-rm` would, through `push` (the caller's: see mutual-aid-routes.ts).
 */
export async function deliverRmRequest(db: Db, input: { space: string; to: string; requestId: string; now: () => number }, push: Receive): Promise<RmImport> {
  const xml = await exportRm(db, { space: input.space, requestId: input.requestId, message: 'request', now: input.now() });
  return receiveRmRequest({ space: input.to, xml, label: `request-${input.requestId}.xml`, now: input.now }, push);
}

/** Applies the received lines in `space` and answers each one's result, in order. */
export type Receive = (space: string, mutations: { name: string; args: unknown; at: number }[]) => ReturnType<typeof pushAs>;

async function receiveRmRequest(input: { space: string; xml: string; label: string; now: () => number }, push: Receive): Promise<RmImport> {
  await requireValid(input.xml, 'rm-1.0/RequestResource', input.label);
  const message = readRequestResource(input.xml);
  const lines = message.lines.map((line) => mutualAidRequestArgs(input.space, message, line));
  const results = await push(input.space, lines.map((args) => ({ name: 'request.receiveMutualAid', args, at: input.now() })));
  const outcome: RmImport = { received: [], duplicates: [], unreadable: message.unreadable, refused: [] };
  lines.forEach((args, i) => {
    const result = results[i];
    if (result?.status === 'applied') outcome.received.push({ id: args.id, item: args.item, qty: args.qty });
    else if (result?.code === 'already_exists') outcome.duplicates.push({ item: args.item });
    else outcome.refused.push({ item: args.item, code: result?.code ?? 'internal_error', message: result?.message ?? 'no answer' });
  });
  return outcome;
}

export type RmAnswerImport = {
  requestId: string;
  item: string;
  answer: RmAnswer['answer'];
  /** The same message was recorded before: nothing changed. */
  duplicate: boolean;
};

const answerSchemas = { ResponseToRequestResource: 'rm-1.0/ResponseToRequestResource', CommitResource: 'rm-1.0/CommitResource' } as const satisfies Record<RmAnswerMessage, ExchangeSchema>;
const isAnswer = (root: string | undefined): root is RmAnswerMessage => root === 'ResponseToRequestResource' || root === 'CommitResource';

/**
 * What `import-rm` takes: another hospital's RequestResource (→ `importRmRequest`), or its
 * ResponseToRequestResource / CommitResource about a request we sent (→ recorded on that request). Anything
 * else is checked against RequestResource, so xmllint says what is wrong with it.
 */
export async function importRm(db: Db, input: { space: string; username: string; xml: string; label: string; now: () => number }): Promise<{ kind: 'request'; result: RmImport } | { kind: 'answer'; result: RmAnswerImport }> {
  const root = rmMessageRoot(input.xml);
  if (isAnswer(root)) return { kind: 'answer', result: await importRmAnswer(db, { ...input, root }) };
  return { kind: 'request', result: await importRmRequest(db, input) };
}

/**
 * An answer to one of our requests, validated against its own schema (refused with xmllint's message,
 * nothing written), recorded as `request.recordMutualAidAnswer` under `username`. It must name, as its
 * OriginatingMessageID, the RequestResource a request of `space` went out as.
 */
export async function importRmAnswer(db: Db, input: { space: string; username: string; xml: string; label: string; root: RmAnswerMessage; now: () => number }): Promise<RmAnswerImport> {
  await requireValid(input.xml, answerSchemas[input.root], input.label);
  const { answers, answer } = readRmAnswer(input.xml, input.root);
  const request = await ourRequest(db, input.space, answers);
  if (!request) throw new Error(`no request of space ${input.space} matches message ${answers}`);
  const [result] = await pushAsUser(db, { space: input.space, username: input.username, mutations: [{ name: 'request.recordMutualAidAnswer', args: { id: request.id, answer }, at: input.now() }], now: input.now });
  if (result?.status === 'applied') return { requestId: request.id, item: request.item, answer, duplicate: false };
  if (result?.code === 'already_exists') return { requestId: request.id, item: request.item, answer, duplicate: true };
  throw new Error(`refused: ${result?.code ?? 'internal_error'}: ${result?.message ?? 'no answer'}`);
}

/** Our requests go out as `urn:hcc:<space>:rr:<id>` (see `requestMessageId`); one we received never matches. */
async function ourRequest(db: Db, space: string, messageId: string) {
  const id = /^urn:hcc:[^:]+:rr:([^:]+)$/.exec(messageId)?.[1];
  if (!id) return undefined;
  const [row] = await db.query<{ data: unknown }>("SELECT data FROM entity WHERE kind = 'resourceRequest' AND id = $1 AND space = $2 AND NOT deleted", [id, space]);
  const request = row ? ResourceRequestSchema.safeParse(row.data).data : undefined;
  return request && !request.mutualAid && requestMessageId(request) === messageId ? request : undefined;
}

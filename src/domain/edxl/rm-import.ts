import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { placeRecordId } from '../map';
import { RequestPrioritySchema } from '../resources';

const Text = z.union([z.string(), z.number()]).transform(String);
const Many = <T extends z.ZodType>(item: T) => z.union([z.array(item), item.transform((one) => [one])]).optional();

const QuantitySchema = z.object({ QuantityText: Many(Text), MeasuredQuantity: z.object({ Amount: z.number() }).optional() });
const RequestSchema = z.object({
  RequestResource: z.object({
    MessageID: Text,
    SentDateTime: Text,
    MessageDescription: Text.optional(),
    ContactInformation: Many(z.object({ ContactDescription: Text.optional(), ContactRole: Text.optional() })),
    ResourceInformation: Many(
      z.object({
        ResourceInfoElementID: Text,
        Resource: z.object({ ResourceID: Text.optional(), Name: Text.optional(), Description: Text.optional() }),
        AssignmentInformation: z.object({ Quantity: QuantitySchema.optional() }).optional(),
        ScheduleInformation: Many(z.object({ ScheduleType: Text, DateTime: Text.optional() })),
      }),
    ),
  }),
});

export type RmRequestLine = { elementId: string; item: string; qty: number; neededBy: number | undefined; description: string | undefined };
export type RmRequest = { messageId: string; sentAt: number; from: string; description: string | undefined; lines: RmRequestLine[]; unreadable: { elementId: string; reason: string }[] };

/**
 * Reads an EDXL-RM 1.0 RequestResource that has passed its schema. The schema lets a resource be named by id,
 * name or type and counted in free text; a line the hospital cannot act on (no name, no whole count) is listed
 * in `unreadable` with the reason, not guessed at.
 */
export function readRequestResource(xml: string): RmRequest {
  const doc = RequestSchema.parse(new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: true, trimValues: true }).parse(xml)).RequestResource;
  const contacts = doc.ContactInformation ?? [];
  const requester = contacts.find((c) => c.ContactRole === 'Requester') ?? contacts[0];
  const lines: RmRequestLine[] = [];
  const unreadable: RmRequest['unreadable'] = [];
  for (const info of doc.ResourceInformation ?? []) {
    const item = (info.Resource.Name ?? info.Resource.ResourceID ?? '').trim();
    const quantity = info.AssignmentInformation?.Quantity;
    const counted = quantity?.MeasuredQuantity?.Amount ?? Number((quantity?.QuantityText ?? [])[0]?.match(/^\s*(\d+)/)?.[1] ?? NaN);
    const arrival = (info.ScheduleInformation ?? []).find((s) => s.ScheduleType === 'RequestedArrival')?.DateTime;
    if (!item) unreadable.push({ elementId: info.ResourceInfoElementID, reason: 'the resource has no name or id' });
    else if (!Number.isInteger(counted) || counted < 1) unreadable.push({ elementId: info.ResourceInfoElementID, reason: 'no whole quantity of at least 1' });
    else lines.push({ elementId: info.ResourceInfoElementID, item: item.slice(0, 100), qty: counted, neededBy: arrival ? Date.parse(arrival) : undefined, description: info.Resource.Description });
  }
  return {
    messageId: doc.MessageID,
    sentAt: Date.parse(doc.SentDateTime),
    from: (requester?.ContactDescription ?? 'another hospital').slice(0, 300),
    description: doc.MessageDescription,
    lines,
    unreadable,
  };
}

/** The arguments of `request.receiveMutualAid` for one line of a received request. */
export function mutualAidRequestArgs(space: string, message: RmRequest, line: RmRequestLine) {
  // Our own exports say "priority urgent" in the description; a message that does not say is taken as high.
  const priority = RequestPrioritySchema.safeParse(message.description?.match(/priority (\w+)/i)?.[1]?.toLowerCase()).data ?? 'high';
  const justification = (line.description ?? message.description ?? `Mutual-aid request from ${message.from}`).trim().slice(0, 1000) || `Mutual-aid request from ${message.from}`;
  return {
    // One record per (message, line), whichever desk or tool imports it: a second import is `already_exists`.
    id: placeRecordId(space, 'rmRequest', `${message.messageId}#${line.elementId}`),
    item: line.item,
    qty: line.qty,
    neededBy: line.neededBy ?? message.sentAt,
    priority,
    justification,
    section: 'Mutual aid',
    mutualAid: { direction: 'incoming' as const, from: message.from, messageId: message.messageId, sentAt: message.sentAt },
  };
}

export type RmAnswerMessage = 'ResponseToRequestResource' | 'CommitResource';

const AnswerBodySchema = z.object({
  MessageID: Text,
  SentDateTime: Text,
  OriginatingMessageID: Text,
  PrecedingMessageID: Text,
  ContactInformation: Many(z.object({ ContactDescription: Text.optional(), ContactRole: Text.optional() })),
  ResourceInformation: Many(
    z.object({
      ResponseInformation: z.object({ ResponseType: z.enum(['Accept', 'Decline', 'Provisional']), ResponseReason: Text.optional() }),
      AssignmentInformation: z.object({ Quantity: QuantitySchema.optional() }).optional(),
    }),
  ),
});

export type RmAnswer = {
  /** The message it answers: ours name the request's RequestResource here (see `requestMessageId`). */
  answers: string;
  answer: { message: 'response' | 'commit'; messageId: string; from: string; sentAt: number; response: 'Accept' | 'Decline' | 'Provisional'; reason?: string; qty?: number };
};

/** The root element of an EDXL-RM message, namespace prefix dropped; undefined when it is not readable XML. */
export function rmMessageRoot(xml: string): string | undefined {
  try {
    const doc = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, ignoreDeclaration: true, ignorePiTags: true }).parse(xml) as Record<string, unknown>;
    return Object.keys(doc)[0];
  } catch {
    return undefined;
  }
}

/**
 * Reads a ResponseToRequestResource or CommitResource that has passed its schema: who answered (the responding
 * organisation's contact), when, Accept/Decline/Provisional with the reason, and the units counted across its
 * resource lines (a commit's quantity). The request it answers is the OriginatingMessageID.
 */
export function readRmAnswer(xml: string, root: RmAnswerMessage): RmAnswer {
  const parsed = z.record(z.string(), z.unknown()).parse(new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: true, trimValues: true }).parse(xml))[root];
  const doc = AnswerBodySchema.parse(parsed);
  const contacts = doc.ContactInformation ?? [];
  const responder = contacts.find((c) => c.ContactRole === 'RespondingOrg') ?? contacts.find((c) => c.ContactDescription) ?? contacts[0];
  const lines = doc.ResourceInformation ?? [];
  // One line declined makes the whole answer a decline for the single item our requests carry.
  const response = lines.some((l) => l.ResponseInformation.ResponseType === 'Decline') ? 'Decline' : lines.every((l) => l.ResponseInformation.ResponseType === 'Accept') ? 'Accept' : 'Provisional';
  const reason = lines.map((l) => l.ResponseInformation.ResponseReason?.trim()).filter(Boolean).join('; ').slice(0, 500);
  const counts = lines.map((l) => l.AssignmentInformation?.Quantity?.MeasuredQuantity?.Amount).filter((n): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0);
  return {
    answers: doc.OriginatingMessageID,
    answer: {
      message: root === 'CommitResource' ? 'commit' : 'response',
      messageId: doc.MessageID.slice(0, 300),
      from: (responder?.ContactDescription ?? responder?.ContactRole ?? 'another hospital').trim().slice(0, 300) || 'another hospital',
      sentAt: Date.parse(doc.SentDateTime),
      response,
      ...(reason ? { reason } : {}),
      ...(counts.length > 0 ? { qty: counts.reduce((a, b) => a + b, 0) } : {}),
    },
  };
}

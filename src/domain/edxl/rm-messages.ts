import { XMLBuilder } from 'fast-xml-parser';
import { filledQty, type ResourceRequest } from '../resources';
import type { Space } from '../spaces';

/** EDXL-RM 1.0 (OASIS Standard 2008): message roots live in `:msg`, the shared types in the base namespace. */
export const RM_MSG_NAMESPACE = 'urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg';
export const RM_NAMESPACE = 'urn:oasis:names:tc:emergency:EDXL:RM:1.0';

export type RmMessageType = 'RequestResource' | 'ResponseToRequestResource' | 'CommitResource';

const iso = (ms: number) => new Date(ms).toISOString();
const build = (root: RmMessageType, body: Record<string, unknown>) =>
  new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true }).build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [`rmsg:${root}`]: { '@_xmlns:rmsg': RM_MSG_NAMESPACE, '@_xmlns:rm': RM_NAMESPACE, ...body },
  });

/**
 * The message id a request travels under. An imported request keeps its sender's, so our answers name the
 * message they answer; our own are URNs of the space and the request's id (unique, and stable on re-export).
 */
export const requestMessageId = (request: ResourceRequest): string => request.mutualAid?.messageId ?? `urn:hcc:${request.space}:rr:${request.id}`;

function header(type: RmMessageType, messageId: string, sentAt: number, description: string | undefined) {
  return {
    'rmsg:MessageID': messageId,
    'rmsg:SentDateTime': iso(sentAt),
    'rmsg:MessageContentType': type,
    'rmsg:MessageDescription': description,
  };
}

const contact = (description: string, role: 'Requester' | 'RespondingOrg') => ({
  'rmsg:ContactInformation': { 'rm:ContactDescription': description, 'rm:ContactRole': role },
});

const quantity = (qty: number) => ({ 'rm:MeasuredQuantity': { 'rm:Amount': qty } });

/** HICS 213RR → RequestResource: one ResourceInformation for the request's item, quantity and needed-by time. */
export function requestResourceMessage(request: ResourceRequest, space: Space, sentAt: number): string {
  const id = requestMessageId(request);
  return build('RequestResource', {
    ...header('RequestResource', id, sentAt, `HICS 213RR, priority ${request.priority}: ${request.justification}`),
    'rmsg:OriginatingMessageID': id,
    ...contact(`${space.name}, ${request.section} (requested by ${request.requestedBy})`, 'Requester'),
    'rmsg:ResourceInformation': {
      'rmsg:ResourceInfoElementID': '1',
      'rmsg:Resource': { 'rmsg:Name': request.item, 'rmsg:Description': request.justification },
      'rmsg:AssignmentInformation': { 'rmsg:Quantity': quantity(request.qty) },
      'rmsg:ScheduleInformation': { 'rmsg:ScheduleType': 'RequestedArrival', 'rmsg:DateTime': iso(request.neededBy) },
    },
  });
}

/**
 * A decision on a request → ResponseToRequestResource: Accept (approved, filling or filled) or Decline with the
 * reason. A request still pending has no answer to send.
 */
export function responseToRequestMessage(request: ResourceRequest, space: Space, sentAt: number): string | undefined {
  if (request.status === 'pending') return undefined;
  const declined = request.status === 'rejected';
  const original = requestMessageId(request);
  return build('ResponseToRequestResource', {
    ...header('ResponseToRequestResource', `urn:hcc:${space.id}:rr:${request.id}:response`, sentAt, undefined),
    'rmsg:OriginatingMessageID': original,
    'rmsg:PrecedingMessageID': original,
    ...contact(`${space.name}, Logistics${request.decidedBy ? ` (decided by ${request.decidedBy})` : ''}`, 'RespondingOrg'),
    'rmsg:ResourceInformation': {
      'rmsg:ResourceInfoElementID': '1',
      'rmsg:ResponseInformation': {
        'rm:PrecedingResourceInfoElementID': '1',
        'rm:ResponseType': declined ? 'Decline' : 'Accept',
        'rm:ResponseReason': declined ? request.reason : undefined,
      },
      'rmsg:Resource': { 'rmsg:Name': request.item },
      'rmsg:AssignmentInformation': { 'rmsg:Quantity': quantity(declined ? 0 : request.qty) },
    },
  });
}

/** What has left the stores against a request (its fills) → CommitResource; nothing filled, nothing committed. */
export function commitResourceMessage(request: ResourceRequest, space: Space, sentAt: number): string | undefined {
  const filled = filledQty(request);
  if (filled === 0) return undefined;
  const original = requestMessageId(request);
  const lastFill = Math.max(...request.fills.map((f) => f.at));
  return build('CommitResource', {
    ...header('CommitResource', `urn:hcc:${space.id}:rr:${request.id}:commit:${request.fills.length}`, sentAt, `${filled} of ${request.qty} issued from ${[...new Set(request.fills.map((f) => f.store))].join(', ')}`),
    'rmsg:OriginatingMessageID': original,
    'rmsg:PrecedingMessageID': original,
    ...contact(`${space.name}, Logistics`, 'RespondingOrg'),
    'rmsg:ResourceInformation': {
      'rmsg:ResourceInfoElementID': '1',
      'rmsg:ResponseInformation': { 'rm:PrecedingResourceInfoElementID': '1', 'rm:ResponseType': 'Accept' },
      'rmsg:Resource': { 'rmsg:Name': request.item },
      'rmsg:AssignmentInformation': { 'rmsg:Quantity': quantity(filled) },
      'rmsg:ScheduleInformation': { 'rmsg:ScheduleType': 'Committed', 'rmsg:DateTime': iso(lastFill) },
    },
  });
}

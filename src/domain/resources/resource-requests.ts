import { z } from 'zod';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';
import { StockLabelSchema, StockQtySchema } from './stock';

export const RequestPrioritySchema = z.enum(['urgent', 'high', 'routine']);
export const RequestStatusSchema = z.enum(['pending', 'approved', 'rejected', 'partially_filled', 'filled']);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

export const RequestFillSchema = z.object({ at: StoredEpochMsSchema, by: z.string().max(100), stockId: IdSchema, store: StockLabelSchema, qty: StockQtySchema });

export const MutualAidOriginSchema = z.object({
  direction: z.literal('incoming'),
  from: z.string().trim().min(1).max(300),
  messageId: z.string().trim().min(1).max(300),
  sentAt: StoredEpochMsSchema,
});
export type MutualAidOrigin = z.infer<typeof MutualAidOriginSchema>;

/**
 * Another hospital's answer to a request we sent it (an EDXL-RM ResponseToRequestResource or CommitResource,
 * imported): kept by its message id, so the same message recorded twice is recognised as a duplicate.
 */
export const MutualAidAnswerSchema = z.object({
  message: z.enum(['response', 'commit']),
  messageId: z.string().trim().min(1).max(300),
  from: z.string().trim().min(1).max(300),
  sentAt: StoredEpochMsSchema,
  response: z.enum(['Accept', 'Decline', 'Provisional']),
  reason: z.string().trim().max(500).optional(),
  /** Units the answer accepts or commits, when the message counts them. */
  qty: z.number().int().min(0).max(1_000_000).optional(),
});
export type MutualAidAnswer = z.infer<typeof MutualAidAnswerSchema>;

/** A resource request (HICS 213RR) from a section to Logistics; its fills are the Resource Accounting Record's lines. */
export const ResourceRequestSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  item: StockLabelSchema,
  qty: StockQtySchema,
  neededBy: StoredEpochMsSchema,
  priority: RequestPrioritySchema,
  justification: z.string().trim().min(1).max(1000),
  section: z.string().trim().min(1).max(100),
  requestedBy: z.string().max(100),
  requestedAt: StoredEpochMsSchema,
  status: RequestStatusSchema,
  decidedBy: z.string().max(100).optional(),
  decidedAt: StoredEpochMsSchema.optional(),
  reason: z.string().max(500).optional(),
  fills: z.array(RequestFillSchema),
  updatedAt: StoredEpochMsSchema,
  /**
   * Set on a request another hospital sent us (an EDXL-RM RequestResource, imported): who asked and the
   * message id our answers must name. Absent on our own requests.
   */
  mutualAid: MutualAidOriginSchema.optional(),
  /** Answers other hospitals sent back about this request (our own, sent as mutual aid), oldest recorded first. */
  mutualAidAnswers: z.array(MutualAidAnswerSchema).max(100).optional(),
});
export type ResourceRequest = z.infer<typeof ResourceRequestSchema>;

export const filledQty = (request: Pick<ResourceRequest, 'fills'>) => request.fills.reduce((n, f) => n + f.qty, 0);

export const AccountingLineSchema = z.object({ at: z.number(), requestId: z.string(), item: z.string(), qty: z.number(), store: z.string(), section: z.string(), requestedBy: z.string(), issuedBy: z.string() });
export type AccountingLine = z.infer<typeof AccountingLineSchema>;

/** HICS 257 Resource Accounting Record: every unit that left a store against a request, oldest first. */
export function resourceAccountingRecord(requests: readonly ResourceRequest[]): AccountingLine[] {
  return requests
    .flatMap((r) => r.fills.map((f) => ({ at: f.at, requestId: r.id, item: r.item, qty: f.qty, store: f.store, section: r.section, requestedBy: r.requestedBy, issuedBy: f.by })))
    .sort((a, b) => a.at - b.at);
}

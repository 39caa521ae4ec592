// What other features may use of resources; everything else in this folder is its own.
export { bedSummary } from './beds';
export type { BedCount, BedType } from './beds';
export { RequestPrioritySchema, filledQty, resourceAccountingRecord } from './resource-requests';
export type { ResourceRequest } from './resource-requests';
export type { StockItem, StockLevel, StockMove } from './stock';
export { stockRows } from './stock-calculations';
export type { StockRow } from './stock-calculations';
export { reserveBasis, ReserveBasisSchema, type ReserveBasis, type ReserveStatus } from './reserves';

/**
 * Domain errors are the reasons a mutation is refused. Their `code` is stable and translated by the UI
 * (`errors.<code>` in the i18n resources), so a rejection synced from the server reads the same in every language.
 */
export const domainErrorCodes = [
  'not_found',
  'already_exists',
  'forbidden',
  'incident_closed',
  'invalid_transition',
  'invalid_args',
  'space_mismatch',
  'stock_negative',
  'roster_overlap',
  'roster_consecutive',
  'roster_rest',
  'roster_weekly',
  'map_geometry_mismatch',
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: DomainErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

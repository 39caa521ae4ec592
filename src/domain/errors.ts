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
  /** Enough stock, but not enough of it unexpired: expired lots are never issued; params: `item`, `store`, `usable`, `requested`. */
  'stock_expired',
  'roster_overlap',
  'roster_consecutive',
  'roster_rest',
  'roster_weekly',
  'map_geometry_mismatch',
  /** A custom zone without its type named, or a made-up type on another category; params: `category`. */
  'map_zone_type',
  /** Another person in the directory has this staff number; params: `staffNo`, `person`. */
  'staff_no_taken',
  /** Another stock item, or another store, already has this name; params: `name`. */
  'name_taken',
  /** The item, store or person is retired, so it takes no new receipt, issue, check-in or shift; params: `name`. */
  'retired',
  /** A CAP export of an alert nobody has verified: a signal is not yet a warning to issue; params: `status`. */
  'alert_not_issued',
  /** Text with NUL, another C0 control or an unpaired surrogate (text.ts); params: `field`, `char`. */
  'invalid_text',
  /** A time outside TIME_RANGE (ids.ts): a desk clock gone wrong, or a typo of a year; params: `field`. */
  'time_out_of_range',
  /** MSEL work outside an exercise space: drill scripts never enter a hospital's real records; params: `space`. */
  'not_exercise_space',
  /** An inject delivered or skipped in an exercise already ended or cancelled: play is over; params: `status`, `number`. */
  'exercise_over',
  /** Another inject of the MSEL has this number; params: `number`. */
  'inject_number_taken',
  /** Injects that follow one another round in a circle would never fall due; params: `numbers` (e.g. `1 → 3 → 2`). */
  'inject_chain_cycle',
  /** Only a closed incident is replayed as an exercise: an open one's timeline is not finished; params: `status`. */
  'replay_not_closed',
  /** A report already signed off (or sent) is the record: it is not edited; params: `status`. */
  'report_signed_off',
  /** An after-action report made final is the record: reopen it first; params: `by`, `at`. */
  'aar_final',
  /** A log entry dated further back than BACKDATE_GRACE_MS (activity-log.ts) without a reason; params: `minutes`. */
  'backdate_reason_required',
  /** A general message acknowledged by someone other than its recipient; params: `id`. */
  'not_recipient',
  /** A mutator failed for a reason other than a domain rule (a bug); the details are in the server's log. */
  'internal_error',
  /** The workstation withdrew the change before the server could apply it (too large to send, or discarded). */
  'withdrawn',
  /** Too large for any push to carry; refused by the workstation itself. */
  'too_large',
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

import { z } from 'zod';
import { domainErrorCodes } from '../domain/errors';

/** Errors cross every boundary as values with a stable code the UI translates; never as thrown strings. */
export const ApiErrorSchema = z.object({
  code: z.enum([
    'invalid_request',
    'unknown_method',
    'payload_too_large',
    /** The web host's access token (or a window's IPC sender) was refused: not a user's login. */
    'unauthorized',
    /** The hospital server refused a username and password at login. */
    'login_failed',
    'server_unreachable',
    'update_required',
    'internal',
    /** A standard-exchange document (EDXL) its OASIS schema refuses; the message is xmllint's. */
    'schema_invalid',
    /** The schema validator (xmllint) cannot run here, so no document is let through unchecked. */
    'validator_unavailable',
    ...domainErrorCodes,
  ]),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/**
 * The numbers and names behind a refusal (`DomainError.params`: `{ item, store, onHand, requested }`), as they
 * travel from the server and are kept on each workstation with the refusal. Bounded, because they are stored
 * in the incident's audit and shown to users: short names, a few entries, short texts, finite numbers.
 */
export const ERROR_PARAMS_MAX_ENTRIES = 16;
export const ERROR_PARAM_MAX_TEXT = 200;
const ErrorParamNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
export const ErrorParamsSchema = z
  .record(ErrorParamNameSchema, z.union([z.string().max(ERROR_PARAM_MAX_TEXT), z.number()]))
  .refine((params) => Object.keys(params).length <= ERROR_PARAMS_MAX_ENTRIES, { message: `at most ${ERROR_PARAMS_MAX_ENTRIES} params` });
export type ErrorParams = z.infer<typeof ErrorParamsSchema>;

/**
 * A domain error's params cut to fit `ErrorParamsSchema`, or undefined when none are left. The server applies it
 * before it records a refusal, so the audit, push results and pulls all carry the same params, and a long name
 * can never make a workstation's pull fail validation.
 */
export function boundErrorParams(params: Readonly<Record<string, unknown>>): ErrorParams | undefined {
  const bounded: ErrorParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (Object.keys(bounded).length >= ERROR_PARAMS_MAX_ENTRIES) break;
    if (!ErrorParamNameSchema.safeParse(name).success) continue;
    if (typeof value === 'number' && Number.isFinite(value)) bounded[name] = value;
    else if (typeof value === 'string') bounded[name] = value.length > ERROR_PARAM_MAX_TEXT ? `${cut(value, ERROR_PARAM_MAX_TEXT - 1)}…` : value;
  }
  return Object.keys(bounded).length > 0 ? bounded : undefined;
}

/** The first `units` UTF-16 units of `text`, without leaving half of a surrogate pair at the end. */
function cut(text: string, units: number): string {
  const head = text.slice(0, units);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** Names the field and the rule it broke, e.g. `args.name: must not be empty (too_small)`. */
export function describeZodError(error: z.ZodError, root = ''): ApiError {
  const issues = error.issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
    return { path, message: `${issue.message} (${issue.code})` };
  });
  return {
    code: 'invalid_request',
    message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    issues,
  };
}

export class ApiFailure extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
    this.error = error;
  }
}

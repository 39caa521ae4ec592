import { z } from 'zod';
import { domainErrorCodes } from '../domain/errors';

/** Errors cross every boundary as values with a stable code the UI translates; never as thrown strings. */
export const ApiErrorSchema = z.object({
  code: z.enum([
    'invalid_request',
    'unknown_method',
    'payload_too_large',
    'unauthorized',
    'server_unreachable',
    'update_required',
    'internal',
    ...domainErrorCodes,
  ]),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

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

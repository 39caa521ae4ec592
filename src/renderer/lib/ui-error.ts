import { ApiFailure } from '../../contract/errors';
import { TransportFailure } from '../transport/transport-error';

/** An error the UI can translate: `errors.<code>`, with the offending fields when the request was invalid. */
export type UiError = {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  fields?: string[];
};

export function toUiError(error: unknown): UiError {
  if (error instanceof ApiFailure) {
    const { code, message, params, issues } = error.error;
    return {
      code,
      message,
      ...(params ? { params } : {}),
      ...(issues ? { fields: issues.map((i) => i.path.replace(/^params\.args\.|^params\./, '')) } : {}),
    };
  }
  if (error instanceof TransportFailure) return { code: error.code, message: error.message };
  // Errors that crossed Electron's contextBridge arrive as plain objects or with the code in their fields.
  if (typeof error === 'object' && error !== null) {
    const candidate = (error as { error?: unknown }).error ?? error;
    const code = (candidate as { code?: unknown }).code;
    const message = (candidate as { message?: unknown }).message;
    if (typeof code === 'string') return { code, message: typeof message === 'string' ? message : code };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

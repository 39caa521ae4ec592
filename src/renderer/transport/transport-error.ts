/** Failures of the connection itself, as opposed to the workstation's answers (ApiFailure). */
export type TransportErrorCode = 'disconnected' | 'timeout' | 'invalid_response' | 'payload_too_large';

export class TransportFailure extends Error {
  readonly code: TransportErrorCode;
  constructor(code: TransportErrorCode, message: string) {
    super(message);
    this.name = 'TransportFailure';
    this.code = code;
  }
}

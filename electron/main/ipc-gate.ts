import { api, isMethod, type Method } from '../../src/contract/api';
import { describeZodError, type ApiError } from '../../src/contract/errors';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/contract/json-depth';
import { MAX_REQUEST_BYTES } from '../../src/contract/wire';
import { WALL_METHODS, type WindowRole } from '../preload/channels';
import { isAppUrl } from './url-guard';

/** Who sent an IPC message, reduced to what the gate needs; main builds it from the IPC event. */
export type SenderInfo = {
  /** Role of the window the WebContents belongs to; undefined when it is not one of ours. */
  role: WindowRole | undefined;
  /** False for iframes, and when the sending frame is already gone. */
  isMainFrame: boolean;
  /** URL of the sending frame. */
  url: string;
};

export type GateVerdict = { ok: true; method: Method; params: unknown } | { ok: false; error: ApiError };

const wallMethods: ReadonlySet<string> = new Set(WALL_METHODS);

/** VS Code's rule: a message counts only if it comes from the main frame of one of our windows, on our origin. */
export function senderRole(sender: SenderInfo): WindowRole | null {
  if (sender.role === undefined || !sender.isMainFrame || !isAppUrl(sender.url)) return null;
  return sender.role;
}

export function methodAllowed(role: WindowRole, method: Method): boolean {
  return role === 'operator' || wallMethods.has(method);
}

/**
 * Everything main checks before a call may reach the workstation: sender, method, the window's rights, size,
 * and the contract's params schema. Errors are the ones `dispatch()` gives for the same faults, so the renderer
 * handles IPC and WebSocket failures alike.
 */
export function gateCall(sender: SenderInfo, method: unknown, payload: unknown): GateVerdict {
  const role = senderRole(sender);
  if (role === null) return { ok: false, error: { code: 'unauthorized', message: 'calls are accepted only from our own windows' } };
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `unknown method ${String(method).slice(0, 100)}` } };
  }
  if (!methodAllowed(role, method)) {
    return { ok: false, error: { code: 'unauthorized', message: `${method} is not available on the ${role} window` } };
  }
  if (typeof payload !== 'string') {
    return { ok: false, error: { code: 'invalid_request', message: 'params must arrive as JSON text' } };
  }
  // Every UTF-16 unit is at least one UTF-8 byte, so a string over the limit in units is refused unmeasured.
  if (payload.length > MAX_REQUEST_BYTES || Buffer.byteLength(payload, 'utf8') > MAX_REQUEST_BYTES) {
    return { ok: false, error: { code: 'payload_too_large', message: `request is over ${MAX_REQUEST_BYTES} bytes` } };
  }
  if (nestsDeeperThan(payload)) {
    return { ok: false, error: { code: 'invalid_request', message: `params nest deeper than ${MAX_JSON_DEPTH} levels` } };
  }
  let params: unknown;
  try {
    params = JSON.parse(payload);
  } catch {
    return { ok: false, error: { code: 'invalid_request', message: 'params are not valid JSON' } };
  }
  const parsed = api[method].params.safeParse(params ?? {});
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error, 'params') };
  // A live read is a read: the window must be allowed the read it asks to keep live.
  if (method === 'live.subscribe') {
    const inner = (parsed.data as { method: Method }).method;
    if (!methodAllowed(role, inner)) return { ok: false, error: { code: 'unauthorized', message: `${inner} is not available on the ${role} window` } };
  }
  // Forward what the page sent, not the parsed copy: the workstation's dispatch() validates it again, and
  // defaults or transforms in a schema must be applied once, there.
  return { ok: true, method, params };
}

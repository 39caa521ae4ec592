import { createHmac, randomBytes } from 'node:crypto';
import type { LocalStore } from './local-store';

/**
 * The desk's secret: 32 random bytes kept in its SQLite file and never sent. The server sees only a proof per
 * client id (HMAC of the id), so a proof copied from a log or a request opens no other stream, and another
 * workstation, lacking the file, cannot push or pull under this desk's client ids (issue 11, item 2).
 * A copy of the file (a backup, a disk image) carries the secret: such copies are told apart by content
 * (server `conflict`), not by the proof.
 */
export function deskSecret(store: LocalStore): string {
  let secret = store.getMeta('deskSecret');
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    store.setMeta('deskSecret', secret);
  }
  return secret;
}

export function deskProof(secret: string, clientId: string): string {
  return createHmac('sha256', secret).update(`hcc-desk-proof:${clientId}`).digest('base64url');
}

import type { ApiEvent } from '../contract/api';
import { MAX_CHANGED_IDS } from '../contract/changed-ids';

export type Listener = (event: ApiEvent) => void;

/** Fan-out of workstation events to every connected renderer (IPC windows, WebSocket clients). */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ApiEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken window must not stop the others hearing of a change.
      }
    }
  }
}

/** A `changed` event; it names the rows only when they are few enough for a reader to re-read them one by one. */
export function changedEvent(kinds: Iterable<string>, ids: ReadonlySet<string>): ApiEvent {
  return ids.size > 0 && ids.size <= MAX_CHANGED_IDS ? { type: 'changed', kinds: [...kinds], ids: [...ids] } : { type: 'changed', kinds: [...kinds] };
}

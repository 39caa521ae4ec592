import type { ApiEvent } from '../contract/api';

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

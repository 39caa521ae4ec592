import type { WebContents } from 'electron';
import type { WindowRole } from '../preload/channels';

/**
 * Which of our windows a WebContents belongs to. IPC trusts a sender only if it is registered here, so a
 * WebContents we did not create (a devtools page, a webview that slipped through) gets nothing.
 */
export class WindowRegistry {
  private readonly roles = new Map<number, { role: WindowRole; contents: WebContents }>();

  add(contents: WebContents, role: WindowRole): void {
    const id = contents.id;
    this.roles.set(id, { role, contents });
    contents.once('destroyed', () => this.roles.delete(id));
  }

  roleOf(contentsId: number): WindowRole | undefined {
    return this.roles.get(contentsId)?.role;
  }

  /** Every live window's WebContents, for relaying workstation events. */
  contents(): WebContents[] {
    return [...this.roles.values()].map((entry) => entry.contents).filter((c) => !c.isDestroyed());
  }
}

import { describe, expect, it } from 'vitest';
import { Desk } from '../../chaos/desks';
import { WorkerProcess } from '../../chaos/processes';
import { TcpProxy } from '../../chaos/tcp-proxy';

// A desk whose worker is never started and whose proxy never listens: hold() is bookkeeping in the run itself.
function desk(): Desk {
  const dir = '/nonexistent/chaos-desk';
  return new Desk(0, dir, new WorkerProcess(dir), new TcpProxy(1), 0, { username: 'u', password: 'p', roles: 'admin' });
}

/** Lets every callback already queued run (promise jobs and I/O callbacks), with no clock involved. */
const drain = () => new Promise<void>((resolve) => setImmediate(resolve));

function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('Desk.hold (chaos harness)', () => {
  it('waits while a kill has the desk, and runs once the kill releases it', async () => {
    const d = desk();
    expect(d.tryTake()).toBe(true);
    let ran = false;
    const held = d.hold(() => {
      ran = true;
      return Promise.resolve();
    });
    await drain();
    expect(ran).toBe(false);
    d.release();
    await held;
    expect(ran).toBe(true);
  });

  it('keeps traffic and kills off the desk while the fault runs, and frees it after', async () => {
    const d = desk();
    const { opened, open } = gate();
    const held = d.hold(() => opened);
    await drain();
    expect(d.busy).toBe(true);
    expect(d.tryTake()).toBe(false);
    open();
    await held;
    expect(d.busy).toBe(false);
    expect(d.tryTake()).toBe(true);
  });

  it('runs two faults on one desk one after the other, never overlapping', async () => {
    const d = desk();
    const first = gate();
    const events: string[] = [];
    const a = d.hold(async () => {
      events.push('a starts');
      await first.opened;
      events.push('a ends');
    });
    const b = d.hold(() => {
      events.push('b starts');
      return Promise.resolve();
    });
    await drain();
    expect(events).toEqual(['a starts']);
    first.open();
    await Promise.all([a, b]);
    expect(events).toEqual(['a starts', 'a ends', 'b starts']);
  });

  it('frees the desk when the fault fails', async () => {
    const d = desk();
    await expect(d.hold(() => Promise.reject(new Error('restore failed')))).rejects.toThrow('restore failed');
    expect(d.busy).toBe(false);
  });
});
